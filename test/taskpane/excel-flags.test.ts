/** "Đánh dấu" / "Xóa đánh dấu" on the in-memory Excel: highlights, notes, the backup, and exact restoring. */
import { builtinCatalog } from "../../src/scoring";
import { Validation } from "../../src/taskpane/actions";
import { UserError } from "../../src/taskpane/errors";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { FLAGS_SHEET } from "../../src/taskpane/excel/backup";
import { OWNED_SHEET } from "../../src/taskpane/excel/hidden";
import { createFakeExcel, FakeExcel, fakeDeps, SheetSeed, Snapshot, sampleSheets } from "./excel-fixtures";

jest.setTimeout(60_000);

const FILE = "so/so-tu-phap.xlsx";
const SHEET = "Tự chấm 2018";
const catalog = builtinCatalog("dien-bien-so");

/** The sample with things of the user's own on flagged cells: fills (one white), a note, and one elsewhere. */
async function seeded(extra: Partial<SheetSeed> = {}): Promise<SheetSeed[]> {
  const sheets = await sampleSheets(FILE);
  const unit = sheets.find((s) => s.name === SHEET)!;
  unit.fills = { E21: "#00B0F0", F75: "#FFFFFF", B3: "#FFFF00" };
  unit.notes = { G75: "Đã nộp bản giấy cho Sở Nội vụ", A2: "Ghi chú của người dùng" };
  Object.assign(unit, extra);
  return sheets;
}

async function setUp(apiVersion = "1.18", extra: Partial<SheetSeed> = {}) {
  const fake = createFakeExcel({ sheets: await seeded(extra), active: SHEET, apiVersion });
  const actions = createExcelActions(fakeDeps(fake).deps);
  const validation = await actions.validateActiveSheet(catalog, "vi");
  return { fake, actions, validation };
}

const sheetOf = (snap: Snapshot, name: string) => snap.sheets.find((s) => s.name === name)!;
const flaggedCells = (v: Validation) => [...new Set(v.findings.map((f) => f.cell))].sort();

