/**
 * @jest-environment jsdom
 *
 * Tab "Tiêu chí": JSON files, the workbook's catalogue sheet, inserting the catalogue as a sheet.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { Catalog, catalogToSheet, CellValue, Grid, readCatalogSheet, SheetIssue } from "../../src/scoring";
import { WorkbookCatalog } from "../../src/taskpane/actions";
import { UserError } from "../../src/taskpane/errors";
import { button, click, confirmSwitch, deferred, errorBar, fakeActions, findCriterion, header, isOff, renderPane, smallCatalog, switchLanguage } from "./pane-helpers";

// Rendering Fluent trees in jsdom takes seconds when the machine is busy.
jest.setTimeout(20_000);

beforeEach(() => resetActiveCatalog());

/** The tree item of a code (its data-code attribute). */
const item = (code: string) => document.querySelector(`[data-code="${code}"]`);

const customJson = JSON.stringify({
  id: "tinh-moi",
  name: "Bộ tiêu chí tỉnh Mới 2024",
  nodes: [{ code: "1", name: "Cải cách thể chế", children: [{ code: "1.1", name: "Ban hành văn bản", max: 2, rule: "100%: 2; *: 0" }] }],
});

async function loadFile(name: string, text: string) {
  const input = screen.getByTestId("catalog-file") as HTMLInputElement;
  expect(input.accept).toBe(".json,application/json");
  const file = new File([text], name, { type: "application/json" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  // Reading the file is asynchronous: let it finish.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The catalogue as a sheet read back by the core, after `change` edits its cell values. */
function catalogSheet(change: (rows: CellValue[][]) => void): WorkbookCatalog {
  const spec = catalogToSheet(smallCatalog);
  const values = spec.rows.map((row) => row.map((cell) => cell?.value ?? null));
  change(values);
  const grid: Grid = { name: spec.name, values };
  return { sheet: spec.name, ...readCatalogSheet(grid) };
}

/** Row (0-based) of a code in the catalogue sheet. */
const rowOf = (rows: CellValue[][], code: string) => rows.findIndex((r) => r[0] === code);

describe("loading a JSON file", () => {
  it("adds the catalogue, asks before putting it in use, and shows its criteria", async () => {
    const actions = fakeActions();
    renderPane({ actions });
    expect(isOff(button("Tải bộ tiêu chí từ tệp"))).toBe(false);
    await loadFile("tinh-moi.json", customJson);
    expect(screen.getByText('Đã tải bộ tiêu chí "Bộ tiêu chí tỉnh Mới 2024" từ tệp tinh-moi.json.')).toBeTruthy();
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
    await confirmSwitch();
    expect(header("Bộ tiêu chí đang dùng: Bộ tiêu chí tỉnh Mới 2024")).toBeTruthy();
    expect(actions.setActiveCatalog).toHaveBeenCalledTimes(1);
    expect((actions.setActiveCatalog.mock.calls[0][0] as Catalog).id).toBe("tinh-moi");
    await findCriterion("1.1");
    expect(item("1.1")!.textContent).toContain("Ban hành văn bản");
    expect(item("2")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("combobox"));
    });
    // Named, not by its code: "(tùy chỉnh)" says it is a custom one.
    expect(screen.getByRole("option", { name: "Bộ tiêu chí tỉnh Mới 2024 (tùy chỉnh)" })).toBeTruthy();
  });

  it("loading the same catalogue again replaces it instead of listing it twice", async () => {
    renderPane();
    await loadFile("tinh-moi.json", customJson);
    await loadFile("tinh-moi-v2.json", customJson.replace("2024", "2025"));
    await act(async () => {
      fireEvent.click(screen.getByRole("combobox"));
    });
    expect(screen.queryAllByRole("option", { name: /tỉnh Mới/ }).map((o) => o.textContent)).toEqual(["Bộ tiêu chí tỉnh Mới 2025 (tùy chỉnh)"]);
  });

  it("a file that is not JSON is an error naming the file, in the pane's language", async () => {
    const actions = fakeActions();
    renderPane({ actions });
    await loadFile("hong.json", "{ không phải json");
    const said = errorBar()!.textContent!;
    expect(said).toMatch(/Tệp hong\.json không phải tệp bộ tiêu chí: nội dung bị hỏng hoặc không đúng định dạng gần (ký tự thứ \d+|dòng \d+, cột \d+)\./);
    // The parser's English is not shown.
    expect(said).not.toMatch(/JSON|Unexpected|position/);
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toMatch(/The file hong\.json is not a catalogue file/);
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
    expect(header("Catalogue in use: Bộ thử")).toBeTruthy();
  });

  it("a catalogue with a misplaced criterion is refused with the criterion it is about", async () => {
    renderPane();
    await loadFile("sai.json", customJson.replace('"code":"1.1"', '"code":"2.1"'));
    const text = errorBar()!.textContent!;
    expect(text).toContain("sai.json");
    expect(text).toContain("2.1");
    expect(header("Bộ tiêu chí đang dùng: Bộ thử")).toBeTruthy();
  });

  it("a field of the wrong type is said in a Vietnamese sentence with the criterion, the field and an example", async () => {
    renderPane();
    await loadFile("kieu.json", customJson.replace('"max":2', '"max":"hai"'));
    const text = errorBar()!.textContent!;
    expect(text).toContain('tiêu chí 1.1, trường "max" (điểm tối đa): phải là một số, đang là chữ (đặt trong dấu nháy kép). Ví dụ: 0.5.');
    expect(text).not.toMatch(/Invalid input|expected|received/);
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toContain('criterion 1.1, field "max" (maximum points): must be a number, not text (in double quotes). Example: 0.5.');
  });

  it("works outside Excel too (browsing only: nothing to save)", async () => {
    renderPane({ actions: null });
    await loadFile("tinh-moi.json", customJson);
    expect(header("Bộ tiêu chí đang dùng: Bộ tiêu chí tỉnh Mới 2024")).toBeTruthy();
  });
});

describe("the workbook's catalogue sheet", () => {
  it("says how to get one when the workbook has none", async () => {
    const actions = fakeActions();
    renderPane({ actions });
    await click(button("Dùng trang bộ tiêu chí trong sổ tính"));
    expect(actions.readWorkbookCatalog).toHaveBeenCalledWith("vi");
    expect(screen.getByText(/Sổ tính chưa có trang bộ tiêu chí: bảng tiêu chí của tỉnh .* Bấm "Chèn bộ tiêu chí thành trang tính"/)).toBeTruthy();
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
  });

  it("shows an unusable sheet's issues like findings; clicking one selects its cell", async () => {
    const read = catalogSheet((rows) => {
      rows[rowOf(rows, "1.2")][2] = "nửa điểm"; // max: not a number
      rows[rowOf(rows, "1.3")][4] = ">30%: 1; *"; // rule without points
    });
    expect(read.catalog).toBeNull();
    const errors = read.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const actions = fakeActions({ readWorkbookCatalog: async () => read });
    renderPane({ actions });
    await click(button("Dùng trang bộ tiêu chí trong sổ tính"));
    expect(screen.getByText(`Trang "Bộ tiêu chí" chưa dùng được làm bộ tiêu chí: ${errors.length} lỗi. Bấm vào từng dòng để tới ô cần sửa, sửa xong bấm lại nút này.`)).toBeTruthy();
    const first = read.issues[0] as SheetIssue;
    const link = screen.getByRole("button", { name: `${first.cell} · ${first.code} · ${first.message}` });
    await click(link);
    expect(actions.selectCell).toHaveBeenCalledWith("Bộ tiêu chí", first.cell);
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
    expect(header("Bộ tiêu chí đang dùng: Bộ thử")).toBeTruthy();
  });

  it("a usable sheet's catalogue is added and put in use, its warnings listed", async () => {
    const read = catalogSheet((rows) => {
      rows[0][0] = null; // no name: a warning, the id stands in
      rows[rowOf(rows, "2.1")][1] = "Rà soát văn bản (bản tỉnh)";
    });
    expect(read.catalog).not.toBeNull();
    expect(read.issues.length).toBeGreaterThan(0);
    const actions = fakeActions({ readWorkbookCatalog: async () => read });
    renderPane({ actions });
    await click(button("Dùng trang bộ tiêu chí trong sổ tính"));
    expect(screen.getByText(`Đã đọc bộ tiêu chí "${read.catalog!.name}" từ trang "Bộ tiêu chí".`)).toBeTruthy();
    await confirmSwitch();
    expect(actions.setActiveCatalog).toHaveBeenCalledWith(read.catalog);
    expect(header(`Bộ tiêu chí đang dùng: ${read.catalog!.name}`)).toBeTruthy();
    await findCriterion("2.1");
    expect(item("2.1")!.textContent).toContain("Rà soát văn bản (bản tỉnh)");
    const warning = read.issues[0];
    expect(screen.getByRole("button", { name: [warning.cell, warning.code, warning.message].filter(Boolean).join(" · ") })).toBeTruthy();
  });

  it("a province's published table: how its scoring wordings were read, and what a person must check", async () => {
    const read: WorkbookCatalog = {
      ...catalogSheet(() => undefined),
      readings: {
        counts: { exact: 5, assumption: 1, notRead: 2, noWording: 0 },
        review: [
          { code: "1.2", state: "assumption", how: "đọc với giả định: \"Đạt 90%\" là từ 90% trở lên" },
          { code: "1.3", state: "notRead", how: "chưa đọc: \"Hoàn thành đúng hạn 100% nhiệm vụ\"" },
        ],
      },
    };
    const actions = fakeActions({ readWorkbookCatalog: async () => read });
    renderPane({ actions });
    await click(button("Dùng trang bộ tiêu chí trong sổ tính"));
    expect(screen.getByText(/Lời văn chấm điểm của 8 tiêu chí: 5 đọc chính xác, 1 đọc với giả định, 2 chưa đọc được/)).toBeTruthy();
    expect(screen.getByText(/1.2: đọc với giả định/)).toBeTruthy();
    expect(screen.getByText(/1.3: chưa đọc/)).toBeTruthy();
  });

  it("a failed read is an error and changes nothing", async () => {
    const actions = fakeActions({
      readWorkbookCatalog: () => Promise.reject(new UserError("Không đọc được sổ tính: đóng hộp thoại đang mở rồi thử lại", "Cannot read the workbook: close the open dialog and try again")),
    });
    renderPane({ actions });
    await click(button("Dùng trang bộ tiêu chí trong sổ tính"));
    expect(errorBar()!.textContent).toContain("Không đọc được sổ tính: đóng hộp thoại đang mở rồi thử lại");
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
  });
});

describe("inserting the catalogue as a sheet", () => {
  it("names the new sheet and what Excel could not do", async () => {
    const actions = fakeActions({
      insertCatalogSheet: async () => ({ sheet: "Bộ tiêu chí (2)", skipped: ["Không cố định được dòng tiêu đề (cần ExcelApi 1.7)"] }),
    });
    renderPane({ actions });
    await click(button("Chèn bộ tiêu chí thành trang tính"));
    expect(actions.insertCatalogSheet).toHaveBeenCalledWith(smallCatalog, "vi");
    expect(screen.getByText(/^Đã chèn trang "Bộ tiêu chí \(2\)" với bộ tiêu chí "Bộ thử"\./)).toBeTruthy();
    expect(screen.getByRole("group", { name: "Excel ở đây chưa làm được:" }).textContent).toContain("Không cố định được dòng tiêu đề (cần ExcelApi 1.7)");
  });

  it("is refused while it runs: the second click does nothing", async () => {
    const pending = deferred<{ sheet: string; skipped: string[] }>();
    const actions = fakeActions({ insertCatalogSheet: () => pending.promise });
    renderPane({ actions });
    const insert = button("Chèn bộ tiêu chí thành trang tính");
    await click(insert);
    expect(isOff(insert)).toBe(true);
    expect(screen.getByRole("combobox").hasAttribute("disabled") || screen.getByRole("combobox").getAttribute("aria-disabled") === "true").toBe(true);
    await click(insert);
    expect(actions.insertCatalogSheet).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve({ sheet: "Bộ tiêu chí", skipped: [] }));
    expect(isOff(insert)).toBe(false);
    expect(screen.queryByRole("group", { name: "Excel ở đây chưa làm được:" })).toBeNull();
  });
});
