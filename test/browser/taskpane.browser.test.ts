/**
 * The production-built task pane in headless Chromium (Debian's chromium driven by playwright-core), with an
 * in-page stand-in for Excel (test/support/fake-excel.js) holding a real sample workbook in memory. The page loads
 * office.js from Microsoft's CDN, as deployed; offline, the test intercepts that one request and serves the
 * stand-in (or, for the plain-browser case, the npm copy of office.js). Clicks through template → validate →
 * click a finding → flag → unflag → summary, saves a screenshot, and records every network request: besides the
 * add-in's own origin only that office.js URL is asked for, so a unit's data never leaves the machine.
 */
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, chromium, Page } from "playwright-core";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { dateToSerial } from "../../src/scoring";
import { chromiumPath, OFFICE_JS_CDN, productionBuild } from "./build";
import { serveFolder, StaticServer } from "./static-server";

jest.setTimeout(240_000);

const root = join(__dirname, "..", "..");
const SAMPLE = join(root, "samples", "tinh-dien-bien-2018.xlsx");
const SHEET = "Tự đánh giá 2018";
const shots = join(root, "test-output");
/** PAR_DOCS_IMAGES=1 writes the README's pane images (320 px, Vietnamese, one per tab) into docs/. */
const docsImages = process.env.PAR_DOCS_IMAGES === "1";
/** Excel's default task pane widths: Mac 270 px, Windows 320 px, the web 350 px. */
const WIDTHS = [270, 320, 350];

interface FakeSheet {
  name: string;
  visibility: string;
  values: unknown[][];
  formulas: unknown[][];
  fills: Record<string, string>;
  notes: Record<string, string>;
  charts: { title: string }[];
  validations: unknown[];
}
interface Snapshot {
  active: string;
  sheets: FakeSheet[];
  selection: { sheet: string; cell: string } | null;
}

async function initialWorkbook() {
  const data = await readWorkbook(SAMPLE);
  return data.grids.map((g) => ({
    name: g.name,
    values: g.values.map((row) => row.map((v) => (v instanceof Date ? dateToSerial(v) : v ?? ""))),
    formulas: g.values.map((row, r) => row.map((v, c) => g.formulas?.[r]?.[c] ?? (v instanceof Date ? dateToSerial(v) : v ?? ""))),
  }));
}

const { bundleSizes, BUDGET_KB } = require("../../scripts/bundle-size.js") as { bundleSizes(dir: string): Record<string, number>; BUDGET_KB: number };

let dir: string;
let sample: Awaited<ReturnType<typeof initialWorkbook>>;
let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

/** Waits until `read()` gives a value `ok` accepts (the pane works asynchronously); returns that value. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Opens the production pane in `p` over the Excel stand-in (test/support/fake-excel.js) seeded with `init`. */
async function openOverFake(p: Page, init: Record<string, unknown>): Promise<void> {
  const fake = readFileSync(join(root, "test", "support", "fake-excel.js"), "utf8");
  await p.route(OFFICE_JS_CDN, (route) => route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fake }));
  await p.addInitScript((value) => {
    (window as unknown as { __PAR_FAKE_EXCEL_INIT__: unknown }).__PAR_FAKE_EXCEL_INIT__ = value;
  }, init);
  await p.goto(`${server.origin}/taskpane.html`);
}

const snapshot = (): Promise<Snapshot> => page.evaluate(() => (window as unknown as { __parFake: { snapshot(): Snapshot } }).__parFake.snapshot());
const sheetOf = (snap: Snapshot, name: string) => snap.sheets.find((s) => s.name === name);

