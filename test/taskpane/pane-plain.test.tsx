/**
 * @jest-environment jsdom
 *
 * The pane as users meet it (issue 18): plain words, the first-run guide, results announced where the user is,
 * the findings' search and "errors only" filter, Unflag off with a visible reason, templates named after the unit.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { CellValue } from "../../src/scoring";
import { GUIDE_SEEN_KEY } from "../../src/taskpane/App";
import { templateName } from "../../src/taskpane/excel/actions";
import { themeOf } from "../../src/taskpane/excel/office";
import { countText, strings } from "../../src/taskpane/i18n";
import { plainCatalogIssue } from "../../src/taskpane/plain-errors";
import { UserError } from "../../src/taskpane/errors";
import { filterFindings } from "../../src/taskpane/components/ValidatePanel";
import { button, click, fakeActions, isOff, openTab, renderPane, setCell, validationOf } from "./pane-helpers";

jest.setTimeout(20_000);

beforeEach(() => {
  resetActiveCatalog();
  localStorage.clear();
});

function defects(rows: CellValue[][]) {
  setCell(rows, "F7", null);
  setCell(rows, "F9", null);
  setCell(rows, "E6", 1);
}

describe("plain words", () => {
  it("no Vietnamese string names JSON, docs, PAR.*, ExcelApi, the shared runtime or office.js", () => {
    const vi = strings("vi");
    for (const [key, text] of Object.entries(vi)) {
      expect([key, /JSON|\bdocs\b|PAR\.\*|PAR\.[A-Z]|ExcelApi|shared runtime|office\.js/.test(text)]).toEqual([key, false]);
    }
  });

  it("English says 1 error, 2 errors; Vietnamese 1 lỗi", () => {
    expect(countText(strings("en"), "errors", 1)).toBe("1 error");
    expect(countText(strings("en"), "errors", 2)).toBe("2 errors");
    expect(countText(strings("en"), "warnings", 1)).toBe("1 warning");
    expect(countText(strings("vi"), "errors", 1)).toBe("1 lỗi");
  });

  it("schema messages become sentences: missing fields, wrong options, unknown fields, limits", () => {
    const at = { source: "a.json", code: "1.2", field: "max" };
    expect(plainCatalogIssue({ ...at, message: "Invalid input: expected number, received undefined" }, "vi")).toBe(
      'tiêu chí 1.2, trường "max" (điểm tối đa): còn thiếu; cần một số. Ví dụ: 0.5.',
    );
    expect(plainCatalogIssue({ ...at, field: "kind", message: 'Invalid option: expected one of "bonus"|"penalty"' }, "vi")).toBe(
      'tiêu chí 1.2, trường "kind" (loại mục): phải là một trong các giá trị "bonus" hoặc "penalty".',
    );
    expect(plainCatalogIssue({ ...at, field: null, message: 'Unrecognized key: "diem"' }, "vi")).toBe('tiêu chí 1.2: có trường lạ "diem"; xóa đi hoặc sửa lại chính tả.');
    expect(plainCatalogIssue({ ...at, message: "Too small: expected number to be >=0" }, "vi")).toBe('tiêu chí 1.2, trường "max" (điểm tối đa): phải không nhỏ hơn 0. Ví dụ: 0.5.');
    expect(plainCatalogIssue({ ...at, message: "Too small: expected number to be >=0" }, "en")).toBe('criterion 1.2, field "max" (maximum points): must be at least 0. Example: 0.5.');
  });
});

describe("first run", () => {
  it("opens on the three-step guide and the Template tab, not the tree; hiding it is remembered", async () => {
    renderPane({ firstRun: undefined });
    const guide = screen.getByTestId("guide");
    expect(within(guide).getAllByRole("listitem").map((li) => li.textContent)).toEqual([strings("vi").guideStep1, strings("vi").guideStep2, strings("vi").guideStep3]);
    expect(screen.getByRole("tab", { name: "Mẫu" }).getAttribute("aria-selected")).toBe("true");
    await click(button("Đã hiểu, ẩn hướng dẫn"));
    expect(screen.queryByTestId("guide")).toBeNull();
    expect(localStorage.getItem(GUIDE_SEEN_KEY)).toBe("1");
  });

  it("once the guide was hidden, opens on the criteria", () => {
    localStorage.setItem(GUIDE_SEEN_KEY, "1");
    renderPane({ firstRun: undefined });
    expect(screen.queryByTestId("guide")).toBeNull();
    expect(screen.getByRole("tab", { name: "Tiêu chí" }).getAttribute("aria-selected")).toBe("true");
  });

  it("Office's dark themes give the dark theme", () => {
    expect(themeOf("#FFFFFF")).toBe("light");
    expect(themeOf("#F3F2F1")).toBe("light");
    expect(themeOf("#262626")).toBe("dark");
    expect(themeOf("#000000")).toBe("dark");
    expect(themeOf(undefined)).toBe("light");
  });
});

describe("results where the user is", () => {
  it("validation results reach a live region", async () => {
    const validation = validationOf(defects);
    renderPane({ actions: fakeActions({ validateActiveSheet: async () => validation }) });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    const live = screen.getByTestId("validate-live");
    expect(live.getAttribute("aria-live")).toBe("polite");
    const errors = validation.findings.filter((f) => f.severity === "error").length;
    expect(live.textContent).toContain(`Đã kiểm tra trang "Tự đánh giá": ${errors} lỗi, ${validation.findings.length - errors} cảnh báo.`);
  });

  it("an error shows in the tab whose action failed, and a new action clears it", async () => {
    const actions = fakeActions({ validateActiveSheet: () => Promise.reject(new UserError("Không đọc được trang", "Cannot read")) });
    renderPane({ actions });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    const status = screen.getByTestId("pane-status");
    expect(status.getAttribute("role")).toBe("status");
    expect(status.textContent).toContain("Không đọc được trang");
    await openTab("Tổng hợp");
    expect(screen.getByTestId("pane-status").textContent).not.toContain("Không đọc được trang");
    await click(button("Tạo trang tổng hợp"));
    await openTab("Kiểm tra");
    expect(screen.getByTestId("pane-status").textContent).not.toContain("Không đọc được trang");
  });

  it("a flag notice is cleared when a new validation starts", async () => {
    const validation = validationOf(defects);
    const actions = fakeActions({
      validateActiveSheet: async () => validation,
      flagFindings: async () => ({ sheet: "Tự đánh giá", cells: 3, mode: "note", findingsSheet: null }),
    });
    renderPane({ actions });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    await click(button("Đánh dấu"));
    expect(screen.getByText(/Đã đánh dấu 3 ô/)).toBeTruthy();
    await click(button("Kiểm tra trang đang mở"));
    expect(screen.queryByText(/Đã đánh dấu 3 ô/)).toBeNull();
  });
});

describe("findings: search and errors only", () => {
  it("filters by words without diacritics, by cell, and to errors only", async () => {
    const validation = validationOf(defects);
    const all = validation.findings;
    const errors = all.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(all.length);
    expect(filterFindings(all, "", true)).toEqual(errors);
    expect(filterFindings(all, "f7", false).every((f) => f.cell === "F7" || f.message.includes("F7"))).toBe(true);
    renderPane({ actions: fakeActions({ validateActiveSheet: async () => validation }) });
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    await act(async () => {
      fireEvent.click(screen.getByRole("checkbox", { name: "Chỉ hiện lỗi" }));
    });
    expect(screen.getByText(`Đang hiện ${errors.length}/${all.length} dòng.`)).toBeTruthy();
    const warning = all.find((f) => f.severity === "warning")!;
    expect(document.querySelector(`li[data-severity="warning"]`)).toBeNull();
    expect(warning).toBeDefined();
  });
});

describe("Unflag", () => {
  it("is off with a visible reason when nothing is flagged, and on once a flagging is done", async () => {
    const validation = validationOf(defects);
    const actions = fakeActions({
      validateActiveSheet: async () => validation,
      flaggedSheets: async () => [],
      flagFindings: async () => ({ sheet: "Tự đánh giá", cells: 3, mode: "note", findingsSheet: null }),
    });
    renderPane({ actions });
    await openTab("Kiểm tra");
    expect(isOff(button("Xóa đánh dấu"))).toBe(true);
    const reason = screen.getByText("Xóa đánh dấu: chưa có ô nào được đánh dấu trong sổ tính.");
    expect(button("Xóa đánh dấu").getAttribute("aria-describedby")).toBe(reason.id);
    await click(button("Kiểm tra trang đang mở"));
    await click(button("Đánh dấu"));
    expect(isOff(button("Xóa đánh dấu"))).toBe(false);
    expect(screen.queryByText(/chưa có ô nào được đánh dấu/)).toBeNull();
  });

  it("is on when the workbook records flags from an earlier session", async () => {
    renderPane({ actions: fakeActions({ flaggedSheets: async () => ["Tự đánh giá"] }) });
    await openTab("Kiểm tra");
    expect(isOff(button("Xóa đánh dấu"))).toBe(false);
  });
});

describe("templates", () => {
  it("a new template sheet is named after the unit typed", () => {
    expect(templateName("UBND xã Tân Thành", "vi")).toBe("Tự đánh giá – UBND xã Tân Thành");
    expect(templateName("  Sở   Tư pháp ", "en")).toBe("Self-assessment – Sở Tư pháp");
    expect(templateName("   ", "vi")).toBeUndefined();
  });
});
