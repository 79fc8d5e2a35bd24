/**
 * An in-memory stand-in for Excel's JavaScript API (Office.js), for the task pane's tests: jest (Node) and the
 * headless-Chromium test (the script sets window.Office / window.Excel when window.__PAR_FAKE_EXCEL_INIT__ is set).
 *
 *   const fake = createFakeExcel({ sheets: [{ name, values, formulas?, protected?, unlocked?, merges? }], active, apiVersion,
 *                                  displayLanguage, payloadLimit?, missingClasses?, nullChains? });
 *   fake.Office, fake.Excel, fake.syncCount(), fake.resetSyncCount(), fake.snapshot(), fake.payloads()
 *   fake.formatOf(sheet, "A1") (font, alignment, borders of one cell), fake.reads() / fake.writes() (the cell blocks
 *   loaded / assigned, in order)
 *
 * Strict like Office.js where it matters for batching: a proxy's properties can be read only after load() and
 * context.sync(); isNullObject only after a sync; getItem of a missing sheet fails the next sync (ItemNotFound);
 * an API newer than `apiVersion` fails the sync (ApiNotFound); after a failed action the rest of the batch is
 * dropped. Writes apply at once. Values written behave as typed into Excel: "=…" is a formula, "'…" is text,
 * number-like text becomes a number unless the cell's number format is "@". Formulas are not computed: a formula
 * cell's value is the one seeded or last written (empty for a new formula).
 *
 * Rules of real Excel it enforces (quoted from @types/office-js where the typings state them):
 * - A very hidden sheet cannot be moved (setting `position` fails with InvalidOperation).
 * - A cell holds a note or a threaded comment, not both: adding one where the other is fails (InvalidOperation).
 * - CommentCollection.add takes "a string address (the sheet name included) or a Range object": "E8" alone fails.
 * - `payloadError: "GeneralException"` plays Excel on the web reporting an oversized request as GeneralException
 *   (HTTP 500) instead of RequestPayloadSizeLimitExceeded.
 * - `readOnly: true`: Office.context.document.mode is "readOnly" and settings.saveAsync fails.
 * - Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with
 *   an `InvalidOperation` exception".
 * - A protected sheet: "FormatProtection.locked — Specifies if Excel locks the cells in the object"; every cell is
 *   locked unless unlocked (seed `unlocked: ["H:I"]`, or format.protection.locked = false before protecting). Only
 *   the contents (values, formulas, clear("Contents")) of unlocked cells may change; formats, merges, notes,
 *   comments, charts and locked cells are refused (AccessDenied), as Excel does without allowFormatCells /
 *   allowEditObjects.
 * - A protected workbook structure (setStructureProtected) refuses adding, deleting, renaming, hiding, unhiding and
 *   moving sheets (AccessDenied), as Excel's Review → Protect Workbook does.
 * - Excel on the web's 5 MB cap per request and per response: each sync's request (the queued actions, object
 *   paths and their arguments, as the JSON Office.js sends) and response (the loaded properties as JSON) are
 *   measured in UTF-8 bytes. A request over `payloadLimit` fails with RequestPayloadSizeLimitExceeded and nothing
 *   of it is applied; a response over it fails with ResponsePayloadSizeLimitExceeded (its writes were applied, its
 *   loads are lost).
 * - Range.getMergedAreasOrNullObject (ExcelApi 1.13): "if the merged areas count in this range is more than 512,
 *   then this method will fail to return the result"; merging keeps the value of the top-left cell only.
 * - A method of a null object (getItemOrNullObject of a missing sheet, then getUsedRangeOrNullObject) gives a null
 *   object; with `nullChains: "fail"` it fails the sync instead, to prove the adapter copes with either.
 * - `missingClasses` plays an office.js older than the host: e.g. ["NoteCollection"] is the npm 2022 build, whose
 *   Excel scripts have comments but no notes (Excel.NoteCollection and worksheet.notes are undefined) while
 *   isSetSupported still answers for the host's ExcelApi 1.18.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    const api = factory();
    root.createFakeExcel = api.createFakeExcel;
    if (root.__PAR_FAKE_EXCEL_INIT__) {
      root.__parFake = api.createFakeExcel(root.__PAR_FAKE_EXCEL_INIT__);
      root.Office = root.__parFake.Office;
      root.Excel = root.__parFake.Excel;
    }
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /* ------------------------------------------------------------------------------------------ errors */

  class FakeOfficeError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message };
    }
  }

  const notLoaded = (name) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );

  /* ------------------------------------------------------------------------------------------ payload sizes */

  /** Excel on the web's cap on one request and one response ("5 MB", taken at its strictest: 5,000,000 bytes). */
  const PAYLOAD_LIMIT = 5000000;
  /**
   * What Office.js sends per object and per action, besides the arguments: an object path such as
   * {"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,"ArgumentInfo":{"Arguments":[…]}} and an
   * action such as {"Id":9,"ActionType":4,"Name":"Color","ObjectPathId":8,"ArgumentInfo":{"Arguments":[…]}}.
   */
  const PATH_BYTES = 100;
  const ACTION_BYTES = 90;
  const MAX_MERGED_AREAS = 512;

  function utf8Length(text) {
    if (typeof Buffer !== "undefined") return Buffer.byteLength(text, "utf8");
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** UTF-8 bytes of a value as JSON. */
  const jsonBytes = (value) => (value === undefined ? 0 : utf8Length(JSON.stringify(value)));

  /* ------------------------------------------------------------------------------------------ addresses */

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }

  function colLetters(index) {
    let n = index + 1;
    let s = "";
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  const MAX_ROW = 1048575;
  const MAX_COL = 16383;

  /** "A1", "B2:C9", "A:C", "3:5", with $ and an optional sheet prefix; 0-based inclusive rectangle. */
  function parseAddress(address) {
    let text = String(address).trim();
    let sheet = null;
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
      text = text.slice(bang + 1);
    }
    const parts = text.replace(/\$/g, "").split(":");
    if (parts.length > 2) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    const ends = parts.map((p) => {
      let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(p);
      if (m) return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
      m = /^([A-Za-z]{1,3})$/.exec(p);
      if (m) return { r: null, c: colIndex(m[1]) };
      m = /^(\d{1,7})$/.exec(p);
      if (m) return { r: Number(m[1]) - 1, c: null };
      throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    });
    const a = ends[0];
    const b = ends[1] || ends[0];
    const rect = {
      r0: a.r === null ? 0 : Math.min(a.r, b.r),
      r1: a.r === null ? MAX_ROW : Math.max(a.r, b.r),
      c0: a.c === null ? 0 : Math.min(a.c, b.c),
      c1: a.c === null ? MAX_COL : Math.max(a.c, b.c),
    };
    if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null) || (a.r === null && a.c === null)) {
      throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    }
    return { sheet, rect };
  }

  const cellName = (r, c) => `${colLetters(c)}${r + 1}`;

  function rectAddress(rect) {
    const from = cellName(rect.r0, rect.c0);
    return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? from : `${from}:${cellName(rect.r1, rect.c1)}`;
  }

  function qualified(sheetName, rect) {
    const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
    return `${name}!${rectAddress(rect)}`;
  }

  const key = (r, c) => `${r},${c}`;
  const unkey = (k) => k.split(",").map(Number);

  /* ------------------------------------------------------------------------------------------ the workbook model */

  function versionAtLeast(have, want) {
    const [a1, b1] = String(have).split(".").map(Number);
    const [a2, b2] = String(want).split(".").map(Number);
    return a1 > a2 || (a1 === a2 && (b1 || 0) >= (b2 || 0));
  }

  function normalizeColor(color) {
    if (typeof color !== "string") return color;
    const named = { white: "#FFFFFF", black: "#000000", red: "#FF0000", yellow: "#FFFF00" };
    const c = named[color.toLowerCase()] || color;
    return (c.startsWith("#") ? c : `#${c}`).toUpperCase();
  }

  /** The parts of rectangle `a` outside rectangle `b` (at most four rectangles). */
  function subtractRect(a, b) {
    if (a.r0 > b.r1 || a.r1 < b.r0 || a.c0 > b.c1 || a.c1 < b.c0) return [a];
    const out = [];
    if (a.r0 < b.r0) out.push({ r0: a.r0, r1: b.r0 - 1, c0: a.c0, c1: a.c1 });
    if (a.r1 > b.r1) out.push({ r0: b.r1 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
    const r0 = Math.max(a.r0, b.r0);
    const r1 = Math.min(a.r1, b.r1);
    if (a.c0 < b.c0) out.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
    if (a.c1 > b.c1) out.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
    return out;
  }

  class SheetModel {
    constructor(book, name) {
      this.book = book;
      this.id = `{sheet-${++book.nextId}}`;
      this.name = name;
      this.visibility = "Visible";
      this.protected = false;
      /** The cells whose format.protection.locked is false (every cell is locked by default), as rectangles. */
      this.unlocked = [];
      /** rows[r][c] = { v, f }: v the value ("" when empty), f the formula text or null. */
      this.rows = [];
      /** "r,c" → number format other than General. */
      this.numberFormats = new Map();
      /** "r,c" → { color, pattern }. */
      this.fills = new Map();
      /** "r,c" → font, alignment and border settings. */
      this.formats = new Map();
      this.notes = new Map();
      this.frozenRows = 0;
      this.frozenColumns = 0;
      /** Merged areas as A1 ranges ("A1:H1"). */
      this.merges = [];
      /** Row (0-based) → height in points, where set; "auto" after autofitRows (which ignores merged cells). */
      this.rowHeights = new Map();
      this.validations = [];
      this.charts = [];
      this.columnWidths = new Map();
      this.autoFilter = null;
      this.pageLayout = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printTitleRows: null, leftFooter: "", rightFooter: "" };
      /** Rows (1-based) that start a printed page. */
      this.pageBreaks = [];
    }

    cell(r, c) {
      return (this.rows[r] && this.rows[r][c]) || null;
    }

    /** The merged areas as rectangles. */
    mergedRects() {
      return this.merges.map((m) => parseAddress(m).rect);
    }

    /** Merges a rectangle: Excel keeps the top-left cell's value and empties the others. */
    merge(rect) {
      const overlaps = (a, b) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
      this.merges = this.merges.filter((m) => !overlaps(parseAddress(m).rect, rect));
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) if (r !== rect.r0 || c !== rect.c0) this.put(r, c, "", null);
      }
      if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) this.merges.push(rectAddress(rect));
    }

    value(r, c) {
      const cell = this.cell(r, c);
      return cell ? cell.v : "";
    }

    formula(r, c) {
      const cell = this.cell(r, c);
      if (!cell) return "";
      return cell.f !== null ? cell.f : cell.v;
    }

    numberFormat(r, c) {
      return this.numberFormats.get(key(r, c)) || "General";
    }

    /** Whether every cell of the rectangle is unlocked (covered by the unlocked rectangles, which may overlap). */
    allUnlocked(rect) {
      let rest = [rect];
      for (const u of this.unlocked) rest = rest.flatMap((part) => subtractRect(part, u));
      return rest.length === 0;
    }

    put(r, c, v, f) {
      if (!this.rows[r]) this.rows[r] = [];
      if (v === "" && f === null) delete this.rows[r][c];
      else this.rows[r][c] = { v, f };
    }

    /** A value or formula entered as in Excel's formula bar (null leaves the cell as it is). */
    enter(r, c, input) {
      if (input === null || input === undefined) return;
      if (typeof input === "number") return this.put(r, c, Number.isFinite(input) ? input : "", null);
      if (typeof input === "boolean") return this.put(r, c, input, null);
      if (input instanceof Date) throw new FakeOfficeError("InvalidArgument", "Dates must be written as serial numbers");
      const text = String(input);
      if (text === "") return this.put(r, c, "", null);
      if (text.startsWith("'")) return this.put(r, c, text.slice(1), null);
      if (this.numberFormat(r, c) === "@") return this.put(r, c, text, null);
      if (text.startsWith("=") && text.length > 1) {
        const old = this.cell(r, c);
        return this.put(r, c, old && old.f === text ? old.v : "", text);
      }
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return this.put(r, c, Number(text), null);
      if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(text.trim())) return this.put(r, c, Number(text.trim().slice(0, -1)) / 100, null);
      if (/^(true|false)$/i.test(text.trim())) return this.put(r, c, text.trim().toLowerCase() === "true", null);
      return this.put(r, c, text, null);
    }

    /** Rows and columns holding a value or formula ({r0,c0,r1,c1}), or null when there is none. */
    extent(valuesOnly) {
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      const see = (r, c) => {
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      };
      this.rows.forEach((row, r) => {
        if (row) row.forEach((cell, c) => cell && see(r, c));
      });
      if (!valuesOnly) {
        for (const map of [this.fills, this.formats, this.numberFormats]) for (const k of map.keys()) see(...unkey(k));
        for (const m of this.merges) {
          const { rect } = parseAddress(m);
          see(rect.r0, rect.c0);
          see(rect.r1, rect.c1);
        }
      }
      return r1 < 0 ? null : { r0, c0, r1, c1 };
    }
  }

  class Book {
    constructor(init) {
      this.nextId = 0;
      this.syncs = 0;
      this.apiVersion = init.apiVersion || "1.18";
      this.payloadLimit = init.payloadLimit || PAYLOAD_LIMIT;
      // Excel on the web also reports an oversized request as GeneralException (HTTP 500): payloadError: "GeneralException".
      this.payloadError = init.payloadError || "RequestPayloadSizeLimitExceeded";
      this.readOnly = !!init.readOnly;
      this.officeTheme = init.officeTheme || null;
      /** Classes the office.js in use lacks (see the header). */
      this.missing = new Set(init.missingClasses || []);
      /** "null" (default): methods of a null object give null objects; "fail": they fail the sync. */
      this.nullChains = init.nullChains || "null";
      /** Request and response bytes of every sync, in order. */
      this.payloads = [];
      this.name = init.name || "So tu cham.xlsx";
      /** Older Mac workbooks count days from 1904: a date's serial is 1462 smaller, and Office.js does not say so. */
      this.date1904 = !!init.date1904;
      this.sheets = [];
      this.reads = [];
      this.writes = [];
      this.comments = [];
      this.selection = null;
      for (const spec of init.sheets || [{ name: "Sheet1", values: [] }]) {
        const sheet = new SheetModel(this, spec.name);
        if (spec.visibility) sheet.visibility = spec.visibility;
        if (spec.protected) sheet.protected = true;
        for (const address of spec.unlocked || []) sheet.unlocked.push(parseAddress(address).rect);
        (spec.values || []).forEach((row, r) =>
          (row || []).forEach((v, c) => {
            if (v instanceof Date) {
              // As Excel stores a typed date: its serial in the workbook's date system, shown as a date.
              const epoch = this.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
              sheet.put(r, c, Math.round((Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()) - epoch) / 86400000), null);
              sheet.numberFormats.set(key(r, c), "dd/mm/yyyy");
            } else if (v !== null && v !== undefined && v !== "") sheet.put(r, c, v, null);
          }),
        );
        (spec.formulas || []).forEach((row, r) =>
          (row || []).forEach((f, c) => {
            if (typeof f === "string" && f.startsWith("=")) sheet.put(r, c, sheet.value(r, c), f);
          }),
        );
        for (const [address, color] of Object.entries(spec.fills || {})) {
          const { rect } = parseAddress(address);
          sheet.fills.set(key(rect.r0, rect.c0), { color: normalizeColor(color), pattern: "Solid" });
        }
        for (const [address, content] of Object.entries(spec.notes || {})) {
          const { rect } = parseAddress(address);
          sheet.notes.set(key(rect.r0, rect.c0), String(content));
        }
        for (const [address, format] of Object.entries(spec.numberFormats || {})) {
          const { rect } = parseAddress(address);
          sheet.numberFormats.set(key(rect.r0, rect.c0), String(format));
        }
        for (const m of spec.merges || []) sheet.merge(parseAddress(m).rect);
        for (const comment of spec.comments || []) {
          const { rect } = parseAddress(comment.cell);
          this.comments.push({ id: comment.id || `comment-${++this.nextId}`, sheet, r: rect.r0, c: rect.c0, content: comment.content });
        }
        this.sheets.push(sheet);
      }
      this.active = this.sheets.find((s) => s.name === init.active) || this.sheets[0];
    }

    /** A sheet by name (any case) or id, as worksheets.getItem finds it. */
    sheet(name) {
      const lower = String(name).toLowerCase();
      return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name) || null;
    }

    lacks(className) {
      return this.missing.has(className);
    }

    /** Everything a batch can change, to put back when Excel refuses the whole request. */
    checkpoint() {
      const sheets = this.sheets.map((s) => ({
        model: s,
        state: {
          name: s.name,
          visibility: s.visibility,
          protected: s.protected,
          rows: s.rows.map((row) => row && row.slice()),
          numberFormats: new Map(s.numberFormats),
          fills: new Map(s.fills),
          formats: new Map(s.formats),
          notes: new Map(s.notes),
          frozenRows: s.frozenRows,
          frozenColumns: s.frozenColumns,
          merges: s.merges.slice(),
          rowHeights: new Map(s.rowHeights),
          validations: s.validations.map((v) => ({ ...v })),
          charts: JSON.parse(JSON.stringify(s.charts)),
          columnWidths: new Map(s.columnWidths),
          autoFilter: s.autoFilter,
          pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } },
        },
      }));
      const comments = this.comments.map((c) => ({ record: c, content: c.content }));
      const book = { active: this.active, selection: this.selection && { ...this.selection }, structureProtected: this.structureProtected, calculations: this.calculations };
      return () => {
        this.sheets = sheets.map(({ model, state }) => Object.assign(model, state));
        this.comments = comments.map(({ record, content }) => Object.assign(record, { content }));
        Object.assign(this, book);
      };
    }

    supports(version) {
      return versionAtLeast(this.apiVersion, version);
    }
  }

  /* ------------------------------------------------------------------------------------------ request context */

  class Context {
    constructor(book) {
      this.book = book;
      this.syncs = 0;
      this.error = null;
      this.pending = [];
      this.requestBytes = 0;
      this.responseBytes = 0;
      this.restore = null;
      this.workbook = new WorkbookProxy(this);
      this.application = this.workbook.application;
    }

    /**
     * Runs a queued action now; the first failure is kept for the next sync and the rest of the batch dropped.
     * `args` are the action's arguments, counted in the request's size.
     */
    act(fn, args) {
      this.requestBytes += ACTION_BYTES + jsonBytes(args);
      if (this.error) return undefined;
      if (!this.restore) this.restore = this.book.checkpoint();
      try {
        return fn();
      } catch (e) {
        if (e instanceof FakeOfficeError) {
          this.error = e;
          return undefined;
        }
        throw e;
      }
    }

    /** Counts a new object in the request (a method or navigation result, with its arguments). */
    path(args) {
      this.requestBytes += PATH_BYTES + jsonBytes(args);
    }

    /** Counts loaded data in the response. */
    respond(value) {
      this.responseBytes += jsonBytes(value);
    }

    requireApi(version, what) {
      if (!this.book.supports(version)) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
    }

    async sync() {
      this.book.syncs++;
      this.syncs++;
      const pending = this.pending;
      const request = this.requestBytes;
      const response = this.responseBytes;
      const restore = this.restore;
      this.pending = [];
      this.requestBytes = 0;
      this.responseBytes = 0;
      this.restore = null;
      this.book.payloads.push({ request, response });
      const limit = this.book.payloadLimit;
      if (request > limit) {
        this.error = null;
        if (restore) restore();
        throw new FakeOfficeError(this.book.payloadError, `The request payload size (${request} bytes) has exceeded the limit (${limit} bytes).`);
      }
      if (this.error) {
        const e = this.error;
        this.error = null;
        throw e;
      }
      if (response > limit) {
        throw new FakeOfficeError(this.book.payloadError === "GeneralException" ? "GeneralException" : "ResponsePayloadSizeLimitExceeded", `The response payload size (${response} bytes) has exceeded the limit (${limit} bytes).`);
      }
      for (const apply of pending) apply();
    }

    trackedObjects = { add() {}, remove() {} };
  }

  /** Base of every proxy: load() reads now, the values show after the next sync. */
  class ClientObject {
    constructor(ctx) {
      this.context = ctx;
      this._born = ctx.syncs;
      this._loaded = new Map();
      this._null = false;
    }

    get isNullObject() {
      if (this.context.syncs <= this._born) throw notLoaded("isNullObject");
      return this._null;
    }

    load(what) {
      const names = [];
      const list = what === undefined ? this.constructor.props || [] : Array.isArray(what) ? what : typeof what === "object" ? String(what.select || "").split(",") : String(what).split(",");
      for (const n of list) if (n.trim()) names.push(n.trim());
      const ctx = this.context;
      ctx.act(() => {
        if (this._null) {
          ctx.pending.push(() => undefined);
          return;
        }
        const plain = names.filter((n) => !n.includes("/"));
        const values = plain.map((n) => [n, this._get(n)]);
        ctx.respond(Object.fromEntries(values));
        const nested = names.filter((n) => n.includes("/"));
        const loadedNested = nested.length ? this._loadNested(nested) : null;
        ctx.pending.push(() => {
          for (const [n, v] of values) this._loaded.set(n, v);
          if (loadedNested) loadedNested();
        });
      }, names);
      return this;
    }

    /** A navigation property: the same proxy every time, as in Office.js. */
    _child(name, make) {
      if (!this._children) this._children = new Map();
      if (!this._children.has(name)) {
        this.context.path();
        this._children.set(name, make());
      }
      return this._children.get(name);
    }

    _read(name) {
      if (!this._loaded.has(name)) throw notLoaded(name);
      return this._loaded.get(name);
    }

    _write(name, value, apply) {
      this.context.act(() => {
        apply(value);
        if (this._loaded.has(name)) this._loaded.set(name, value);
      }, [value]);
    }

    _get(name) {
      throw new FakeOfficeError("InvalidArgument", `${this.constructor.name} has no property ${name}`);
    }

    _loadNested(names) {
      throw new FakeOfficeError("InvalidArgument", `${this.constructor.name} cannot load ${names.join(",")}`);
    }

    toJSON() {
      return Object.fromEntries(this._loaded);
    }
  }

  function properties(cls, names, setters = {}) {
    cls.props = names;
    for (const name of names) {
      Object.defineProperty(cls.prototype, name, {
        get() {
          return this._read(name);
        },
        set(value) {
          if (!setters[name]) throw new FakeOfficeError("InvalidArgument", `${name} is read-only`);
          this._write(name, value, (v) => setters[name].call(this, v));
        },
        configurable: true,
      });
    }
  }

  /** A collection: load("items/name,items/visibility") loads those properties of each item. */
  class CollectionProxy extends ClientObject {
    _list() {
      return [];
    }

    get items() {
      return this._read("items");
    }

    load(what) {
      const names = what === undefined ? ["items"] : Array.isArray(what) ? what : String(what).split(",").map((s) => s.trim());
      const itemProps = names.filter((n) => n.startsWith("items/")).map((n) => n.slice(6));
      const all = names.includes("items");
      const ctx = this.context;
      ctx.act(() => {
        const items = this._list();
        // One action for the whole collection: the items' loads add to the response only.
        const request = ctx.requestBytes;
        for (const item of items) item.load(all ? undefined : itemProps);
        ctx.requestBytes = request;
        ctx.pending.push(() => this._loaded.set("items", items));
      }, names);
      return this;
    }
  }

  /* ------------------------------------------------------------------------------------------ workbook, sheets */

  class WorkbookProxy extends ClientObject {
    constructor(ctx) {
      super(ctx);
      this.worksheets = new WorksheetCollection(ctx);
      this.application = new ApplicationProxy(ctx);
      this.protection = new WorkbookProtectionProxy(ctx);
    }

    /** Worksheet functions (ExcelApi 1.2); DATE only, in the workbook's date system. */
    get functions() {
      return this._child("functions", () => new FunctionsProxy(this.context));
    }

    _get(name) {
      if (name === "name") return this.context.book.name;
      return super._get(name);
    }

    get notes() {
      if (this.context.book.lacks("NoteCollection")) return undefined;
      return this._child("notes", () => new NoteCollection(this.context, null));
    }

    get comments() {
      if (this.context.book.lacks("CommentCollection")) return undefined;
      return this._child("comments", () => new CommentCollection(this.context, null));
    }

    getActiveCell() {
      this.context.path();
      const book = this.context.book;
      const sel = book.selection && book.selection.sheet === book.active.name ? book.selection.cell : "A1";
      return new RangeProxy(this.context, book.active, parseAddress(sel).rect);
    }
  }
  properties(WorkbookProxy, ["name"]);

  class FunctionsProxy extends ClientObject {
    date(year, month, day) {
      const result = new FunctionResultProxy(this.context);
      this.context.act(() => {
        const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
        result._value = this.context.book.date1904 ? days - 1462 : days;
      }, [year, month, day]);
      return result;
    }
  }

  class FunctionResultProxy extends ClientObject {
    _get(name) {
      if (name === "value") return this._value;
      if (name === "error") return null;
      return super._get(name);
    }
  }
  properties(FunctionResultProxy, ["value", "error"]);

  class WorkbookProtectionProxy extends ClientObject {
    _get(name) {
      if (name === "protected") return !!this.context.book.structureProtected;
      return super._get(name);
    }
  }
  properties(WorkbookProtectionProxy, ["protected"]);

  class ApplicationProxy extends ClientObject {
    calculate(type) {
      this.context.act(() => {
        this.context.book.calculations = (this.context.book.calculations || 0) + 1;
        this.context.book.lastCalculation = type;
      }, [type]);
    }
  }

  /** What Excel refuses while the workbook's structure is protected. */
  function requireStructureUnprotected(book, what) {
    if (book.structureProtected) throw new FakeOfficeError("AccessDenied", `The workbook's structure is protected: cannot ${what}.`);
  }

  class WorksheetCollection extends CollectionProxy {
    _list() {
      return this.context.book.sheets.map((s) => new WorksheetProxy(this.context, s));
    }

    getItem(name) {
      this.context.path([name]);
      const model = this.context.book.sheet(name);
      return new WorksheetProxy(this.context, model, model ? null : name);
    }

    getItemOrNullObject(name) {
      this.context.path([name]);
      const model = this.context.book.sheet(name);
      const proxy = new WorksheetProxy(this.context, model);
      proxy._null = !model;
      return proxy;
    }

    getActiveWorksheet() {
      this.context.path();
      return new WorksheetProxy(this.context, this.context.book.active);
    }

    add(name) {
      const ctx = this.context;
      const book = ctx.book;
      let model = null;
      ctx.path([name]);
      ctx.act(() => {
        let wanted = name;
        if (wanted === undefined) {
          let i = book.sheets.length + 1;
          while (book.sheet(`Sheet${i}`)) i++;
          wanted = `Sheet${i}`;
        }
        requireStructureUnprotected(book, "add a sheet");
        if (book.sheet(wanted)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${wanted} already exists`);
        // Excel's own rules: at most 31 characters, none of : \ / ? * [ ], no apostrophe first or last, not "History".
        if (wanted.length > 31 || /[:\\/?*[\]]/.test(wanted) || wanted.trim() === "" || /^'|'$/.test(wanted) || wanted.toLowerCase() === "history") {
          throw new FakeOfficeError("InvalidArgument", `Bad sheet name ${wanted}`);
        }
        model = new SheetModel(book, wanted);
        book.sheets.push(model);
      });
      return new WorksheetProxy(ctx, model, model ? null : name);
    }
  }

  class WorksheetProxy extends ClientObject {
    constructor(ctx, model, missingName = null) {
      super(ctx);
      this._model = model;
      this._missing = missingName;
    }

    /** The sheet, or the failure Office reports when the proxy points at no sheet. */
    _sheet() {
      if (!this._model || !this.context.book.sheets.includes(this._model)) {
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (sheet ${this._missing || (this._model && this._model.name) || "?"}).`);
      }
      return this._model;
    }

    _get(name) {
      const s = this._sheet();
      if (name === "name") return s.name;
      if (name === "visibility") return s.visibility;
      if (name === "id") return s.id;
      if (name === "position") return this.context.book.sheets.indexOf(s);
      return super._get(name);
    }

    get protection() {
      return this._child("protection", () => new SheetProtectionProxy(this.context, this));
    }

    get freezePanes() {
      return this._child("freezePanes", () => new FreezePanesProxy(this.context, this));
    }

    get charts() {
      return this._child("charts", () => new ChartCollection(this.context, this));
    }

    get autoFilter() {
      return this._child("autoFilter", () => new AutoFilterProxy(this.context, this));
    }

    get pageLayout() {
      return this._child("pageLayout", () => new PageLayoutProxy(this.context, this));
    }

    get horizontalPageBreaks() {
      return this._child("horizontalPageBreaks", () => new PageBreakCollection(this.context, this));
    }

    get notes() {
      if (this.context.book.lacks("NoteCollection")) return undefined;
      return this._child("notes", () => new NoteCollection(this.context, this));
    }

    get comments() {
      if (this.context.book.lacks("CommentCollection")) return undefined;
      return this._child("comments", () => new CommentCollection(this.context, this));
    }

    getRange(address) {
      let rect = null;
      this.context.path([address]);
      this.context.act(() => {
        rect = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : parseAddress(address).rect;
      });
      return new RangeProxy(this.context, this, rect);
    }

    /** Several rectangles at once (ExcelApi 1.9): "A1:B2, D5" or "A1:B2; D5". */
    getRanges(address) {
      let rects = null;
      this.context.path([address]);
      this.context.act(() => {
        this.context.requireApi("1.9", "Worksheet.getRanges");
        rects =
          address === undefined
            ? [{ r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL }]
            : String(address)
                .split(/[,;]/)
                .map((part) => parseAddress(part).rect);
      });
      return new RangeAreasProxy(this.context, this, rects);
    }

    getRangeByIndexes(row, col, rows, cols) {
      let rect = null;
      this.context.path([row, col, rows, cols]);
      this.context.act(() => {
        if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows - 1 > MAX_ROW || col + cols - 1 > MAX_COL) {
          throw new FakeOfficeError("InvalidArgument", `Bad range indexes ${row},${col},${rows},${cols}`);
        }
        rect = { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
      });
      return new RangeProxy(this.context, this, rect);
    }

    getUsedRange(valuesOnly) {
      let rect = null;
      this.context.path([valuesOnly]);
      this.context.act(() => {
        rect = this._sheet().extent(!!valuesOnly) || { r0: 0, c0: 0, r1: 0, c1: 0 };
      });
      return new RangeProxy(this.context, this, rect);
    }

    getUsedRangeOrNullObject(valuesOnly) {
      let rect = null;
      this.context.path([valuesOnly]);
      // On a sheet that is itself a null object (getItemOrNullObject of a missing sheet): a null object too, or,
      // playing a host that refuses such chains (nullChains: "fail"), the sync fails.
      if (this._null && this.context.book.nullChains === "fail") {
        this.context.act(() => {
          throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        });
      }
      if (!this._null) {
        this.context.act(() => {
          rect = this._sheet().extent(!!valuesOnly);
        });
      }
      const proxy = new RangeProxy(this.context, this, rect || { r0: 0, c0: 0, r1: 0, c1: 0 });
      proxy._null = this._null || (!rect && !this.context.error);
      return proxy;
    }

    activate() {
      this.context.act(() => {
        const s = this._sheet();
        if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet");
        this.context.book.active = s;
      });
    }

    delete() {
      this.context.act(() => {
        const s = this._sheet();
        const book = this.context.book;
        requireStructureUnprotected(book, "delete a sheet");
        // @types/office-js, Worksheet.delete: "Note that if the worksheet's visibility is set to "VeryHidden", the
        // delete operation will fail with an `InvalidOperation` exception. You should first change its visibility
        // to hidden or visible before deleting it."
        if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `The sheet ${s.name} is very hidden and cannot be deleted.`);
        const visible = book.sheets.filter((x) => x.visibility === "Visible");
        if (s.visibility === "Visible" && visible.length === 1) {
          throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        book.sheets.splice(book.sheets.indexOf(s), 1);
        book.comments = book.comments.filter((c) => c.sheet !== s);
        if (book.active === s) book.active = book.sheets.find((x) => x.visibility === "Visible");
        if (book.selection && book.selection.sheet === s.name) book.selection = null;
      });
    }
  }
  properties(WorksheetProxy, ["name", "visibility", "id", "position"], {
    name(v) {
      const s = this._sheet();
      requireStructureUnprotected(this.context.book, "rename a sheet");
      if (this.context.book.sheet(v) && this.context.book.sheet(v) !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${v} already exists`);
      s.name = v;
    },
    visibility(v) {
      const s = this._sheet();
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeOfficeError("InvalidArgument", `Bad visibility ${v}`);
      const book = this.context.book;
      if (v === s.visibility) return;
      requireStructureUnprotected(book, "hide or unhide a sheet");
      if (v !== "Visible" && s.visibility === "Visible" && book.sheets.filter((x) => x.visibility === "Visible").length === 1) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
      if (book.active === s && v !== "Visible") book.active = book.sheets.find((x) => x.visibility === "Visible");
    },
    position(v) {
      const s = this._sheet();
      const book = this.context.book;
      requireStructureUnprotected(book, "move a sheet");
      // Real Excel refuses to move a very hidden sheet (InvalidOperation), as it refuses to delete one.
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `The very hidden sheet ${s.name} cannot be moved.`);
      if (!Number.isInteger(v) || v < 0 || v >= book.sheets.length) throw new FakeOfficeError("InvalidArgument", `Bad position ${v}`);
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.sheets.splice(v, 0, s);
    },
  });

  class SheetProtectionProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheetProxy = sheet;
    }

    _get(name) {
      if (name === "protected") return this._sheetProxy._sheet().protected;
      return super._get(name);
    }
  }
  properties(SheetProtectionProxy, ["protected"]);

  class FreezePanesProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheetProxy = sheet;
    }

    freezeRows(count) {
      this.context.act(() => {
        const s = this._sheetProxy._sheet();
        s.frozenRows = count;
        s.frozenColumns = 0;
      });
    }

    freezeColumns(count) {
      this.context.act(() => {
        const s = this._sheetProxy._sheet();
        s.frozenColumns = count;
        s.frozenRows = 0;
      });
    }

    freezeAt(range) {
      this.context.act(() => {
        const s = this._sheetProxy._sheet();
        const rect = range instanceof RangeProxy ? range._rectOrThrow() : parseAddress(range).rect;
        s.frozenRows = rect.r1 + 1;
        s.frozenColumns = rect.c1 + 1;
      });
    }

    unfreeze() {
      this.context.act(() => {
        const s = this._sheetProxy._sheet();
        s.frozenRows = 0;
        s.frozenColumns = 0;
      });
    }
  }

  class AutoFilterProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheetProxy = sheet;
    }

    apply(range) {
      this.context.act(() => {
        this.context.requireApi("1.9", "AutoFilter");
        const rect = range instanceof RangeProxy ? range._rectOrThrow() : parseAddress(range).rect;
        this._sheetProxy._sheet().autoFilter = rectAddress(rect);
      });
    }
  }

  class PageLayoutProxy extends ClientObject {
    constructor(ctx, sheet) {
      super(ctx);
      this._sheetProxy = sheet;
    }

    _layout() {
      this.context.requireApi("1.9", "PageLayout");
      return this._sheetProxy._sheet().pageLayout;
    }

    _get(name) {
      return this._layout()[name];
    }

    get headersFooters() {
      const footers = this._child("defaultForAllPages", () => new HeaderFooterProxy(this.context, this));
      return { defaultForAllPages: footers };
    }

    setPrintTitleRows(rows) {
      this.context.act(() => {
        const layout = this._layout();
        const rect = rows instanceof RangeProxy ? rows._rectOrThrow() : parseAddress(rows).rect;
        if (rect.c0 !== 0 || rect.c1 !== MAX_COL) throw new FakeOfficeError("InvalidArgument", "Print title rows must span entire rows");
        layout.printTitleRows = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
      });
    }
  }
  /** pageLayout.headersFooters.defaultForAllPages: the footers every page prints. */
  class HeaderFooterProxy extends ClientObject {
    constructor(ctx, layout) {
      super(ctx);
      this._layoutProxy = layout;
    }

    _get(name) {
      return this._layoutProxy._layout()[name];
    }
  }
  properties(HeaderFooterProxy, ["leftFooter", "rightFooter"], {
    leftFooter(v) {
      this._layoutProxy._layout().leftFooter = v;
    },
    rightFooter(v) {
      this._layoutProxy._layout().rightFooter = v;
    },
  });

  class PageBreakCollection extends CollectionProxy {
    constructor(ctx, sheetProxy) {
      super(ctx);
      this._sheetProxy = sheetProxy;
    }

    add(range) {
      this.context.act(() => {
        this.context.requireApi("1.9", "PageBreaks");
        const rect = range instanceof RangeProxy ? range._rectOrThrow() : parseAddress(range).rect;
        this._sheetProxy._sheet().pageBreaks.push(rect.r0 + 1);
      });
    }
  }

  properties(PageLayoutProxy, ["orientation", "paperSize", "zoom"], {
    orientation(v) {
      this._layout().orientation = v;
    },
    paperSize(v) {
      this._layout().paperSize = v;
    },
    zoom(v) {
      this._layout().zoom = { ...v };
    },
  });

  /* ------------------------------------------------------------------------------------------ ranges */

  class RangeProxy extends ClientObject {
    constructor(ctx, sheetProxy, rect) {
      super(ctx);
      this._sheetProxy = sheetProxy;
      this._rect = rect;
    }

    _rectOrThrow() {
      if (!this._rect) throw new FakeOfficeError("InvalidArgument", "Bad range");
      return this._rect;
    }

    _sheet() {
      return this._sheetProxy instanceof SheetModel ? this._sheetProxy : this._sheetProxy._sheet();
    }

    _each(fn) {
      const r = this._rectOrThrow();
      for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) fn(row, col);
    }

    _matrix(fn) {
      const r = this._rectOrThrow();
      const out = [];
      for (let row = r.r0; row <= r.r1; row++) {
        const line = [];
        for (let col = r.c0; col <= r.c1; col++) line.push(fn(row, col));
        out.push(line);
      }
      return out;
    }

    _cells() {
      const r = this._rectOrThrow();
      return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
    }

    _get(name) {
      const s = this._sheet();
      const r = this._rectOrThrow();
      switch (name) {
        case "values":
          this.context.book.reads.push({ sheet: s.name, address: rectAddress(r), cells: this._cells(), property: "values" });
          return this._matrix((row, col) => s.value(row, col));
        case "formulas":
          this.context.book.reads.push({ sheet: s.name, address: rectAddress(r), cells: this._cells(), property: "formulas" });
          return this._matrix((row, col) => s.formula(row, col));
        case "numberFormat":
          return this._matrix((row, col) => s.numberFormat(row, col));
        case "address":
          return qualified(s.name, r);
        case "rowIndex":
          return r.r0;
        case "columnIndex":
          return r.c0;
        case "rowCount":
          return r.r1 - r.r0 + 1;
        case "columnCount":
          return r.c1 - r.c0 + 1;
        case "text":
          return this._matrix((row, col) => String(s.value(row, col)));
        default:
          return super._get(name);
      }
    }

    /**
     * The sheet, when this range may be changed. On a protected sheet only the contents (values, formulas) of
     * unlocked cells may be, as in Excel: formats, merges and locked cells are refused.
     */
    _writable(contents = false) {
      const s = this._sheet();
      if (s.protected && !(contents && s.allUnlocked(this._rectOrThrow()))) {
        throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${s.name}).`);
      }
      return s;
    }

    _enterAll(input) {
      const s = this._writable(true);
      const r = this._rectOrThrow();
      const rows = r.r1 - r.r0 + 1;
      const cols = r.c1 - r.c0 + 1;
      if (!Array.isArray(input)) {
        this._each((row, col) => s.enter(row, col, input));
        return;
      }
      if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectAddress(r)}).`);
      }
      input.forEach((line, i) => line.forEach((v, j) => s.enter(r.r0 + i, r.c0 + j, v)));
    }

    get format() {
      return this._child("format", () => new RangeFormatProxy(this.context, this));
    }

    get dataValidation() {
      return this._child("dataValidation", () => new DataValidationProxy(this.context, this));
    }

    get worksheet() {
      return this._sheetProxy instanceof WorksheetProxy ? this._sheetProxy : new WorksheetProxy(this.context, this._sheet());
    }

    getCell(row, col) {
      const r = this._rect;
      this.context.path([row, col]);
      return new RangeProxy(this.context, this._sheetProxy, r && { r0: r.r0 + row, c0: r.c0 + col, r1: r.r0 + row, c1: r.c0 + col });
    }

    getEntireColumn() {
      const r = this._rect;
      this.context.path();
      return new RangeProxy(this.context, this._sheetProxy, r && { r0: 0, c0: r.c0, r1: MAX_ROW, c1: r.c1 });
    }

    getEntireRow() {
      const r = this._rect;
      this.context.path();
      return new RangeProxy(this.context, this._sheetProxy, r && { r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COL });
    }

    /**
     * The merged areas that touch this range, whole (ExcelApi 1.13); a null object when there are none. Fails, as
     * the typings say, when there are more than 512.
     */
    getMergedAreasOrNullObject() {
      let rects = [];
      this.context.path();
      if (!this._null) {
        this.context.act(() => {
          this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
          const r = this._rectOrThrow();
          const touches = (m) => m.r0 <= r.r1 && r.r0 <= m.r1 && m.c0 <= r.c1 && r.c0 <= m.c1;
          rects = this._sheet().mergedRects().filter(touches);
          if (rects.length > MAX_MERGED_AREAS) {
            throw new FakeOfficeError("GeneralException", `This range has ${rects.length} merged areas, more than ${MAX_MERGED_AREAS}.`);
          }
        });
      }
      const areas = new RangeAreasProxy(this.context, this._sheetProxy, rects);
      areas._null = this._null || rects.length === 0;
      return areas;
    }

    /** Per-cell properties (ExcelApi 1.9); the fake knows format.fill.color and format.fill.pattern. */
    getCellProperties(options) {
      const result = new ClientResult(this.context);
      this.context.act(() => {
        this.context.requireApi("1.9", "Range.getCellProperties");
        const s = this._sheet();
        const fill = options && options.format && options.format.fill;
        const value = this._matrix((row, col) => {
          const f = s.fills.get(key(row, col));
          const props = {};
          if (fill && fill.color) props.color = f ? f.color : "#FFFFFF";
          if (fill && fill.pattern) props.pattern = f ? f.pattern : "None";
          return fill ? { format: { fill: props } } : {};
        });
        this.context.respond(value);
        this.context.pending.push(() => result._set(value));
      }, [options]);
      return result;
    }

    getIntersectionOrNullObject(other) {
      this.context.path();
      const a = this._rect;
      const b = other instanceof RangeProxy ? other._rect : parseAddress(other).rect;
      const rect = a && b ? { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) } : null;
      const ok = rect && rect.r0 <= rect.r1 && rect.c0 <= rect.c1;
      const proxy = new RangeProxy(this.context, this._sheetProxy, ok ? rect : { r0: 0, c0: 0, r1: 0, c1: 0 });
      proxy._null = !ok || this._null;
      return proxy;
    }

    merge(across) {
      this.context.act(() => {
        const s = this._writable();
        const r = this._rectOrThrow();
        if (across) for (let row = r.r0; row <= r.r1; row++) s.merge({ r0: row, c0: r.c0, r1: row, c1: r.c1 });
        else s.merge(r);
      }, [across]);
    }

    unmerge() {
      this.context.act(() => {
        const s = this._writable();
        const r = this._rectOrThrow();
        s.merges = s.merges.filter((m) => {
          const x = parseAddress(m).rect;
          return !(x.r0 <= r.r1 && r.r0 <= x.r1 && x.c0 <= r.c1 && r.c0 <= x.c1);
        });
      });
    }

    select() {
      this.context.act(() => {
        const s = this._sheet();
        if (this.context.book.active !== s) throw new FakeOfficeError("InvalidSelection", "Activate the sheet before selecting a range on it");
        this.context.book.selection = { sheet: s.name, cell: rectAddress(this._rectOrThrow()) };
      });
    }

    clear(applyTo) {
      this.context.act(() => {
        const what = applyTo || "All";
        const s = this._writable(what === "Contents");
        const r = this._rectOrThrow();
        const inside = (row, col) => row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
        // Only the cells that hold something: a whole-sheet range has 17 billion cells.
        if (what === "All" || what === "Contents") {
          s.rows.forEach((line, row) => {
            if (line) line.forEach((cell, col) => cell && inside(row, col) && s.put(row, col, "", null));
          });
        }
        if (what === "All" || what === "Formats") {
          for (const map of [s.fills, s.formats, s.numberFormats]) {
            for (const k of [...map.keys()]) if (inside(...unkey(k))) map.delete(k);
          }
        }
      });
    }
  }
  properties(RangeProxy, ["values", "formulas", "numberFormat", "address", "rowIndex", "columnIndex", "rowCount", "columnCount", "text"], {
    values(v) {
      this._enterAll(v);
      this.context.book.writes.push({ sheet: this._sheet().name, address: rectAddress(this._rectOrThrow()), property: "values" });
    },
    formulas(v) {
      this._enterAll(v);
      this.context.book.writes.push({ sheet: this._sheet().name, address: rectAddress(this._rectOrThrow()), property: "formulas" });
    },
    numberFormat(v) {
      const s = this._writable();
      const r = this._rectOrThrow();
      const at = (i, j) => (Array.isArray(v) ? v[i] && v[i][j] : v);
      this._each((row, col) => {
        const f = at(row - r.r0, col - r.c0);
        if (f === null || f === undefined) return;
        if (f === "General") s.numberFormats.delete(key(row, col));
        else s.numberFormats.set(key(row, col), f);
      });
    },
  });

  /** OfficeExtension.ClientResult: `value` after the sync. */
  class ClientResult {
    constructor(ctx) {
      this._ctx = ctx;
      this._has = false;
      this._value = undefined;
    }

    _set(v) {
      this._has = true;
      this._value = v;
    }

    get value() {
      if (!this._has) throw notLoaded("value");
      return this._value;
    }
  }

  /** Excel.RangeAreas: several rectangles of one sheet (Worksheet.getRanges, Range.getMergedAreasOrNullObject). */
  class RangeAreasProxy extends ClientObject {
    constructor(ctx, sheetProxy, rects) {
      super(ctx);
      this._sheetProxy = sheetProxy;
      this._rects = rects || [];
    }

    _sheet() {
      return this._sheetProxy instanceof SheetModel ? this._sheetProxy : this._sheetProxy._sheet();
    }

    _get(name) {
      const s = this._sheet();
      if (name === "address") return this._rects.map((r) => qualified(s.name, r)).join(",");
      if (name === "areaCount") return this._rects.length;
      if (name === "cellCount") return this._rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0);
      return super._get(name);
    }

    get areas() {
      return this._child("areas", () => new RangeAreasCollection(this.context, this));
    }

    get format() {
      return this._child("format", () => new RangeAreasFormatProxy(this.context, this));
    }
  }
  properties(RangeAreasProxy, ["address", "areaCount", "cellCount"]);

  class RangeAreasCollection extends CollectionProxy {
    constructor(ctx, owner) {
      super(ctx);
      this._owner = owner;
    }

    _list() {
      return this._owner._rects.map((r) => new RangeProxy(this.context, this._owner._sheetProxy, r));
    }
  }

  /** The format of every rectangle of a RangeAreas; the fake has its fill. */
  class RangeAreasFormatProxy extends ClientObject {
    constructor(ctx, owner) {
      super(ctx);
      this._owner = owner;
    }

    get fill() {
      return this._child("fill", () => new RangeAreasFillProxy(this.context, this._owner));
    }
  }

  class RangeAreasFillProxy extends ClientObject {
    constructor(ctx, owner) {
      super(ctx);
      this._owner = owner;
    }

    _ranges() {
      return this._owner._rects.map((r) => new RangeProxy(this.context, this._owner._sheetProxy, r));
    }

    clear() {
      this.context.act(() => {
        for (const range of this._ranges()) {
          const s = range._writable();
          range._each((row, col) => s.fills.delete(key(row, col)));
        }
      });
    }
  }
  properties(RangeAreasFillProxy, ["color"], {
    color(v) {
      for (const range of this._ranges()) {
        const s = range._writable();
        range._each((row, col) => s.fills.set(key(row, col), { color: normalizeColor(v), pattern: "Solid" }));
      }
    },
  });

  /** Settings of the cells of a range, kept per cell (only what the add-in writes). */
  function setCellFormat(range, path, value) {
    const s = range._writable();
    range._each((row, col) => {
      const k = key(row, col);
      const f = { ...(s.formats.get(k) || {}) };
      f[path] = value;
      s.formats.set(k, f);
    });
  }

  class RangeFormatProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    get fill() {
      return this._child("fill", () => new RangeFillProxy(this.context, this._range));
    }

    get font() {
      return this._child("font", () => new RangeFontProxy(this.context, this._range));
    }

    get borders() {
      return this._child("borders", () => new BorderCollectionProxy(this.context, this._range));
    }

    get protection() {
      return this._child("protection", () => new FormatProtectionProxy(this.context, this._range));
    }

    /** Excel fits the rows to their wrapped text, but ignores merged cells: the fake marks the rows "auto". */
    autofitRows() {
      this.context.act(() => {
        const r = this._range._rectOrThrow();
        const s = this._range._sheet();
        for (let row = r.r0; row <= Math.min(r.r1, MAX_ROW); row++) s.rowHeights.set(row, "auto");
      });
    }

    autofitColumns() {
      this.context.act(() => this._range._rectOrThrow());
    }

    _get(name) {
      const r = this._range._rectOrThrow();
      const s = this._range._sheet();
      if (name === "columnWidth") return s.columnWidths.get(r.c0) || 48;
      if (name === "rowHeight") return typeof s.rowHeights.get(r.r0) === "number" ? s.rowHeights.get(r.r0) : 15;
      const f = s.formats.get(key(r.r0, r.c0)) || {};
      if (name in f) return f[name];
      return { wrapText: false, indentLevel: 0, horizontalAlignment: "General", verticalAlignment: "Bottom", rowHeight: 15 }[name];
    }
  }
  properties(RangeFormatProxy, ["wrapText", "indentLevel", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"], {
    wrapText(v) {
      setCellFormat(this._range, "wrapText", v);
    },
    indentLevel(v) {
      this.context.requireApi("1.9", "RangeFormat.indentLevel");
      setCellFormat(this._range, "indentLevel", v);
    },
    horizontalAlignment(v) {
      setCellFormat(this._range, "horizontalAlignment", v);
    },
    verticalAlignment(v) {
      setCellFormat(this._range, "verticalAlignment", v);
    },
    columnWidth(v) {
      const s = this._range._sheet();
      const r = this._range._rectOrThrow();
      for (let c = r.c0; c <= r.c1; c++) s.columnWidths.set(c, v);
    },
    rowHeight(v) {
      const s = this._range._sheet();
      const r = this._range._rectOrThrow();
      if (!(typeof v === "number" && v >= 0 && v <= 409)) throw new FakeOfficeError("InvalidArgument", `Bad row height ${v}`);
      for (let row = r.r0; row <= r.r1; row++) s.rowHeights.set(row, v);
    },
  });

  /**
   * Range.format.protection: "Specifies if Excel locks the cells in the object. A `null` value indicates that the
   * entire range doesn't have a uniform lock setting." Changing it is a format change: refused on a protected sheet.
   */
  class FormatProtectionProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    _get(name) {
      if (name !== "locked") return super._get(name);
      const r = this._range._rectOrThrow();
      const s = this._range._sheet();
      if (s.allUnlocked(r)) return false;
      return s.unlocked.some((u) => u.r0 <= r.r1 && u.r1 >= r.r0 && u.c0 <= r.c1 && u.c1 >= r.c0) ? null : true;
    }
  }
  properties(FormatProtectionProxy, ["locked"], {
    locked(v) {
      const s = this._range._writable();
      const r = this._range._rectOrThrow();
      if (v === false) s.unlocked.push({ ...r });
      else s.unlocked = s.unlocked.flatMap((u) => subtractRect(u, r));
    },
  });

  class RangeFillProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    _fill() {
      const r = this._range._rectOrThrow();
      return this._range._sheet().fills.get(key(r.r0, r.c0)) || null;
    }

    _get(name) {
      const fill = this._fill();
      if (name === "color") return fill ? fill.color : "#FFFFFF";
      if (name === "pattern") {
        this.context.requireApi("1.9", "RangeFill.pattern");
        return fill ? fill.pattern : "None";
      }
      return super._get(name);
    }

    clear() {
      this.context.act(() => {
        const s = this._range._writable();
        this._range._each((row, col) => s.fills.delete(key(row, col)));
      });
    }
  }
  properties(RangeFillProxy, ["color", "pattern"], {
    color(v) {
      const s = this._range._writable();
      this._range._each((row, col) => s.fills.set(key(row, col), { color: normalizeColor(v), pattern: "Solid" }));
    },
    pattern(v) {
      this.context.requireApi("1.9", "RangeFill.pattern");
      const s = this._range._writable();
      this._range._each((row, col) => {
        if (v === "None") s.fills.delete(key(row, col));
        else s.fills.set(key(row, col), { color: (s.fills.get(key(row, col)) || { color: "#FFFFFF" }).color, pattern: v });
      });
    },
  });

  class RangeFontProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    _get(name) {
      const r = this._range._rectOrThrow();
      const f = this._range._sheet().formats.get(key(r.r0, r.c0)) || {};
      const k = `font.${name}`;
      if (k in f) return f[k];
      return { bold: false, italic: false, size: 11, color: "#000000", name: "Calibri" }[name];
    }
  }
  properties(
    RangeFontProxy,
    ["bold", "italic", "size", "color", "name"],
    Object.fromEntries(
      ["bold", "italic", "size", "color", "name"].map((p) => [
        p,
        function (v) {
          setCellFormat(this._range, `font.${p}`, p === "color" ? normalizeColor(v) : v);
        },
      ]),
    ),
  );

  class BorderCollectionProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    getItem(index) {
      this.context.path([index]);
      return new BorderProxy(this.context, this._range, index);
    }
  }

  const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

  class BorderProxy extends ClientObject {
    constructor(ctx, range, index) {
      super(ctx);
      this._range = range;
      this._index = index;
      if (!BORDER_INDEXES.includes(index)) ctx.act(() => {
        throw new FakeOfficeError("InvalidArgument", `Bad border index ${index}`);
      });
    }

    _set(prop, value) {
      const s = this._range._writable();
      const r = this._range._rectOrThrow();
      this._range._each((row, col) => {
        const sides = [];
        if (this._index === "EdgeTop" && row === r.r0) sides.push("top");
        if (this._index === "EdgeBottom" && row === r.r1) sides.push("bottom");
        if (this._index === "EdgeLeft" && col === r.c0) sides.push("left");
        if (this._index === "EdgeRight" && col === r.c1) sides.push("right");
        if (this._index === "InsideHorizontal") {
          if (row > r.r0) sides.push("top");
          if (row < r.r1) sides.push("bottom");
        }
        if (this._index === "InsideVertical") {
          if (col > r.c0) sides.push("left");
          if (col < r.c1) sides.push("right");
        }
        if (sides.length === 0) return;
        const k = key(row, col);
        const f = { ...(s.formats.get(k) || {}) };
        for (const side of sides) f[`border.${side}.${prop}`] = value;
        s.formats.set(k, f);
      });
    }
  }
  properties(BorderProxy, ["style", "color", "weight"], {
    style(v) {
      this._set("style", v);
    },
    color(v) {
      this._set("color", normalizeColor(v));
    },
    weight(v) {
      this._set("weight", v);
    },
  });

  class DataValidationProxy extends ClientObject {
    constructor(ctx, range) {
      super(ctx);
      this._range = range;
    }

    _entry(create) {
      this.context.requireApi("1.8", "DataValidation");
      const s = this._range._writable();
      const address = rectAddress(this._range._rectOrThrow());
      let entry = s.validations.find((v) => v.range === address);
      if (!entry && create) {
        entry = { range: address, formula: null, errorAlert: null, prompt: null };
        s.validations.push(entry);
      }
      return entry;
    }

    clear() {
      this.context.act(() => {
        this._entry(false);
        const s = this._range._sheet();
        const address = rectAddress(this._range._rectOrThrow());
        s.validations = s.validations.filter((v) => v.range !== address);
      });
    }
  }
  properties(DataValidationProxy, ["rule", "errorAlert", "prompt"], {
    rule(v) {
      const formula = v && v.custom && v.custom.formula;
      const list = v && v.list && v.list.source;
      if (!formula && !list) throw new FakeOfficeError("InvalidArgument", "Only custom and list validation rules are supported by the fake");
      // Excel refuses a comma-separated list source longer than 255 characters.
      if (list && !list.startsWith("=") && list.length > 255) throw new FakeOfficeError("InvalidArgument", "The list source is longer than 255 characters");
      if (formula) this._entry(true).formula = formula;
      else this._entry(true).list = list;
    },
    errorAlert(v) {
      this._entry(true).errorAlert = { ...v };
    },
    prompt(v) {
      this._entry(true).prompt = { ...v };
    },
  });

  /* ------------------------------------------------------------------------------------------ notes and comments */

  class NoteCollection extends CollectionProxy {
    constructor(ctx, sheetProxy) {
      super(ctx);
      this._sheetProxy = sheetProxy;
    }

    _sheets() {
      this.context.requireApi("1.18", "Notes");
      return this._sheetProxy ? [this._sheetProxy._sheet()] : this.context.book.sheets;
    }

    _list() {
      const out = [];
      for (const s of this._sheets()) for (const k of s.notes.keys()) out.push(new NoteProxy(this.context, s, ...unkey(k)));
      return out;
    }

    _target(cellAddress) {
      if (cellAddress instanceof RangeProxy) return { s: cellAddress._sheet(), rect: cellAddress._rectOrThrow() };
      const parsed = parseAddress(cellAddress);
      const s = parsed.sheet ? this.context.book.sheet(parsed.sheet) : this._sheetProxy ? this._sheetProxy._sheet() : null;
      if (!s) throw new FakeOfficeError("InvalidArgument", `Bad note address ${cellAddress}`);
      return { s, rect: parsed.rect };
    }

    add(cellAddress, content) {
      let note = null;
      this.context.path([typeof cellAddress === "string" ? cellAddress : null, content]);
      this.context.act(() => {
        this._sheets();
        const { s, rect } = this._target(cellAddress);
        if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new FakeOfficeError("InvalidCellAddress", "A note goes on a single cell");
        if (s.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
        if (s.notes.has(key(rect.r0, rect.c0))) throw new FakeOfficeError("InvalidArgument", `The cell ${cellName(rect.r0, rect.c0)} already has a note`);
        // A cell holds a note or a threaded comment, never both.
        if (this.context.book.comments.some((c) => c.sheet === s && c.r === rect.r0 && c.c === rect.c0)) {
          throw new FakeOfficeError("InvalidOperation", `The cell ${cellName(rect.r0, rect.c0)} has a threaded comment: it cannot also hold a note`);
        }
        s.notes.set(key(rect.r0, rect.c0), String(content));
        note = new NoteProxy(this.context, s, rect.r0, rect.c0);
      });
      return note || new NoteProxy(this.context, null, 0, 0);
    }

    getItemOrNullObject(cellAddress) {
      let note = null;
      this.context.path([cellAddress]);
      this.context.act(() => {
        this._sheets();
        const { s, rect } = this._target(cellAddress);
        note = new NoteProxy(this.context, s, rect.r0, rect.c0);
        note._null = !s.notes.has(key(rect.r0, rect.c0));
      });
      return note || new NoteProxy(this.context, null, 0, 0);
    }

    getItem(cellAddress) {
      const note = this.getItemOrNullObject(cellAddress);
      if (note._null) this.context.act(() => {
        throw new FakeOfficeError("ItemNotFound", `No note at ${cellAddress}`);
      });
      return note;
    }
  }

  class NoteProxy extends ClientObject {
    constructor(ctx, sheet, r, c) {
      super(ctx);
      this._s = sheet;
      this._r = r;
      this._c = c;
    }

    _check() {
      this.context.requireApi("1.18", "Notes");
      if (!this._s || !this._s.notes.has(key(this._r, this._c))) throw new FakeOfficeError("ItemNotFound", "The note doesn't exist");
    }

    _get(name) {
      this._check();
      if (name === "content") return this._s.notes.get(key(this._r, this._c));
      return super._get(name);
    }

    delete() {
      this.context.act(() => {
        this._check();
        if (this._s.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
        this._s.notes.delete(key(this._r, this._c));
      });
    }

    getLocation() {
      this.context.path();
      this.context.act(() => this._check());
      return new RangeProxy(this.context, this._s || new SheetModel(this.context.book, "?"), { r0: this._r, c0: this._c, r1: this._r, c1: this._c });
    }
  }
  properties(NoteProxy, ["content"], {
    content(v) {
      this._check();
      if (this._s.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
      this._s.notes.set(key(this._r, this._c), String(v));
    },
  });

  class CommentCollection extends CollectionProxy {
    constructor(ctx, sheetProxy) {
      super(ctx);
      this._sheetProxy = sheetProxy;
    }

    _list() {
      this.context.requireApi("1.10", "Comments");
      const sheet = this._sheetProxy ? this._sheetProxy._sheet() : null;
      return this.context.book.comments.filter((c) => !sheet || c.sheet === sheet).map((c) => new CommentProxy(this.context, c));
    }

    add(cellAddress, content) {
      let comment = null;
      this.context.path([typeof cellAddress === "string" ? cellAddress : null, content]);
      this.context.act(() => {
        this.context.requireApi("1.10", "Comments");
        let s;
        let rect;
        if (cellAddress instanceof RangeProxy) {
          s = cellAddress._sheet();
          rect = cellAddress._rectOrThrow();
        } else {
          // CommentCollection.add's contract: "a string address (the sheet name included) or a Range object".
          const parsed = parseAddress(cellAddress);
          if (!parsed.sheet) throw new FakeOfficeError("InvalidArgument", `comments.add("${cellAddress}"): the address must name its sheet ("Sheet1!E8") or be a Range`);
          s = this.context.book.sheet(parsed.sheet);
          rect = parsed.rect;
          if (!s) throw new FakeOfficeError("InvalidArgument", `Bad comment address ${cellAddress}`);
        }
        if (s.notes.has(key(rect.r0, rect.c0))) {
          throw new FakeOfficeError("InvalidOperation", `The cell ${cellName(rect.r0, rect.c0)} has a note: it cannot also hold a threaded comment`);
        }
        if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new FakeOfficeError("InvalidCellAddress", "A comment goes on a single cell");
        if (s.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
        if (this.context.book.comments.some((c) => c.sheet === s && c.r === rect.r0 && c.c === rect.c0)) {
          throw new FakeOfficeError("InvalidArgument", `The cell ${cellName(rect.r0, rect.c0)} already has a comment`);
        }
        const record = { id: `comment-${++this.context.book.nextId}`, sheet: s, r: rect.r0, c: rect.c0, content: String(content) };
        this.context.book.comments.push(record);
        comment = new CommentProxy(this.context, record);
      });
      return comment || new CommentProxy(this.context, null);
    }
  }

  class CommentProxy extends ClientObject {
    constructor(ctx, record) {
      super(ctx);
      this._record = record;
    }

    _check() {
      this.context.requireApi("1.10", "Comments");
      if (!this._record || !this.context.book.comments.includes(this._record)) throw new FakeOfficeError("ItemNotFound", "The comment doesn't exist");
      return this._record;
    }

    _get(name) {
      const c = this._check();
      if (name === "content") return c.content;
      if (name === "id") return c.id;
      return super._get(name);
    }

    delete() {
      this.context.act(() => {
        const c = this._check();
        if (c.sheet.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
        this.context.book.comments = this.context.book.comments.filter((x) => x !== c);
      });
    }

    getLocation() {
      const c = this._record;
      this.context.path();
      this.context.act(() => this._check());
      return new RangeProxy(this.context, c ? c.sheet : new SheetModel(this.context.book, "?"), c ? { r0: c.r, c0: c.c, r1: c.r, c1: c.c } : null);
    }
  }
  properties(CommentProxy, ["content", "id"], {
    content(v) {
      this._check().content = String(v);
    },
  });

  /* ------------------------------------------------------------------------------------------ charts */

  class ChartCollection extends CollectionProxy {
    constructor(ctx, sheetProxy) {
      super(ctx);
      this._sheetProxy = sheetProxy;
    }

    _list() {
      return this._sheetProxy._sheet().charts.map((c) => new ChartProxy(this.context, c));
    }

    add(type, sourceData, seriesBy) {
      let chart = null;
      this.context.act(() => {
        const s = this._sheetProxy._sheet();
        if (s.protected) throw new FakeOfficeError("AccessDenied", "Protected sheet");
        const rect = sourceData instanceof RangeProxy ? sourceData._rectOrThrow() : parseAddress(sourceData).rect;
        const record = {
          type,
          title: "",
          valuesRange: rectAddress(rect),
          categoriesRange: null,
          anchor: null,
          seriesBy: seriesBy || "Auto",
          series: [{ name: "", values: rectAddress(rect), categories: null }],
        };
        s.charts.push(record);
        chart = new ChartProxy(this.context, record);
      });
      return chart || new ChartProxy(this.context, null);
    }
  }

  class ChartProxy extends ClientObject {
    constructor(ctx, record) {
      super(ctx);
      this._record = record;
      this.title = new ChartTitleProxy(ctx, record);
      this.series = new ChartSeriesCollection(ctx, record);
      this.legend = new ChartLegendProxy(ctx, record);
    }

    setPosition(startCell, endCell) {
      this.context.act(() => {
        const start = startCell instanceof RangeProxy ? startCell._rectOrThrow() : parseAddress(startCell).rect;
        this._record.anchor = rectAddress({ r0: start.r0, c0: start.c0, r1: start.r0, c1: start.c0 });
        if (endCell !== undefined) {
          const end = endCell instanceof RangeProxy ? endCell._rectOrThrow() : parseAddress(endCell).rect;
          this._record.end = rectAddress({ r0: end.r0, c0: end.c0, r1: end.r0, c1: end.c0 });
        }
      });
    }

    _get(name) {
      return this._record[name];
    }
  }
  properties(ChartProxy, ["name", "width", "height"], {
    name(v) {
      this._record.name = v;
    },
    width(v) {
      this._record.width = v;
    },
    height(v) {
      this._record.height = v;
    },
  });

  class ChartTitleProxy extends ClientObject {
    constructor(ctx, record) {
      super(ctx);
      this._record = record;
    }

    _get(name) {
      if (name === "text") return this._record.title;
      return super._get(name);
    }
  }
  properties(ChartTitleProxy, ["text", "visible"], {
    text(v) {
      this._record.title = String(v);
    },
    visible(v) {
      this._record.titleVisible = v;
    },
  });

  class ChartLegendProxy extends ClientObject {
    constructor(ctx, record) {
      super(ctx);
      this._record = record;
    }
  }
  properties(ChartLegendProxy, ["position", "visible"], {
    position(v) {
      this._record.legend = v;
    },
    visible(v) {
      this._record.legendVisible = v;
    },
  });

  class ChartSeriesCollection extends ClientObject {
    constructor(ctx, record) {
      super(ctx);
      this._record = record;
    }

    getItemAt(index) {
      return new ChartSeriesProxy(this.context, this._record, index);
    }

    add(name) {
      let index = -1;
      this.context.act(() => {
        this._record.series.push({ name: name || "", values: null, categories: null });
        index = this._record.series.length - 1;
      });
      return new ChartSeriesProxy(this.context, this._record, index);
    }
  }

  class ChartSeriesProxy extends ClientObject {
    constructor(ctx, record, index) {
      super(ctx);
      this._record = record;
      this._index = index;
    }

    _series() {
      const s = this._record && this._record.series[this._index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `No chart series ${this._index}`);
      return s;
    }

    setXAxisValues(range) {
      this.context.act(() => {
        this.context.requireApi("1.7", "ChartSeries.setXAxisValues");
        const rect = range instanceof RangeProxy ? range._rectOrThrow() : parseAddress(range).rect;
        this._series().categories = rectAddress(rect);
        if (this._index === 0) this._record.categoriesRange = rectAddress(rect);
      });
    }

    setValues(range) {
      this.context.act(() => {
        this.context.requireApi("1.7", "ChartSeries.setValues");
        const rect = range instanceof RangeProxy ? range._rectOrThrow() : parseAddress(range).rect;
        this._series().values = rectAddress(rect);
        if (this._index === 0) this._record.valuesRange = rectAddress(rect);
      });
    }

    _get(name) {
      if (name === "name") return this._series().name;
      return super._get(name);
    }
  }
  properties(ChartSeriesProxy, ["name"], {
    name(v) {
      this._series().name = String(v);
    },
  });

  /* ------------------------------------------------------------------------------------------ the fake */

  const ENUMS = {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    DataValidationAlertStyle: { information: "Information", stop: "Stop", warning: "Warning" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4", letter: "Letter" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
    BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal" },
    BorderLineStyle: { none: "None", continuous: "Continuous" },
    BorderWeight: { thin: "Thin", medium: "Medium" },
    FillPattern: { none: "None", solid: "Solid" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      invalidOperation: "InvalidOperation",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };

  function snapshotSheet(book, s) {
    const ext = s.extent(true);
    const height = ext ? ext.r1 + 1 : 0;
    const width = ext ? ext.c1 + 1 : 0;
    const grid = (fn) => Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => fn(r, c)));
    const byCell = (map, fn) => Object.fromEntries([...map.entries()].map(([k, v]) => [cellName(...unkey(k)), fn(v)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      name: s.name,
      visibility: s.visibility,
      values: grid((r, c) => s.value(r, c)),
      formulas: grid((r, c) => {
        const cell = s.cell(r, c);
        return cell && cell.f !== null ? cell.f : null;
      }),
      numberFormats: grid((r, c) => s.numberFormat(r, c)),
      fills: byCell(s.fills, (f) => f.color),
      notes: byCell(s.notes, (n) => n),
      comments: book.comments.filter((c) => c.sheet === s).map((c) => ({ cell: cellName(c.r, c.c), content: c.content, id: c.id })),
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      merges: [...s.merges],
      validations: s.validations.map((v) => ({ range: v.range, formula: v.formula, ...(v.list ? { list: v.list } : {}) })),
      charts: s.charts.map((c) => ({ type: c.type, title: c.title, valuesRange: c.valuesRange, categoriesRange: c.categoriesRange, anchor: c.anchor })),
      columnWidths: Object.fromEntries([...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [colLetters(c), w])),
      rowHeights: Object.fromEntries([...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
    };
  }

  function createFakeExcel(init = {}) {
    const book = new Book(init);
    const settings = new Map();
    const displayLanguage = init.displayLanguage || "vi-VN";

    const Office = {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      DocumentMode: { ReadOnly: "readOnly", ReadWrite: "readWrite" },
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      context: {
        displayLanguage,
        officeTheme: book.officeTheme || undefined,
        requirements: {
          isSetSupported: (name, version) => name === "ExcelApi" && versionAtLeast(book.apiVersion, version === undefined ? "1.1" : String(version)),
        },
        document: {
          mode: book.readOnly ? "readOnly" : "readWrite",
          settings: {
            get: (k) => (settings.has(k) ? settings.get(k) : null),
            set: (k, v) => settings.set(k, v),
            remove: (k) => settings.delete(k),
            saveAsync: (cb) => {
              // Every call counts (settingsSaves); a read-only workbook cannot save its settings.
              book.settingsSaves = (book.settingsSaves || 0) + 1;
              if (book.readOnly) {
                if (typeof cb === "function") cb({ status: "failed", error: { code: 5009, message: "The workbook is read-only" } });
                return;
              }
              if (typeof cb === "function") cb({ status: "succeeded" });
            },
          },
        },
      },
    };

    const classes = {
      Workbook: WorkbookProxy,
      Worksheet: WorksheetProxy,
      WorksheetCollection,
      Range: RangeProxy,
      RangeAreas: RangeAreasProxy,
      NoteCollection,
      Note: NoteProxy,
      CommentCollection,
      Comment: CommentProxy,
    };
    for (const name of book.missing) delete classes[name];
    const Excel = {
      ...ENUMS,
      ...classes,
      run: async (batch) => {
        const ctx = new Context(book);
        return batch(ctx);
      },
      RequestContext: Context,
      FakeOfficeError,
    };

    return {
      Office,
      Excel,
      syncCount: () => book.syncs,
      resetSyncCount: () => {
        book.syncs = 0;
        book.reads = [];
        book.writes = [];
        book.payloads = [];
      },
      snapshot: () =>
        JSON.parse(
          JSON.stringify({
            active: book.active ? book.active.name : null,
            sheets: book.sheets.map((s) => snapshotSheet(book, s)),
            selection: book.selection ? { ...book.selection } : null,
          }),
        ),
      /** Font, alignment, borders and row settings of one cell, e.g. { "font.bold": true, horizontalAlignment: "Center" }. */
      formatOf: (sheetName, address) => {
        const s = book.sheet(sheetName);
        if (!s) return null;
        const { rect } = parseAddress(address);
        return { ...(s.formats.get(key(rect.r0, rect.c0)) || {}) };
      },
      /** Page layout and autofilter of a sheet. */
      layoutOf: (sheetName) => {
        const s = book.sheet(sheetName);
        return s ? { pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } }, autoFilter: s.autoFilter, charts: JSON.parse(JSON.stringify(s.charts)) } : null;
      },
      /** Every values/formulas load, in order: { sheet, address, cells, property }. */
      reads: () => book.reads.map((r) => ({ ...r })),
      /** Every values/formulas assignment, in order: { sheet, address, property }. */
      writes: () => book.writes.map((w) => ({ ...w })),
      /** Request and response bytes of every sync since the last resetSyncCount, in order. */
      payloads: () => book.payloads.map((p) => ({ ...p })),
      settings,
      setProtected: (sheetName, on) => {
        book.sheet(sheetName).protected = !!on;
      },
      setStructureProtected: (on) => {
        book.structureProtected = !!on;
      },
      calculations: () => book.calculations || 0,
      /** How many times saveAsync was called on the document settings (refused ones included). */
      settingsSaves: () => book.settingsSaves || 0,
    };
  }

  return { createFakeExcel, FakeOfficeError, parseAddress };
});