describe("flag and unflag with notes (ExcelApi 1.18)", () => {
  test("flag fills each finding's cell by severity and notes it; values, formulas and other cells stay as they were", async () => {
    const { fake, actions, validation } = await setUp();
    const before = fake.snapshot();
    const outcome = await actions.flagFindings(validation, "vi");
    expect(outcome).toMatchObject({ sheet: SHEET, cells: flaggedCells(validation).length, mode: "note", findingsSheet: null });

    const after = fake.snapshot();
    const unit = sheetOf(after, SHEET);
    const old = sheetOf(before, SHEET);
    expect(unit.values).toEqual(old.values);
    expect(unit.formulas).toEqual(old.formulas);
    // A cell with the user's own fill keeps it (a pattern, gradient or theme fill could not be put back exactly):
    // its note marks it. Cells without a fill are coloured by severity.
    expect(unit.fills.E21).toBe("#00B0F0"); // the user's fill, kept
    expect(unit.notes.E21).toMatch(/^PAR Scorer/);
    expect(unit.fills.G75).toBe("#FFEB9C"); // missing-explanation: warning
    const unfilled = flaggedCells(validation).filter((c) => !["E21", "F75"].includes(c));
    expect(unfilled.length).toBeGreaterThan(0);
    for (const cell of unfilled) expect(["#FFC7CE", "#FFEB9C"]).toContain(unit.fills[cell]);
    expect(unit.fills.B3).toBe("#FFFF00");
    for (const cell of flaggedCells(validation)) expect(unit.notes[cell]).toMatch(/^PAR Scorer/);
    expect(unit.notes.G75).toContain("Đã nộp bản giấy cho Sở Nội vụ");
    expect(unit.notes.A2).toBe("Ghi chú của người dùng");
    expect(sheetOf(after, FLAGS_SHEET).visibility).toBe("VeryHidden");
    expect(fake.syncCount()).toBe(2 + 2); // validate 2; flag 2: the flagged cells' notes are looked up in sync 1
  });

  test("unflag restores fills (none, a colour, white) and notes exactly, and removes the backup sheet", async () => {
    const { fake, actions, validation } = await setUp();
    const before = fake.snapshot();
    await actions.flagFindings(validation, "vi");
    fake.resetSyncCount();
    const outcome = await actions.unflag(SHEET);
    expect(outcome).toEqual({ sheet: SHEET, cells: flaggedCells(validation).length });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncCount()).toBe(3);
  });

  test("flagging twice keeps the original backup: unflag still gives the sheet as it was", async () => {
    const { fake, actions, validation } = await setUp();
    const before = fake.snapshot();
    await actions.flagFindings(validation, "vi");
    fake.resetSyncCount();
    await actions.flagFindings(validation, "en");
    expect(fake.syncCount()).toBe(2);
    expect(sheetOf(fake.snapshot(), SHEET).notes.G75).toContain("Earlier note:");
    await actions.unflag(null);
    expect(fake.snapshot()).toEqual(before);
  });

  test("flagging again with fewer findings restores the cells no longer flagged at once", async () => {
    const { fake, actions, validation } = await setUp();
    const before = sheetOf(fake.snapshot(), SHEET);
    await actions.flagFindings(validation, "vi");
    const fewer = { ...validation, findings: validation.findings.filter((f) => f.cell !== "E21" && f.cell !== "G75") };
    await actions.flagFindings(fewer, "vi");
    const unit = sheetOf(fake.snapshot(), SHEET);
    expect(unit.fills.E21).toBe("#00B0F0");
    expect(unit.notes.E21).toBeUndefined();
    expect(unit.notes.G75).toBe("Đã nộp bản giấy cho Sở Nội vụ");
    expect(unit.fills.F75).toBe("#FFFFFF"); // the user's white fill, never overwritten
    await actions.unflag(SHEET);
    expect(sheetOf(fake.snapshot(), SHEET)).toEqual(before);
  });

  test("backups of two sheets are kept apart: unflagging one leaves the other's flags and backup", async () => {
    const fake = createFakeExcel({ sheets: [...(await seeded()), ...(await sampleSheets("so/so-noi-vu.xlsx"))], active: SHEET });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const before = fake.snapshot();
    const first = await actions.validateActiveSheet(catalog, "vi");
    await actions.flagFindings(first, "vi");
    await actions.selectCell("Bang tu cham", "A1");
    const second = await actions.validateActiveSheet(catalog, "vi");
    await actions.flagFindings(second, "vi");
    await actions.unflag(SHEET);
    const snap = fake.snapshot();
    expect(sheetOf(snap, SHEET)).toEqual(sheetOf(before, SHEET));
    expect(sheetOf(snap, "Bang tu cham").fills.E113).toBe("#FFC7CE");
    await actions.unflag("Bang tu cham");
    expect(fake.snapshot().sheets).toEqual(before.sheets);
  });
});

describe("a cell holds a note or a threaded comment, not both (real Excel's rule, enforced by the stand-in)", () => {
  test("the stand-in refuses a note on a commented cell and a comment on a noted cell, and comments.add without a sheet", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a", "b"]], notes: { A1: "ghi chú" }, comments: [{ cell: "B1", content: "bình luận" }] }], apiVersion: "1.18" });
    const run = (batch: (ctx: Excel.RequestContext) => Promise<void>) => (fake.Excel as unknown as { run: typeof Excel.run }).run(batch);
    await expect(run(async (ctx) => void (ctx.workbook.worksheets.getItem("S").notes.add("B1", "x"), await ctx.sync()))).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("S");
        sheet.comments.add(sheet.getRange("A1"), "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(run(async (ctx) => void (ctx.workbook.worksheets.getItem("S").comments.add("B2", "x"), await ctx.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("flagging with notes leaves a cell with a user's threaded comment as it is (highlighted, no note), says so, and unflag restores exactly", async () => {
    const { fake, actions, validation } = await setUp("1.18", { comments: [{ cell: "E21", content: "Bình luận của tổ trưởng", id: "user-1" }] });
    expect(flaggedCells(validation)).toContain("E21");
    const before = fake.snapshot();
    const outcome = await actions.flagFindings(validation, "vi");
    expect(outcome.mode).toBe("note");
    const sheet = sheetOf(fake.snapshot(), SHEET);
    expect(sheet.notes.E21).toBeUndefined();
    expect(sheet.fills.E21).toBeDefined();
    expect(sheet.comments).toEqual([{ cell: "E21", content: "Bình luận của tổ trưởng", id: "user-1" }]);
    expect(outcome.skipped!.join(" ")).toMatch(/1 ô đã có bình luận/);
    await actions.unflag(SHEET);
    expect(sheetOf(fake.snapshot(), SHEET)).toEqual(sheetOf(before, SHEET));
  });
});

