/**
 * Shared by the task pane's component tests: a fake PaneActions (jest.fn per method), a small catalogue and a unit
 * grid with real findings from the core, and helpers to render the pane and drive it.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { buildSummary, builtinCatalogs, Catalog, CellValue, Grid, hasScores, parseCatalog, readUnitSheet, UnitSheet, validateUnit } from "../../src/scoring";
import { PaneActions, SummaryOutcome, Validation } from "../../src/taskpane/actions";
import { App, AppProps, PanelComponents } from "../../src/taskpane/App";
import { CatalogPanel } from "../../src/taskpane/components/CatalogPanel";
import { SummaryPanel } from "../../src/taskpane/components/SummaryPanel";
import { ValidatePanel } from "../../src/taskpane/components/ValidatePanel";
import { UiLang } from "../../src/taskpane/i18n";

export type FakeActions = jest.Mocked<PaneActions>;

/** Every method a jest.fn around the given implementation; the defaults resolve to an uneventful outcome. */
export function fakeActions(overrides: Partial<PaneActions> = {}): FakeActions {
  const implementation: PaneActions = {
    readWorkbookCatalog: async () => ({ sheet: null, catalog: null, issues: [] }),
    insertCatalogSheet: async () => ({ sheet: "Bộ tiêu chí", skipped: [] }),
    setActiveCatalog: async () => ({ formulas: 0, recalculated: true }),
    createTemplate: async () => ({ sheet: "Tự đánh giá", skipped: [] }),
    validateActiveSheet: async () => ({ sheet: "Tự đánh giá", unit: "Sở Thử", catalogId: "thu", rows: 0, scored: false, findings: [] }),
    selectCell: async () => undefined,
    flagFindings: async () => ({ sheet: "Tự đánh giá", cells: 0, mode: "note", findingsSheet: null }),
    unflag: async () => ({ sheet: "Tự đánh giá", cells: 0 }),
    generateSummary: async () => ({ sheets: [], units: 1, unit: "", index: null, band: null, chart: true, skipped: [], unscored: [] }),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(implementation).map(([name, f]) => [name, jest.fn(f)])) as unknown as FakeActions;
}

/** A two-field catalogue (field 1 with points and evidence, field 2 with one criterion). */
export const smallCatalog: Catalog = parseCatalog(
  {
    id: "thu",
    name: "Bộ thử",
    year: 2018,
    nodes: [
      {
        code: "1",
        name: "Chỉ đạo điều hành",
        children: [
          { code: "1.1", name: "Kế hoạch CCHC", max: 1, rule: "100%: 1; *: 0", evidence: ["Kế hoạch CCHC năm"] },
          { code: "1.2", name: "Báo cáo", max: 0.5, rule: "có: 0,5; không: 0", evidence: ["Báo cáo CCHC quý"] },
          { code: "1.3", name: "Kiểm tra", max: 1, rule: ">30%: 1; *: 0" },
        ],
      },
      { code: "2", name: "Văn bản QPPL", children: [{ code: "2.1", name: "Rà soát", max: 2 }] },
    ],
  },
  "thu.json",
);

export const UNIT_SHEET = "Tự đánh giá";

/** Header on row 3; rows 4… the criteria. Columns A code, B name, C max, D value, E self score, F evidence. */
export function unitRows(): CellValue[][] {
  return [
    ["BẢNG TỰ CHẤM ĐIỂM"],
    ["Đơn vị: Sở Thử nghiệm"],
    ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Tài liệu kiểm chứng"],
    ["1", "Chỉ đạo điều hành", 2.5, null, 2.5, null], // 4
    ["1.1", "Kế hoạch CCHC", 1, 1, 1, "Kế hoạch CCHC năm 2018 số 12/KH-STN ngày 20/12/2017"], // 5
    ["1.2", "Báo cáo", 0.5, "có", 0.5, "Báo cáo CCHC quý số 5/BC-STN ngày 15/03/2018"], // 6
    ["1.3", "Kiểm tra", 1, 0.4, 1, "kiem-tra.pdf"], // 7
    ["2", "Văn bản QPPL", 2, null, 2, null], // 8
    ["2.1", "Rà soát", 2, null, 2, "Quyết định số 99/QĐ-STN ngày 01/06/2018"], // 9
  ];
}

