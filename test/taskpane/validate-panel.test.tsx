/**
 * @jest-environment jsdom
 *
 * Tab "Kiểm tra": validation of the open sheet with real findings from the core, flags, selecting cells.
 */
import { act, screen, within } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { CellValue, Finding, findingKindLabel } from "../../src/scoring";
import { FlagOutcome, Validation } from "../../src/taskpane/actions";
import { UserError } from "../../src/taskpane/errors";
import { button, click, deferred, errorBar, fakeActions, openTab, renderPane, setCell, smallCatalog, switchLanguage, UNIT_SHEET, validationOf, isOff } from "./pane-helpers";

// Rendering Fluent trees in jsdom takes seconds when the machine is busy.
jest.setTimeout(20_000);

beforeEach(() => resetActiveCatalog());

/** No evidence for 1.3 and 2.1, 1.2 scored over its max (so field 1's sum is off too). */
function defects(rows: CellValue[][]) {
  setCell(rows, "F7", null);
  setCell(rows, "F9", null);
  setCell(rows, "E6", 1);
}

const label = (f: Finding) => [f.cell, f.code, f.message].filter(Boolean).join(" · ");

async function validateWith(validation: Validation, lang: "vi" | "en" = "vi") {
  const actions = fakeActions({ validateActiveSheet: async () => validation });
  renderPane({ actions, lang });
  await openTab(lang === "vi" ? "Kiểm tra" : "Validate");
  await click(button(lang === "vi" ? "Kiểm tra trang đang mở" : "Validate the open sheet"));
  return actions;
}