describe("fallbacks", () => {
  test("ExcelApi 1.12: threaded comments, none added where the user already has one; unflag restores exactly", async () => {
    const { fake, actions, validation } = await setUp("1.12", { notes: {}, comments: [{ cell: "E21", content: "Bình luận của tổ trưởng", id: "user-1" }] });
    const before = fake.snapshot();
    const outcome = await actions.flagFindings(validation, "vi");
    expect(outcome.mode).toBe("comment");
    expect(outcome.skipped).toEqual([expect.stringContaining("1 ô đã có bình luận")]);
    const comments = sheetOf(fake.snapshot(), SHEET).comments;
    expect(comments.filter((c) => c.cell === "E21")).toEqual([{ cell: "E21", content: "Bình luận của tổ trưởng", id: "user-1" }]);
    expect(comments.filter((c) => c.content.startsWith("PAR Scorer")).map((c) => c.cell).sort()).toEqual(flaggedCells(validation).filter((c) => c !== "E21"));
    await actions.flagFindings(validation, "vi");
    fake.resetSyncCount();
    await actions.unflag(SHEET);
    expect(fake.syncCount()).toBe(3);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a host at ExcelApi 1.18 with an office.js that has no notes (the npm 2022 build): comments, not a TypeError on sheet.notes", async () => {
    const fake = createFakeExcel({ sheets: await seeded({ notes: {} }), active: SHEET, missingClasses: ["NoteCollection"] });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(true);
    const actions = createExcelActions(fakeDeps(fake).deps);
    const before = fake.snapshot();
    const validation = await actions.validateActiveSheet(catalog, "vi");
    const outcome = await actions.flagFindings(validation, "vi");
    expect(outcome.mode).toBe("comment");
    expect(sheetOf(fake.snapshot(), SHEET).comments.length).toBe(flaggedCells(validation).length);
    await actions.unflag(SHEET);
    expect(fake.snapshot()).toEqual(before);
  });

  test("ExcelApi 1.9: a findings sheet (registered in _par) next to the fills; unflag removes both", async () => {
    const { fake, actions, validation } = await setUp("1.9");
    const before = fake.snapshot();
    const outcome = await actions.flagFindings(validation, "en");
    expect(outcome.mode).toBe("sheet");
    expect(outcome.findingsSheet).toBe(`Findings - ${SHEET}`);
    const snap = fake.snapshot();
    const findings = sheetOf(snap, outcome.findingsSheet!);
    expect(findings.values[1]).toEqual(["Cell", "Criterion", "Kind", "What to fix"]);
    expect(findings.values.slice(2).map((r) => `${r[0]} ${r[1]}`).sort()).toEqual(validation.findings.map((f) => `${f.cell} ${f.code}`).sort());
    expect(sheetOf(snap, OWNED_SHEET).values.slice(1).map((r) => r.slice(0, 2))).toEqual([[outcome.findingsSheet, "findings"]]);
    expect(sheetOf(snap, SHEET).fills.E21).toBe("#00B0F0"); // the user's fill, kept
    expect(sheetOf(snap, SHEET).notes).toEqual(sheetOf(before, SHEET).notes);

    const again = await actions.flagFindings(validation, "en");
    expect(again.findingsSheet).toBe(outcome.findingsSheet);
    expect(fake.snapshot().sheets.filter((s) => s.name.startsWith("Findings"))).toHaveLength(1);
    await actions.unflag(SHEET);
    expect(fake.snapshot()).toEqual(before);
  });

  test("ExcelApi 1.7 (no fill pattern): a cell without fill is restored without fill", async () => {
    const { fake, actions, validation } = await setUp("1.7");
    const before = fake.snapshot();
    await actions.flagFindings(validation, "vi");
    await actions.unflag(SHEET);
    const after = sheetOf(fake.snapshot(), SHEET);
    expect(after.fills).toEqual({ E21: "#00B0F0", B3: "#FFFF00" }); // the white fill of F75 is read as no fill
    expect(after.values).toEqual(sheetOf(before, SHEET).values);
  });
});