beforeAll(async () => {
  dir = productionBuild();
  server = await serveFolder(dir);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  sample = await initialWorkbook();
  const init = { sheets: sample, active: SHEET, apiVersion: "1.18", displayLanguage: "vi-VN" };
  await openOverFake(page, init);
  await page.getByRole("tab", { name: /Mẫu/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("task pane in headless Chromium", () => {
  it("clicks through template → validate → finding → flag → unflag → summary", async () => {
    const original = await snapshot();
    const sampleBefore = sheetOf(original, SHEET)!;

    // Mẫu: a new self-assessment sheet from the active catalogue, made active; the sample is untouched.
    await page.getByRole("tab", { name: /Mẫu/ }).click();
    await page.getByRole("button", { name: /Tạo trang tự chấm/ }).click();
    await page.getByText(/Đã tạo trang/).waitFor();
    let snap = await snapshot();
    const created = snap.sheets.find((s) => !original.sheets.some((o) => o.name === s.name))!;
    expect(created).toBeDefined();
    expect(snap.active).toBe(created.name);
    expect(created.formulas.flat().some((f) => typeof f === "string" && f.startsWith("=PAR.SCORE("))).toBe(true);
    expect(created.validations.length).toBeGreaterThan(0);
    expect(sheetOf(snap, SHEET)).toEqual(sampleBefore);

    // The user goes back to the sample sheet (a click on its tab in Excel).
    await page.evaluate(async (name) => {
      const excel = (window as unknown as { Excel: { run(b: (ctx: any) => Promise<void>): Promise<void> } }).Excel;
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(name).activate();
        await ctx.sync();
      });
    }, SHEET);

    // Kiểm tra: the planted defects, grouped, announced in a live region; found by the search box, clicking one
    // selects its cell.
    await page.getByRole("tab", { name: /Kiểm tra/ }).click();
    await page.getByRole("button", { name: /Kiểm tra trang/ }).click();
    const live = page.locator('[aria-live="polite"]', { hasText: /Đã kiểm tra trang "Tự đánh giá 2018": \d+ lỗi, \d+ cảnh báo\./ });
    await live.first().waitFor({ state: "attached" });
    expect(await live.count()).toBeGreaterThan(0);
    await page.getByRole("searchbox", { name: /Tìm trong kết quả/ }).fill("E87");
    const finding = page.getByRole("button", { name: /E87/ }).first();
    await finding.waitFor();
    await finding.click();
    const selected = await until(async () => (await snapshot()).selection, (s) => s?.cell === "E87");
    expect(selected).toEqual({ sheet: SHEET, cell: "E87" });
    const beforeFlag = await snapshot();
    expect(sheetOf(beforeFlag, SHEET)).toEqual(sampleBefore);

    // Đánh dấu: fills and notes on the flagged cells, values and formulas unchanged.
    await page.getByRole("button", { name: /^Đánh dấu/ }).click();
    snap = await until(snapshot, (x) => Object.keys(sheetOf(x, SHEET)!.fills).length > 0);
    const flagged = sheetOf(snap, SHEET)!;
    expect(flagged.fills.E87).toBeDefined();
    expect(flagged.notes.E87).toMatch(/PAR Scorer/);
    expect(flagged.values).toEqual(sampleBefore.values);
    expect(flagged.formulas).toEqual(sampleBefore.formulas);
    await page.screenshot({ path: join(shots, "flow-validate.png"), fullPage: true });

    // Xóa đánh dấu: exactly what was there before.
    await page.getByRole("button", { name: /Xóa đánh dấu/ }).click();
    const restored = await until(snapshot, (x) => Object.keys(sheetOf(x, SHEET)!.fills).length === Object.keys(sampleBefore.fills).length);
    expect(sheetOf(restored, SHEET)).toEqual(sampleBefore);

    // Tổng hợp: summary with a chart and the plan; a second run gives the same sheets.
    await page.getByRole("tab", { name: /Tổng hợp/ }).click();
    const generate = page.getByRole("button", { name: /Tạo trang tổng hợp/ });
    await generate.click();
    await page.getByText(/Đã ghi các trang/).waitFor();
    const first = await snapshot();
    const summary = first.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(summary).toBeDefined();
    expect(summary.charts.length).toBe(1);
    expect(first.sheets.some((s) => s.name === "Kế hoạch cải thiện")).toBe(true);
    await generate.click();
    await until(() => generate.isEnabled(), (enabled) => enabled);
    const second = await until(snapshot, (x) => JSON.stringify(x.sheets.map((s) => s.name)) === JSON.stringify(first.sheets.map((s) => s.name)));
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(second.sheets.filter((s) => s.visibility !== "VeryHidden")).toEqual(first.sheets.filter((s) => s.visibility !== "VeryHidden"));
    expect(sheetOf(second, SHEET)).toEqual(sampleBefore);
    expect(sheetOf(second, created.name)).toEqual(created);

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "flow-summary.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN, before the bundles", () => {
    const html = readFileSync(join(dir, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS_CDN, "functions.js", "taskpane.js"]);
  });

  it("contacts only its own origin and the one office.js URL (a unit's data never leaves the machine)", () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(foreign).toEqual([OFFICE_JS_CDN]);
    expect(requests).not.toContain(`${server.origin}/office.js`);
  });

  it("speaks English when Office's display language is English", async () => {
    const en = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await openOverFake(en, { sheets: [{ name: "Sheet1", values: [[""]] }], apiVersion: "1.18", displayLanguage: "en-US" });
    await en.getByRole("tab", { name: /Template/ }).waitFor();
    expect(await en.getByRole("tab", { name: /Summary/ }).count()).toBe(1);
    await en.close();
  });

  it("in an Excel without ExcelApi 1.7 says to update Office, with the workbook buttons off", async () => {
    const old = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await openOverFake(old, { sheets: [{ name: "Sheet1", values: [[""]] }], apiVersion: "1.6", displayLanguage: "vi-VN" });
    await old.getByText(/Phiên bản Excel này chưa đủ/).waitFor();
    await old.getByRole("tab", { name: /Kiểm tra/ }).click();
    expect(await old.getByRole("button", { name: /Kiểm tra trang/ }).isDisabled()).toBe(true);
    await old.close();
  });

  it("opened in a plain English browser (real office.js, no Excel): says in Vietnamese how to load the add-in", async () => {
    const plain = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "en-US" });
    const seen: string[] = [];
    const errors: string[] = [];
    plain.on("request", (r) => seen.push(r.url()));
    plain.on("pageerror", (e) => errors.push(String(e)));
    // Offline stand-in for the CDN folder: the npm copy of office.js and the files it loads from beside itself.
    const hosted = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
    const officeJsDist = join(root, "node_modules", "@microsoft", "office-js", "dist");
    await plain.route(`${hosted}**`, (route) => {
      const file = join(officeJsDist, ...route.request().url().slice(hosted.length).split("?")[0].split("/"));
      return file.startsWith(officeJsDist) && existsSync(file) ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.abort();
    });
    await plain.goto(`${server.origin}/taskpane.html`);
    await plain.getByText(/Đang mở ngoài Excel/).waitFor({ timeout: 20_000 });
    expect(await plain.getByText(/manifest\.xml/).count()).toBeGreaterThan(0);
    const foreign = seen.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"));
    expect(foreign).toContain(OFFICE_JS_CDN);
    for (const url of foreign) expect(url.startsWith(hosted)).toBe(true);
    expect(errors).toEqual([]);
    await plain.close();
  });

  it("office.js cannot be loaded (offline, blocked by a proxy): the page says so in words and throws nothing", async () => {
    const blocked = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
    const errors: string[] = [];
    blocked.on("pageerror", (e) => errors.push(String(e)));
    await blocked.route(OFFICE_JS_CDN, (route) => route.abort("internetdisconnected"));
    await blocked.goto(`${server.origin}/taskpane.html`);
    await blocked.getByText("Không kết nối được với Office").waitFor();
    expect(await blocked.getByText(/appsforoffice\.microsoft\.com/).count()).toBeGreaterThan(0);
    expect(await blocked.getByRole("tab", { name: /Tiêu chí/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await blocked.close();
  });

  it("keeps the task pane within its bundle budget", () => {
    const sizes = bundleSizes(dir) as Record<string, number>;
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_KB);
  });

  it("asks for no more than ReadWriteDocument in the manifest", () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    const permissions = [...manifest.matchAll(/<Permissions>\s*([^<]+?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(["ReadWriteDocument"]);
  });
});

type Lang = "vi" | "en";
const TAB_NAMES: Record<Lang, string[]> = { vi: ["Tiêu chí", "Mẫu", "Kiểm tra", "Tổng hợp"], en: ["Criteria", "Template", "Validate", "Summary"] };
const VALIDATE: Record<Lang, RegExp> = { vi: /Kiểm tra trang đang mở/, en: /Validate the open sheet/ };
const SUMMARISE: Record<Lang, RegExp> = { vi: /Tạo trang tổng hợp/, en: /Create the summary sheets/ };

/** The production pane at `width` px in `lang`, over the sample workbook (a fresh page: the guide shows). */
async function paneAt(width: number, lang: Lang): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height: 720 }, locale: lang === "vi" ? "vi-VN" : "en-US" });
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  await openOverFake(p, { sheets: sample, active: SHEET, apiVersion: "1.18", displayLanguage: lang === "vi" ? "vi-VN" : "en-US" });
  await p.getByRole("tab", { name: TAB_NAMES[lang][1] }).waitFor();
  (p as unknown as { errors: string[] }).errors = errors;
  return p;
}