describe("validating the open sheet", () => {
  it("before any validation shows a hint, and nothing to flag", async () => {
    renderPane();
    await openTab("Kiểm tra");
    expect(within(screen.getByRole("tabpanel")).getByText(/Mở trang tự chấm điểm của đơn vị rồi bấm Kiểm tra/)).toBeTruthy();
    expect(isOff(button("Đánh dấu"))).toBe(true);
    expect(isOff(button("Xóa đánh dấu"))).toBe(false);
  });

  it("a clean sheet: the header with sheet, unit and rows read, and a success message", async () => {
    const validation = validationOf();
    expect(validation.findings).toEqual([]);
    const actions = await validateWith(validation);
    expect(actions.validateActiveSheet).toHaveBeenCalledWith(smallCatalog, "vi");
    expect(screen.getByRole("heading", { level: 3, name: 'Trang "Tự đánh giá" · Đơn vị: Sở Thử nghiệm · Đã đọc 6 dòng tiêu chí' })).toBeTruthy();
    expect(screen.getByText("0 lỗi")).toBeTruthy();
    expect(screen.getByText("0 cảnh báo")).toBeTruthy();
    expect(validation.scored).toBe(true);
    expect(screen.getByRole("group", { name: "Không phát hiện lỗi" })).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Trang chưa có điểm nào" })).toBeNull();
    expect(isOff(button("Đánh dấu"))).toBe(true);
  });

  it("a sheet with nothing scored yet (a fresh template) says so instead of claiming it is clean", async () => {
    const validation = validationOf((rows) => {
      for (const row of rows.slice(3)) row[3] = row[4] = row[5] = null;
    });
    expect(validation.scored).toBe(false);
    expect(validation.findings.map((f) => f.kind)).toEqual(["unscored"]);
    await validateWith(validation);
    expect(screen.getByRole("group", { name: "Trang chưa có điểm nào" }).textContent).toMatch(/Kiểm tra lại/);
    expect(screen.queryByRole("group", { name: "Không phát hiện lỗi" })).toBeNull();
    expect(screen.getByText("1 lỗi")).toBeTruthy();
    // Said once, by its bar: not listed again among the findings.
    expect(screen.queryByText(/Chưa chấm điểm/)).toBeNull();
  });

  it("counts errors and warnings, and puts missing evidence first, on its own, with its items", async () => {
    const validation = validationOf(defects);
    const missing = validation.findings.filter((f) => f.kind === "missing-evidence");
    expect(missing.map((f) => f.cell)).toEqual(["F7", "F9"]);
    await validateWith(validation);
    const errors = validation.findings.filter((f) => f.severity === "error").length;
    expect(screen.getByText(`${errors} lỗi`)).toBeTruthy();
    expect(screen.getByText(`${validation.findings.length - errors} cảnh báo`)).toBeTruthy();
    // Each count is said once, inside its badge: no bare number beside "N cảnh báo".
    const counts = screen.getByTestId("finding-counts");
    expect([...counts.children].map((c) => c.textContent)).toEqual([`${errors} lỗi`, `${validation.findings.length - errors} cảnh báo`]);
    expect(within(counts).queryByText(/^\d+$/)).toBeNull();
    expect(screen.queryByRole("group", { name: "Không phát hiện lỗi" })).toBeNull();

    const card = screen.getByRole("group", { name: "Thiếu tài liệu kiểm chứng: 2" });
    expect(within(card).getAllByRole("button").map((b) => b.textContent)).toEqual(missing.map(label));
    // Before every other finding in the page.
    const panel = screen.getByRole("tabpanel");
    const firstOther = within(panel).getByRole("button", { name: label(validation.findings.find((f) => f.kind === "score-over-max")!) });
    expect(card.compareDocumentPosition(firstOther) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("groups the other findings by field, then kind, with counts", async () => {
    const validation = validationOf(defects);
    await validateWith(validation);
    const fieldOne = screen.getByRole("button", { name: /^1\. Chỉ đạo điều hành \(3\)$/ });
    const fieldTwo = screen.getByRole("button", { name: /^2\. Văn bản QPPL \(1\)$/ });
    expect(fieldOne.getAttribute("aria-expanded")).toBe("true");
    expect(fieldTwo.getAttribute("aria-expanded")).toBe("true");
    const kinds = [...document.querySelectorAll<HTMLElement>("[data-kind]")].map((el) => [el.dataset.kind, within(el).getAllByRole("button").length]);
    expect(kinds).toEqual([
      ["score-over-max", 1],
      ["sum-mismatch", 1],
      ["missing-explanation", 1],
      ["missing-explanation", 1],
    ]);
    const overMax = document.querySelector<HTMLElement>('[data-kind="score-over-max"]')!;
    expect(overMax.textContent).toContain(findingKindLabel("score-over-max", "vi"));
    expect(within(overMax).getByRole("button").textContent).toBe(label(validation.findings.find((f) => f.kind === "score-over-max")!));
    // Missing evidence is not listed twice.
    expect(document.querySelector('[data-kind="missing-evidence"]')).toBeNull();
  });

  it("clicking a finding selects its cell on its sheet", async () => {
    const validation = validationOf(defects);
    const actions = await validateWith(validation);
    const overMax = validation.findings.find((f) => f.kind === "score-over-max")!;
    await click(screen.getByRole("button", { name: label(overMax) }));
    expect(actions.selectCell).toHaveBeenCalledWith(UNIT_SHEET, "E6");
    await click(screen.getByRole("button", { name: label(validation.findings.find((f) => f.cell === "F9")!) }));
    expect(actions.selectCell).toHaveBeenLastCalledWith(UNIT_SHEET, "F9");
  });

  it("a failed validation shows the error in Vietnamese, then English, and keeps the hint", async () => {
    const actions = fakeActions({
      validateActiveSheet: () =>
        Promise.reject(
          new UserError(
            'Trang "Sheet1" không phải trang tự chấm điểm: không thấy dòng tiêu đề có cột "Mã" và "Điểm tự chấm" trong 30 dòng đầu. Mở trang tự chấm điểm rồi thử lại',
            'The sheet "Sheet1" is not a self-assessment sheet: no header row with "Mã" and "Điểm tự chấm" columns in its first 30 rows. Open the self-assessment sheet and try again',
          ),
        ),
    });
    renderPane({ actions });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    expect(errorBar()!.textContent).toContain('Trang "Sheet1" không phải trang tự chấm điểm');
    expect(within(screen.getByRole("tabpanel")).getByText(/Mở trang tự chấm điểm của đơn vị rồi bấm Kiểm tra/)).toBeTruthy();
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toContain('The sheet "Sheet1" is not a self-assessment sheet');
  });

  it("after a language switch the labels follow at once and the core's messages say to validate again", async () => {
    const validation = validationOf(defects);
    const actions = await validateWith(validation);
    expect(screen.queryByText(/validate again to read them/)).toBeNull();
    await switchLanguage("en");
    expect(screen.getByRole("group", { name: "Missing evidence: 2" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^1\. Chỉ đạo điều hành \(3\)$/ })).toBeTruthy();
    expect(document.querySelector('[data-kind="score-over-max"]')!.textContent).toContain(findingKindLabel("score-over-max", "en"));
    expect(screen.getByText(/validate again to read them in the language chosen/)).toBeTruthy();
    actions.validateActiveSheet.mockResolvedValueOnce(validationOf(defects, "en"));
    await click(button("Validate the open sheet"));
    expect(actions.validateActiveSheet).toHaveBeenLastCalledWith(smallCatalog, "en");
    expect(screen.queryByText(/validate again to read them/)).toBeNull();
  });

  it("while it runs every button is disabled, a spinner says so, and a second click does nothing", async () => {
    const pending = deferred<Validation>();
    const actions = fakeActions({ validateActiveSheet: () => pending.promise });
    renderPane({ actions });
    await openTab("Kiểm tra");
    const validate = button("Kiểm tra trang đang mở");
    await click(validate);
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Đang kiểm tra…")).toBeTruthy();
    expect([validate, button("Đánh dấu"), button("Xóa đánh dấu")].map(isOff)).toEqual([true, true, true]);
    await click(validate);
    expect(actions.validateActiveSheet).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve(validationOf(defects)));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("group", { name: "Thiếu tài liệu kiểm chứng: 2" })).toBeTruthy();
  });

  it("finding links are disabled while another action runs", async () => {
    const validation = validationOf(defects);
    const pending = deferred<FlagOutcome>();
    const actions = fakeActions({ validateActiveSheet: async () => validation, flagFindings: () => pending.promise });
    renderPane({ actions });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    await click(button("Đánh dấu"));
    const link = screen.getByRole("button", { name: label(validation.findings[0]) }) as HTMLButtonElement;
    expect(link.disabled).toBe(true);
    await click(link);
    expect(actions.selectCell).not.toHaveBeenCalled();
    await act(async () => pending.resolve({ sheet: UNIT_SHEET, cells: 5, mode: "note", findingsSheet: null }));
    expect(link.disabled).toBe(false);
  });
});

describe("flags", () => {
  it("flags the validation's findings and says how many cells and how (notes)", async () => {
    const validation = validationOf(defects);
    const actions = await validateWith(validation);
    actions.flagFindings.mockResolvedValueOnce({ sheet: UNIT_SHEET, cells: 5, mode: "note", findingsSheet: null });
    await click(button("Đánh dấu"));
    expect(actions.flagFindings).toHaveBeenCalledWith(validation, "vi");
    expect(screen.getByText('Đã đánh dấu 5 ô trên trang "Tự đánh giá", giải thích ghi trong ghi chú (note) của từng ô.')).toBeTruthy();
  });

  it("names the findings sheet when Excel could not add notes", async () => {
    const actions = await validateWith(validationOf(defects));
    actions.flagFindings.mockResolvedValueOnce({ sheet: UNIT_SHEET, cells: 5, mode: "sheet", findingsSheet: "Lỗi kiểm tra" });
    await click(button("Đánh dấu"));
    expect(screen.getByText('Đã đánh dấu 5 ô trên trang "Tự đánh giá"; Excel ở đây không ghi được ghi chú nên giải thích nằm trên trang "Lỗi kiểm tra".')).toBeTruthy();
  });

  it("lists what Excel could not do while flagging (cells that already had a user's comment)", async () => {
    const actions = await validateWith(validationOf(defects));
    const skipped = "2 ô đã có nhận xét của người dùng nên chỉ được tô màu: E12, F14.";
    actions.flagFindings.mockResolvedValueOnce({ sheet: UNIT_SHEET, cells: 5, mode: "comment", findingsSheet: null, skipped: [skipped] });
    await click(button("Đánh dấu"));
    expect(screen.getByText("Excel ở đây chưa làm được:")).toBeTruthy();
    expect(screen.getByText(skipped)).toBeTruthy();
  });

  it("says comments in English when they were used", async () => {
    const actions = await validateWith(validationOf(defects, "en"), "en");
    actions.flagFindings.mockResolvedValueOnce({ sheet: UNIT_SHEET, cells: 4, mode: "comment", findingsSheet: null });
    await click(button("Flag"));
    expect(actions.flagFindings.mock.calls[0][1]).toBe("en");
    expect(screen.getByText('Flagged 4 cells on the sheet "Tự đánh giá"; each cell\'s comment explains the problem.')).toBeTruthy();
  });

  it("removing the flags targets the validated sheet (the active one before any validation)", async () => {
    const actions = fakeActions({ unflag: async (sheet: string | null) => ({ sheet: sheet ?? "Trang đang mở", cells: 3 }) });
    renderPane({ actions });
    await openTab("Kiểm tra");
    await click(button("Xóa đánh dấu"));
    expect(actions.unflag).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Đã khôi phục định dạng và ghi chú của 3 ô trên trang "Trang đang mở".')).toBeTruthy();
    actions.validateActiveSheet.mockResolvedValueOnce(validationOf(defects));
    await click(button("Kiểm tra trang đang mở"));
    await click(button("Xóa đánh dấu"));
    expect(actions.unflag).toHaveBeenLastCalledWith(UNIT_SHEET);
  });

  it("a failed flagging is an error with its text", async () => {
    const actions = await validateWith(validationOf(defects));
    actions.flagFindings.mockRejectedValueOnce(new UserError("Trang đang được bảo vệ: bỏ bảo vệ trang rồi đánh dấu lại", "The sheet is protected: unprotect it and flag again"));
    await click(button("Đánh dấu"));
    expect(errorBar()!.textContent).toContain("Trang đang được bảo vệ: bỏ bảo vệ trang rồi đánh dấu lại");
  });
});
