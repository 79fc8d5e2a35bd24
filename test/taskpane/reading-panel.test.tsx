/**
 * @jest-environment jsdom
 *
 * Tab "Kiểm tra" under the findings: the catalogue the sheet names (said, with a button that puts it in use) and the
 * collapsed "Cách đọc bảng" section listing how every sheet and row was read.
 */
import { screen } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { builtinCatalog } from "../../src/scoring";
import { Validation } from "../../src/taskpane/actions";
import { button, click, fakeActions, openTab, renderPane, validationOf } from "./pane-helpers";

jest.setTimeout(90_000);

beforeEach(() => resetActiveCatalog());

function withReading(): Validation {
  const v = validationOf();
  const named = builtinCatalog("dien-bien-so");
  return {
    ...v,
    switchTo: named,
    switchNote: `Trang "Tự đánh giá" ghi bộ tiêu chí "dien-bien-so", khác bộ đang dùng`,
    reading: {
      sheets: [
        { sheet: "Tự đánh giá", state: "visible", readAs: "unit" },
        { sheet: "Bản cũ", state: "hidden", readAs: "hidden", note: { key: "ledger.sheet.hiddenUnit" } },
      ],
      units: [{ sheet: "Tự đánh giá", unit: "Sở Thử nghiệm", rows: [{ row: 4, readAs: "criterion", code: "1.1", codeSource: "code-column", text: "Kế hoạch" }] }],
    },
  };
}

test("the catalogue the sheet names is said and offered; the ledger is in a collapsed section", async () => {
  const actions = fakeActions({ validateActiveSheet: async () => withReading() });
  renderPane({ actions });
  await openTab("Kiểm tra");
  await click(button("Kiểm tra trang đang mở"));
  expect(screen.getByText(/ghi bộ tiêu chí "dien-bien-so"/)).toBeTruthy();
  const section = button("Cách đọc bảng");
  expect(section.getAttribute("aria-expanded")).toBe("false");
  await click(section);
  expect(screen.getByText(/Bản cũ · trang ẩn: không đọc · ẩn; có bảng tự đánh giá/)).toBeTruthy();
  expect(screen.getByText(/Tự đánh giá · 5 · tiêu chí · 1.1 · Kế hoạch/)).toBeTruthy();
  await click(button(/Dùng bộ/));
  // Switching rewrites formulas and recalculates: the pane asks first (issue 18), on the catalogue tab it shows.
  expect(screen.getByText(/Đổi sang bộ tiêu chí/)).toBeTruthy();
  await click(await screen.findByRole("button", { name: "Đổi bộ tiêu chí" }));
  expect(actions.setActiveCatalog).toHaveBeenCalledWith(expect.objectContaining({ id: "dien-bien-so" }));
});