function unitSheet(change: (rows: CellValue[][]) => void): UnitSheet {
  const rows = unitRows();
  change(rows);
  const grid: Grid = { name: UNIT_SHEET, values: rows };
  const unit = readUnitSheet(grid, "Sở Thử nghiệm");
  if (!unit) throw new Error("test grid is not a unit sheet");
  return unit;
}

/** The core's own validation of rows (edited by `change`), as the adapter would return it. */
export function validationOf(change: (rows: CellValue[][]) => void = () => undefined, lang: UiLang = "vi"): Validation {
  const unit = unitSheet(change);
  return {
    sheet: UNIT_SHEET,
    unit: unit.unit,
    catalogId: smallCatalog.id,
    rows: unit.rows.length,
    scored: hasScores(unit),
    findings: validateUnit(unit, smallCatalog, { lang }),
  };
}

/** What "Tổng hợp" reports for the test grid (edited by `change`), its figures from the core's summary. */
export function summaryOutcomeOf(change: (rows: CellValue[][]) => void, units: number, skipped: string[] = [], unscored: string[] = []): SummaryOutcome {
  const unit = unitSheet(change);
  const summary = buildSummary(unit, smallCatalog, validateUnit(unit, smallCatalog));
  const sheets = units > 1 ? ["Tổng hợp", "Kế hoạch cải thiện", "Xếp hạng"] : ["Tổng hợp", "Kế hoạch cải thiện"];
  return { sheets, units, unit: summary.unit, index: summary.officialIndex, band: summary.band, chart: skipped.length === 0, skipped, unscored };
}

/** Sets the A1 cell of the test grid. */
export function setCell(rows: CellValue[][], address: string, value: CellValue): void {
  rows[Number(address.slice(1)) - 1][address.charCodeAt(0) - 65] = value;
}

/** The panels themselves (production loads them lazily, in chunks of their own; the browser test covers that). */
export const eagerPanels: PanelComponents = { CatalogPanel, ValidatePanel, SummaryPanel };

/** What every component test renders the App with: the panels at once, the first-run guide already read. */
export const paneDefaults: Partial<AppProps> = { panels: eagerPanels, firstRun: false };

/** The pane with the built-ins plus the small catalogue, the small one in use. */
export function renderPane(props: Partial<AppProps> = {}) {
  const catalogs = [...builtinCatalogs(), smallCatalog];
  return render(<App catalogs={catalogs} initial={smallCatalog} lang="vi" actions={fakeActions()} {...paneDefaults} {...props} />);
}

/** A promise the test settles itself. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Clicks and lets the action's promises settle. */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

export async function openTab(name: string | RegExp): Promise<void> {
  await click(screen.getByRole("tab", { name }));
}

export const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;

/** The pane's error MessageBar (a group named by its title), or null. */
export function errorBar(lang: UiLang = "vi"): HTMLElement | null {
  return screen.queryByRole("group", { name: lang === "en" ? "Could not do it" : "Không thực hiện được" });
}

export async function switchLanguage(lang: UiLang): Promise<void> {
  await click(screen.getByRole("button", { name: lang === "en" ? /English/ : /Tiếng Việt/ }));
}

/** Disabled, or disabled but focusable (aria-disabled: a busy button keeps the focus). */
export const isOff = (b: HTMLElement) => (b as HTMLButtonElement).disabled || b.getAttribute("aria-disabled") === "true";

/** Answers yes to "switch catalogue?" (asked in Excel before the workbook is recalculated and rewritten). */
export async function confirmSwitch(lang: UiLang = "vi"): Promise<void> {
  await click(screen.getByRole("button", { name: lang === "en" ? "Switch catalogue" : "Đổi bộ tiêu chí" }));
}

/** The catalogue in use as the header says it (its title holds the whole sentence). */
export const header = (text: string) => screen.getByTitle(text);

/** Types in the criteria tree's search box (the tree opens the way to what matches). */
export async function findCriterion(text: string): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByRole("searchbox", { name: /Tìm tiêu chí|Find a criterion/ }), { target: { value: text } });
  });
}
