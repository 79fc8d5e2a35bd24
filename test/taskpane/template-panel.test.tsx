/**
 * @jest-environment jsdom
 *
 * Tab "Mẫu": a new self-assessment sheet from the catalogue in use.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { builtinCatalog, builtinCatalogs } from "../../src/scoring";
import { CreatedSheet } from "../../src/taskpane/actions";
import { UserError } from "../../src/taskpane/errors";
import { button, click, deferred, errorBar, fakeActions, openTab, renderPane, switchLanguage, isOff } from "./pane-helpers";

// Rendering Fluent trees in jsdom takes seconds when the machine is busy.
jest.setTimeout(20_000);

beforeEach(() => resetActiveCatalog());

const unitInput = () => screen.getByRole("textbox", { name: /Tên đơn vị|Unit name/ }) as HTMLInputElement;

describe("creating the self-assessment sheet", () => {
  it("passes the catalogue, the unit name and the language, then names the new sheet and says it never overwrites", async () => {
    const actions = fakeActions({ createTemplate: async () => ({ sheet: "Tự đánh giá (2)", skipped: [] }) });
    renderPane({ actions, initial: builtinCatalog("dien-bien-2018"), catalogs: builtinCatalogs() });
    await openTab("Mẫu");
    expect(screen.getByText('Tạo một trang mới để đơn vị tự chấm điểm theo bộ tiêu chí "Chỉ số CCHC cấp tỉnh Điện Biên 2018 (Kế hoạch 352/KH-UBND)".')).toBeTruthy();
    fireEvent.change(unitInput(), { target: { value: "  Sở Tư pháp  " } });
    await click(button("Tạo trang tự chấm điểm"));
    expect(actions.createTemplate).toHaveBeenCalledWith(builtinCatalog("dien-bien-2018"), { unit: "Sở Tư pháp", lang: "vi" });
    const done = screen.getByRole("group", { name: 'Đã tạo trang "Tự đánh giá (2)".' });
    expect(done.textContent).toContain("PAR Scorer luôn tạo trang mới, không bao giờ ghi đè trang đã có.");
    // A catalogue with points everywhere needs no note.
    expect(screen.queryByText(/chưa có điểm/)).toBeNull();
  });

  it("a blank unit name is passed as blank (left for the user to fill)", async () => {
    const actions = fakeActions();
    renderPane({ actions });
    await openTab("Mẫu");
    await click(button("Tạo trang tự chấm điểm"));
    expect(actions.createTemplate.mock.calls[0][1]).toEqual({ unit: "", lang: "vi" });
  });

  it("a names-only catalogue asks for the maximum points", async () => {
    renderPane({ initial: builtinCatalog("dien-bien-so"), catalogs: builtinCatalogs() });
    await openTab("Mẫu");
    expect(screen.getByText('Bộ tiêu chí này chỉ có tên tiêu chí, chưa có điểm: nhập điểm tối đa vào cột "Điểm tối đa" của trang mới.')).toBeTruthy();
  });

  it("lists what Excel could not do on the new sheet", async () => {
    const actions = fakeActions({
      createTemplate: async () => ({ sheet: "Tự đánh giá", skipped: ["Không thêm được kiểm tra dữ liệu cho ô điểm (cần ExcelApi 1.8)"] }),
    });
    renderPane({ actions });
    await openTab("Mẫu");
    await click(button("Tạo trang tự chấm điểm"));
    expect(screen.getByRole("group", { name: "Excel ở đây chưa làm được:" }).textContent).toContain("Không thêm được kiểm tra dữ liệu cho ô điểm (cần ExcelApi 1.8)");
  });

  it("a failure shows its Vietnamese text, then the English one after switching", async () => {
    const actions = fakeActions({
      createTemplate: () =>
        Promise.reject(new UserError("Sổ tính đang được bảo vệ: bỏ bảo vệ sổ tính (Xem lại → Bảo vệ sổ làm việc) rồi thử lại", "The workbook is protected: unprotect it (Review → Protect Workbook) and try again")),
    });
    renderPane({ actions });
    await openTab("Mẫu");
    await click(button("Tạo trang tự chấm điểm"));
    expect(errorBar()!.textContent).toContain("Sổ tính đang được bảo vệ: bỏ bảo vệ sổ tính (Xem lại → Bảo vệ sổ làm việc) rồi thử lại");
    expect(screen.queryByText(/Đã tạo trang/)).toBeNull();
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toContain("The workbook is protected: unprotect it (Review → Protect Workbook) and try again");
    await click(button("Create the self-assessment sheet"));
    expect(actions.createTemplate).toHaveBeenLastCalledWith(expect.anything(), { unit: "", lang: "en" });
  });

  it("while it runs the button is disabled, a spinner shows, and a second click does not start it again", async () => {
    const pending = deferred<CreatedSheet>();
    const actions = fakeActions({ createTemplate: () => pending.promise });
    renderPane({ actions });
    await openTab("Mẫu");
    const create = button("Tạo trang tự chấm điểm");
    await click(create);
    expect(isOff(create)).toBe(true);
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText("Đang tạo trang tự chấm điểm…")).toBeTruthy();
    await click(create);
    expect(actions.createTemplate).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve({ sheet: "Tự đánh giá", skipped: [] }));
    expect(isOff(create)).toBe(false);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("group", { name: 'Đã tạo trang "Tự đánh giá".' })).toBeTruthy();
  });

  it("outside Excel the button is disabled with the reason", async () => {
    renderPane({ actions: null });
    await openTab("Mẫu");
    expect(isOff(button("Tạo trang tự chấm điểm"))).toBe(true);
    expect(within(screen.getByRole("tabpanel")).getByText("Chỉ dùng được khi PAR Scorer chạy trong Excel (xem hướng dẫn ở trên).")).toBeTruthy();
  });
});