/** What scrolls sideways, and which tabs are (partly) outside the pane. */
async function layoutProblems(p: Page): Promise<{ scroll: number; width: number; outside: string[]; header: number }> {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The catalogue in use and the language switch: one compact line under the (visually hidden) h1.
    const header = document.querySelector("h1 + div")?.getBoundingClientRect().height ?? 0;
    const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const outside = [...document.querySelectorAll('[role="tab"]')]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < 0 || r.right > width + 0.5 || r.width === 0;
      })
      .map((t) => t.textContent ?? "");
    return { scroll, width, outside, header };
  });
}

/** axe-core (from npm) on the page: its serious and critical violations, Fluent's own focus-trap aria-hidden-focus aside. */
async function axeViolations(p: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await p.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const found = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return found.filter((v) => (v.impact === "serious" || v.impact === "critical") && v.id !== "aria-hidden-focus");
}

describe("the pane fits Excel's task pane widths", () => {
  for (const lang of ["vi", "en"] as Lang[]) {
    for (const width of WIDTHS) {
      it(`${width} px, ${lang}: every tab visible, a one-line header, nothing scrolls sideways on any tab (results shown)${width === 320 ? ", axe-core clean" : ""}`, async () => {
        const p = await paneAt(width, lang);
        const names = TAB_NAMES[lang];
        const problems: unknown[] = [];
        const check = async (where: string) => {
          const got = await layoutProblems(p);
          if (got.scroll > got.width || got.outside.length > 0 || got.header === 0 || got.header > 36) problems.push({ where, ...got });
          if (width === 320) {
            const violations = await axeViolations(p);
            if (violations.length > 0) problems.push({ where, axe: violations });
          }
        };
        await check(names[1]);
        const shot = async (name: string) => {
          if (width !== 320 || lang !== "vi") return;
          mkdirSync(shots, { recursive: true });
          const file = join(docsImages ? join(root, "docs") : shots, `taskpane-${name}.png`);
          await p.screenshot({ path: file, fullPage: false });
        };
        await shot("template");
        await p.getByRole("button", { name: lang === "vi" ? "Đã hiểu, ẩn hướng dẫn" : "Got it, hide the guide" }).click();
        await p.getByRole("tab", { name: names[0] }).click();
        await p.getByRole("searchbox").first().waitFor();
        await check(names[0]);
        await shot("catalog");
        await p.getByRole("tab", { name: names[2] }).click();
        await p.getByRole("button", { name: VALIDATE[lang] }).click();
        await p.getByTestId("finding-counts").waitFor();
        await check(names[2]);
        await shot("validate");
        await p.getByRole("tab", { name: names[3] }).click();
        await p.getByRole("button", { name: SUMMARISE[lang] }).click();
        await p.getByText(lang === "vi" ? /Đã ghi các trang/ : /Sheets written/).waitFor();
        await check(names[3]);
        await shot("summary");
        expect(problems).toEqual([]);
        expect((p as unknown as { errors: string[] }).errors).toEqual([]);
        await p.close();
      });
    }
  }
});