describe("what the user is told", () => {
  async function expectUserError(promise: Promise<unknown>, vi: string, fake: FakeExcel, before: Snapshot) {
    const error = (await promise.catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("vi")).toContain(vi);
    expect(fake.snapshot()).toEqual(before);
  }

  test("unflag on a sheet never flagged", async () => {
    const { fake, actions } = await setUp();
    await expectUserError(actions.unflag(null), `Trang tính "${SHEET}" không có ô nào do PAR Scorer đánh dấu`, fake, fake.snapshot());
  });

  test("a protected sheet", async () => {
    const { fake, actions, validation } = await setUp();
    fake.setProtected(SHEET, true);
    await expectUserError(actions.flagFindings(validation, "vi"), "đang được bảo vệ", fake, fake.snapshot());
  });

  test("a sheet renamed since the check", async () => {
    const { fake, actions, validation } = await setUp();
    await expectUserError(actions.flagFindings({ ...validation, sheet: "Đã đổi tên" }, "vi"), 'Không tìm thấy trang tính "Đã đổi tên"', fake, fake.snapshot());
  });
});

describe("a workbook whose structure is protected (no sheet can be added or deleted)", () => {
  const userSheets = (snap: Snapshot) => snap.sheets.filter((s) => !s.name.startsWith("_par"));

  test("protected from the start: flagging is refused before any cell changes; unflag finds nothing to undo", async () => {
    const { fake, actions, validation } = await setUp();
    fake.setStructureProtected(true);
    const before = fake.snapshot();
    const error = await actions.flagFindings(validation, "vi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text("vi")).toContain("Chưa ô nào bị thay đổi");
    expect((error as UserError).text("en")).toContain("Review → Protect Workbook");
    expect(fake.snapshot()).toEqual(before);
    await expect(actions.unflag(SHEET)).rejects.toBeInstanceOf(UserError);
    expect(fake.snapshot()).toEqual(before);
  });

  test("flagged, then protected: flag again and unflag round trip to every cell as it was; the backup sheet stays, emptied", async () => {
    const { fake, actions, validation } = await setUp();
    const before = fake.snapshot();
    await actions.flagFindings(validation, "vi");
    fake.setStructureProtected(true);
    const fewer = { ...validation, findings: validation.findings.filter((f) => f.cell !== "E21") };
    await actions.flagFindings(fewer, "en");
    expect(sheetOf(fake.snapshot(), SHEET).fills.E21).toBe("#00B0F0");
    await actions.unflag(SHEET);
    const after = fake.snapshot();
    expect(userSheets(after)).toEqual(userSheets(before));
    const backup = sheetOf(after, FLAGS_SHEET);
    expect(backup.visibility).toBe("VeryHidden");
    expect(backup.values).toHaveLength(1);
  });

  test("flagged with a findings sheet (ExcelApi 1.9), then protected: unflag is refused and nothing changes", async () => {
    const { fake, actions, validation } = await setUp("1.9");
    await actions.flagFindings(validation, "vi");
    fake.setStructureProtected(true);
    const flagged = fake.snapshot();
    await expect(actions.unflag(SHEET)).rejects.toBeInstanceOf(UserError);
    expect(fake.snapshot()).toEqual(flagged);
  });

  test("summary is refused after its first sync, before reading the sheets, and nothing changes", async () => {
    const { fake, actions } = await setUp();
    fake.setStructureProtected(true);
    const before = fake.snapshot();
    fake.resetSyncCount();
    const error = await actions.generateSummary(catalog, "vi").catch((e: unknown) => e);
    expect((error as UserError).text("vi")).toContain("Cấu trúc sổ làm việc đang được bảo vệ");
    expect(fake.syncCount()).toBe(1);
    expect(fake.snapshot()).toEqual(before);
  });
});