describe("the Thẩm định view in the production pane", () => {
  const HEADER = ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"];
  const FORM = "Phiếu thẩm định";
  const long = "Quyết định số 1234/QĐ-UBND ngày 15/01/2025 của Ủy ban nhân dân huyện Mường Chà về việc ban hành Kế hoạch cải cách hành chính năm 2025";
  const form = {
    name: FORM,
    values: [
      HEADER,
      ["UBND huyện Mường Chà", "1.1", "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn quy định", 1, 1, long, "Kế hoạch ban hành ngày 15/01/2025 do chờ hướng dẫn của tỉnh", "", ""],
      ["Sở Y tế", "1.2", "Báo cáo định kỳ", 2, 2, "BC 5/BC-SYT", "", "", ""],
    ],
  };

  for (const width of WIDTHS) {
    it(`${width} px: the form's rows and fields fit without sideways scrolling; a score is written to the form`, async () => {
      const p = await browser.newPage({ viewport: { width, height: 720 }, locale: "vi-VN" });
      const errors: string[] = [];
      p.on("pageerror", (e) => errors.push(String(e)));
      await openOverFake(p, { sheets: [form], active: FORM, apiVersion: "1.18", displayLanguage: "vi-VN" });
      await p.getByRole("tab", { name: "Kiểm tra" }).click();
      await p.getByRole("button", { name: "Đọc phiếu thẩm định" }).click();
      await p.getByText('Phiếu "Phiếu thẩm định": 2 dòng, 2 đơn vị.').waitFor();
      await p.getByLabel("Điểm thẩm định — 1.1 (UBND huyện Mường Chà)").fill("0,5");
      await p.getByLabel("Lý do — 1.1 (UBND huyện Mường Chà)").fill("Ban hành chậm so với quy định");
      const got = await layoutProblems(p);
      expect(got.scroll).toBeLessThanOrEqual(got.width);
      if (width === 320) {
        mkdirSync(shots, { recursive: true });
        await p.screenshot({ path: join(docsImages ? join(root, "docs") : shots, "taskpane-appraisal.png"), fullPage: false });
      }
      await p.getByRole("button", { name: "Ghi vào phiếu" }).click();
      await p.getByText('Đã ghi 1 dòng vào phiếu "Phiếu thẩm định".').waitFor();
      const snap = await p.evaluate(() => (window as unknown as { __parFake: { snapshot(): Snapshot } }).__parFake.snapshot());
      expect(snap.sheets[0].values[1].slice(7, 9)).toEqual([0.5, "Ban hành chậm so với quy định"]);
      expect((await layoutProblems(p)).scroll).toBeLessThanOrEqual(got.width);
      expect(errors).toEqual([]);
      await p.close();
    });
  }

  const langs = [
    { locale: "vi-VN", value: "0,5", tab: "Kiểm tra", read: "Đọc phiếu thẩm định", write: "Ghi vào phiếu", score: "Điểm thẩm định", said: "bị khóa, nên chưa ghi gì" },
    { locale: "en-US", value: "0.5", tab: "Validate", read: "Read the appraisal form", write: "Write to the form", score: "Appraised score", said: "are locked, so nothing was written" },
  ];
  for (const width of WIDTHS) {
    for (const lang of langs) {
      it(`${width} px, ${lang.locale}: a protected form whose score cells are locked is refused with how to unlock them, fitting the pane`, async () => {
        const p = await browser.newPage({ viewport: { width, height: 720 }, locale: lang.locale });
        const errors: string[] = [];
        p.on("pageerror", (e) => errors.push(String(e)));
        await openOverFake(p, { sheets: [{ ...form, protected: true }], active: FORM, apiVersion: "1.18", displayLanguage: lang.locale });
        await p.getByRole("tab", { name: lang.tab }).click();
        await p.getByRole("button", { name: lang.read }).click();
        await p.getByLabel(`${lang.score} — 1.1 (UBND huyện Mường Chà)`).fill(lang.value);
        await p.getByRole("button", { name: lang.write }).click();
        await p.getByText(lang.said, { exact: false }).waitFor();
        const got = await layoutProblems(p);
        expect(got.scroll).toBeLessThanOrEqual(got.width);
        if (width === 320) {
          mkdirSync(shots, { recursive: true });
          await p.screenshot({ path: join(shots, `taskpane-appraisal-locked-${lang.locale}.png`), fullPage: false });
        }
        const snap = await p.evaluate(() => (window as unknown as { __parFake: { snapshot(): Snapshot } }).__parFake.snapshot());
        expect(snap.sheets[0].values[1].slice(7, 9)).toEqual(["", ""]);
        expect(errors).toEqual([]);
        await p.close();
      });
    }
  }
});
