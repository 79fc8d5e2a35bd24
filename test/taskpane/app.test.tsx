/**
 * @jest-environment jsdom
 *
 * The task pane page with its real components, no Office: data come in as props, the workbook through a fake
 * PaneActions.
 */
import { act, fireEvent, render, renderHook, screen, within } from "@testing-library/react";
import { resetActiveCatalog, SettingsStorage } from "../../src/functions/active-catalog";
import { builtinCatalog, builtinCatalogs, getNode, ParError, parseCatalog } from "../../src/scoring";
import { App, AppProps } from "../../src/taskpane/App";
import { maxLabel } from "../../src/taskpane/components/CriteriaTree";
import { useRunner } from "../../src/taskpane/components/runner";
import { UserError } from "../../src/taskpane/errors";
import { fill, strings, uiLang } from "../../src/taskpane/i18n";
import { prepareStartup } from "../../src/taskpane/startup";
import { button, click, deferred, errorBar, fakeActions, openTab, paneDefaults, smallCatalog, switchLanguage } from "./pane-helpers";

const [dienBien2018, dienBienSo] = [builtinCatalog("dien-bien-2018"), builtinCatalog("dien-bien-so")];

function renderApp(props: Partial<AppProps> = {}) {
  return render(<App catalogs={builtinCatalogs()} initial={dienBien2018} lang="vi" actions={fakeActions()} {...paneDefaults} {...props} />);
}

/** A second small catalogue, so switching stays quick (the built-ins render trees of 70 criteria). */
const tinyCatalog = parseCatalog({ id: "nho", name: "Bộ nhỏ", nodes: [{ code: "1", name: "Thể chế", children: [{ code: "1.1", name: "Văn bản", max: 1 }] }] }, "nho.json");

/** The pane on the two small catalogues. */
function renderSmall(props: Partial<AppProps> = {}) {
  return render(<App catalogs={[smallCatalog, tinyCatalog]} initial={smallCatalog} lang="vi" actions={fakeActions()} {...paneDefaults} {...props} />);
}

/** The tree item of a code (its data-code attribute). */
const item = (code: string) => document.querySelector(`[data-code="${code}"]`);

async function pickCatalog(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox"));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }));
  });
}

/** Answers yes to "switch catalogue?" (asked in Excel before the workbook is recalculated and rewritten). */
async function confirmSwitch(lang: "vi" | "en" = "vi") {
  await click(screen.getByRole("button", { name: lang === "en" ? "Switch catalogue" : "Đổi bộ tiêu chí" }));
}

/** Types in the criteria tree's search box (the tree opens the way to what matches). */
async function findCriterion(text: string) {
  await act(async () => {
    fireEvent.change(screen.getByRole("searchbox", { name: /Tìm tiêu chí|Find a criterion/ }), { target: { value: text } });
  });
}

/** Disabled, or disabled but focusable (aria-disabled: a busy button keeps the focus). */
const isOff = (b: HTMLElement) => (b as HTMLButtonElement).disabled || b.getAttribute("aria-disabled") === "true";

/** The tabs with these accessible names, in this order. */
const tabsNamed = (names: string[]) => names.map((name) => screen.getByRole("tab", { name }));

/** Every action button of every tab (hidden panels included). */
function actionButtons(): HTMLButtonElement[] {
  const s = strings("vi");
  const names = [s.useWorkbookCatalog, s.insertCatalogSheet, s.createTemplate, s.validate, s.flag, s.unflag, s.summarise];
  return names.map((name) => screen.getByRole("button", { name, hidden: true }) as HTMLButtonElement);
}

// Rendering Fluent trees in jsdom takes seconds when the machine is busy.
jest.setTimeout(20_000);

beforeEach(() => resetActiveCatalog());

describe("task pane", () => {
  it("shows a one-line header with the catalogue in use, four tabs, and the criteria tree closed by field, with a search", async () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("PAR Scorer — Chấm điểm Chỉ số CCHC");
    expect(screen.getByTitle(`Bộ tiêu chí đang dùng: ${dienBien2018.name}`).textContent).toBe(`Bộ tiêu chí: ${dienBien2018.name}`);
    expect(tabsNamed(["Tiêu chí", "Mẫu", "Kiểm tra", "Tổng hợp"])).toEqual(screen.getAllByRole("tab"));
    expect(screen.getByRole("tab", { name: "Tiêu chí" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tree")).toBeTruthy();
    // Closed: one line per field, no criterion shown.
    expect(item("1")).not.toBeNull();
    expect(item("1.3")).toBeNull();
    expect(item("1.3.1")).toBeNull();
    await findCriterion("1.3.1");
    const leaf = item("1.3.1")!;
    expect(leaf).not.toBeNull();
    expect(leaf.textContent).toContain(getNode(dienBien2018, "1.3.1").name);
    expect(item("2")).toBeNull();
    // No rule notation in the interface.
    expect(document.body.textContent).not.toContain(">30%: 1; *: 0");
    expect(screen.getByRole("combobox").textContent).toContain(dienBien2018.name);
  });

  it("the tree's search ignores diacritics and shows a criterion's evidence, deadline and agencies in its details", async () => {
    renderApp();
    const node = getNode(dienBien2018, "1.1.1");
    await findCriterion(node.name.slice(0, 12).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d"));
    expect(item("1.1.1")).not.toBeNull();
    await act(async () => {
      fireEvent.click(item("1.1.1")!.querySelector(".fui-TreeItemLayout")!);
    });
    const details = screen.getByRole("treeitem", { name: "Chi tiết 1.1.1" });
    if (node.evidence.length > 0) expect(details.textContent).toContain(node.evidence[0].name);
    if (node.lead) expect(details.textContent).toContain(node.lead);
    expect(details.textContent).toMatch(/Tài liệu kiểm chứng|Cơ quan chủ trì|Thời hạn/);
    await findCriterion("không có tiêu chí này");
    expect(screen.getByText("Không có tiêu chí nào khớp.")).toBeTruthy();
  });

  it("formats maxima as figures (0,50), a parent's as its children's sum, '—' where unknown", async () => {
    renderApp();
    await findCriterion("1.1.1");
    expect(within(item("1.1.1") as HTMLElement).getAllByText("0,50").length).toBeGreaterThan(0);
    expect(maxLabel(getNode(dienBien2018, "1.1"), "—")).toBe("1,50");
    expect(maxLabel(getNode(dienBien2018, "1.1"), "—", "en")).toBe("1.50");
    expect(maxLabel(getNode(dienBienSo, "1.1.1"), "—")).toBe("—");
  });

  it("shows one tab's panel at a time", async () => {
    renderApp();
    expect(screen.queryByRole("button", { name: "Kiểm tra trang đang mở" })).toBeNull();
    await openTab("Kiểm tra");
    expect(screen.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).toBe("true");
    expect(button("Kiểm tra trang đang mở")).toBeTruthy();
    expect(screen.queryByRole("tree")).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: "Kiểm tra trang tự chấm điểm" })).toBeTruthy();
  });

  it("picking a catalogue asks first, then puts it in use through the workbook and shows its criteria", async () => {
    const actions = fakeActions();
    renderApp({ actions });
    expect(item("8")).toBeNull(); // dien-bien-2018 has fields 1–7
    await pickCatalog(dienBienSo.name);
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
    expect(screen.getByTestId("confirm-switch").textContent).toContain(`Đổi sang bộ tiêu chí "${dienBienSo.name}"?`);
    await click(button("Hủy"));
    expect(screen.queryByTestId("confirm-switch")).toBeNull();
    expect(actions.setActiveCatalog).not.toHaveBeenCalled();
    expect(screen.getByTitle(`Bộ tiêu chí đang dùng: ${dienBien2018.name}`)).toBeTruthy();
    await pickCatalog(dienBienSo.name);
    await confirmSwitch();
    expect(actions.setActiveCatalog).toHaveBeenCalledTimes(1);
    expect(actions.setActiveCatalog.mock.calls[0][0]).toBe(dienBienSo);
    await findCriterion("8.1");
    expect(item("8.1")!.textContent).toContain(getNode(dienBienSo, "8.1").name);
    await findCriterion("1.1.1");
    expect(item("1.1.1")!.textContent).toContain("—");
    expect(screen.getByTitle(`Bộ tiêu chí đang dùng: ${dienBienSo.name}`)).toBeTruthy();
  });

  it("outside Excel explains how to load the add-in, disables the workbook buttons, and still browses catalogues", async () => {
    renderApp({ actions: null });
    expect(screen.getByRole("group", { name: "Đang mở ngoài Excel" }).textContent).toMatch(/manifest\.xml/);
    for (const b of actionButtons()) expect(isOff(b)).toBe(true);
    expect(isOff(button("Tải bộ tiêu chí từ tệp"))).toBe(false);
    expect(screen.getAllByText(/Chỉ dùng được khi PAR Scorer chạy trong Excel/, { selector: "span" }).length).toBeGreaterThan(0);
    await pickCatalog(dienBienSo.name);
    // Outside Excel nothing is rewritten: no question.
    expect(screen.queryByTestId("confirm-switch")).toBeNull();
    expect(item("8")).not.toBeNull();
  });

  it("in an Excel older than ExcelApi 1.7 says to update instead of how to load, and disables the workbook buttons", () => {
    renderApp({ actions: null, oldExcel: true });
    expect(screen.queryByText("Đang mở ngoài Excel")).toBeNull();
    const said = screen.getByRole("group", { name: "Phiên bản Excel này chưa đủ cho ngăn PAR Scorer" }).textContent;
    expect(said).toMatch(/Excel 2021 \(phiên bản 2311 trở lên\)/);
    expect(said).not.toMatch(/ExcelApi|shared runtime/);
    for (const b of actionButtons()) expect(isOff(b)).toBe(true);
  });

  it("in Excel there is no sideload hint and the workbook buttons work", () => {
    renderApp();
    expect(screen.queryByText("Đang mở ngoài Excel")).toBeNull();
    expect(isOff(button("Chèn bộ tiêu chí thành trang tính"))).toBe(false);
  });

  it("speaks English when Office's display language is English, marking Vietnamese names lang=vi", async () => {
    expect(uiLang("en-US")).toBe("en");
    expect(uiLang("vi-VN")).toBe("vi");
    expect(uiLang(null)).toBe("vi");
    renderApp({ lang: "en", actions: null });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("PAR Scorer — PAR Index scoring");
    expect(screen.getByText("Opened outside Excel")).toBeTruthy();
    await findCriterion("1.3.1");
    expect(item("1.3.1")!.querySelector('[lang="vi"]')!.textContent).toBe(getNode(dienBien2018, "1.3.1").name);
    expect(screen.getByTitle(`Catalogue in use: ${dienBien2018.name}`).querySelector('[lang="vi"]')!.textContent).toBe(dienBien2018.name);
    expect(document.documentElement.lang).toBe("en");
  });

  it("the language switch changes every string at once and the language passed to the actions", async () => {
    const actions = fakeActions();
    renderSmall({ actions });
    // Accessible names hold the visible text (VI, EN).
    expect(screen.getByRole("button", { name: "VI – Tiếng Việt" }).getAttribute("aria-pressed")).toBe("true");
    await switchLanguage("en");
    expect(screen.getByRole("button", { name: "EN – English" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("PAR Scorer — PAR Index scoring");
    expect(tabsNamed(["Criteria", "Template", "Validate", "Summary"])).toEqual(screen.getAllByRole("tab"));
    expect(screen.getByTitle("Catalogue in use: Bộ thử")).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    await click(button("Insert the catalogue as a sheet"));
    expect(actions.insertCatalogSheet).toHaveBeenCalledWith(smallCatalog, "en");
    await openTab("Validate");
    await click(button("Validate the open sheet"));
    expect(actions.validateActiveSheet).toHaveBeenCalledWith(smallCatalog, "en");
    await switchLanguage("vi");
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toBeTruthy();
    await click(button("Kiểm tra trang đang mở"));
    expect(actions.validateActiveSheet).toHaveBeenLastCalledWith(smallCatalog, "vi");
  });

  it("shows a failure as an error in the pane's language, and dismisses it", async () => {
    const actions = fakeActions({
      setActiveCatalog: () => Promise.reject(new UserError("Sổ tính đang ở chế độ chỉ đọc: lưu bản sao rồi thử lại", "The workbook is read-only: save a copy and try again")),
    });
    renderSmall({ actions });
    await pickCatalog(tinyCatalog.name);
    await confirmSwitch();
    expect(errorBar()!.textContent).toContain("Sổ tính đang ở chế độ chỉ đọc: lưu bản sao rồi thử lại");
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toContain("The workbook is read-only: save a copy and try again");
    await click(button("Dismiss"));
    expect(errorBar("en")).toBeNull();
  });

  it("after a switch says it was saved, the workbook recalculated and the templates' PAR.* formulas written again", async () => {
    const actions = fakeActions({ setActiveCatalog: async () => ({ formulas: 42, recalculated: true }) });
    renderSmall({ actions });
    await pickCatalog(tinyCatalog.name);
    await confirmSwitch();
    const said = screen.getByTestId("catalog-switched").textContent!;
    expect(said).toContain(`Đang dùng bộ tiêu chí "${tinyCatalog.name}", đã lưu trong sổ tính.`);
    expect(said).toContain("Sổ tính đã được tính lại.");
    expect(said).toContain("42 công thức chấm điểm");
    expect(said).not.toContain("PAR.");
    await switchLanguage("en");
    expect(screen.getByTestId("catalog-switched").textContent).toContain("42 scoring formulas on the self-assessment sheets");
  });

  it("a switch whose recalculation failed says to press Ctrl+Alt+F9", async () => {
    const actions = fakeActions({ setActiveCatalog: async () => ({ formulas: 0, recalculated: false }) });
    renderSmall({ actions });
    await pickCatalog(tinyCatalog.name);
    await confirmSwitch();
    expect(screen.getByTestId("catalog-switched").textContent).toContain("Ctrl+Alt+F9");
  });

  it("after a failed save offers to put the catalogue in use again", async () => {
    const actions = fakeActions({ setActiveCatalog: () => Promise.reject(new UserError("Sổ tính chỉ đọc", "Read-only workbook")) });
    renderSmall({ actions });
    expect(screen.queryByRole("button", { name: "Đặt làm bộ tiêu chí đang dùng" })).toBeNull();
    await pickCatalog(tinyCatalog.name);
    await confirmSwitch();
    expect(errorBar()!.textContent).toContain("Sổ tính chỉ đọc");
    actions.setActiveCatalog.mockResolvedValueOnce({ formulas: 0, recalculated: true });
    await click(button("Đặt làm bộ tiêu chí đang dùng"));
    expect(actions.setActiveCatalog).toHaveBeenCalledTimes(2);
    expect(actions.setActiveCatalog.mock.calls[1][0]).toBe(tinyCatalog);
    expect(errorBar()).toBeNull();
    expect(screen.queryByRole("button", { name: "Đặt làm bộ tiêu chí đang dùng" })).toBeNull();
  });

  it("one busy state for the whole pane: while an action runs every action button is disabled and a spinner says what runs", async () => {
    const pending = deferred<{ sheet: string; skipped: string[] }>();
    const actions = fakeActions({ insertCatalogSheet: () => pending.promise });
    renderSmall({ actions });
    await click(button("Chèn bộ tiêu chí thành trang tính"));
    expect(screen.getByText("Đang chèn trang bộ tiêu chí…")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    for (const b of actionButtons()) expect(isOff(b)).toBe(true);
    expect(isOff(button("Tải bộ tiêu chí từ tệp"))).toBe(true);
    // Disabled but focusable: the focus stays on the button pressed.
    expect(button("Chèn bộ tiêu chí thành trang tính").disabled).toBe(false);
    await openTab("Kiểm tra");
    await click(button("Kiểm tra trang đang mở"));
    expect(actions.validateActiveSheet).not.toHaveBeenCalled();
    await act(async () => pending.resolve({ sheet: "Bộ tiêu chí (2)", skipped: [] }));
    expect(screen.queryByRole("progressbar")).toBeNull();
    for (const b of actionButtons().filter((b) => b.textContent !== "Đánh dấu")) expect(isOff(b)).toBe(false);
  });

  it("a startup notice (an unreadable stored catalogue) follows the language switch", async () => {
    renderApp({ notice: new ParError("catalog.badStored", { setting: "par.activeCatalog" }) });
    expect(screen.getByText(/Bộ tiêu chí lưu trong sổ tính \(par.activeCatalog\) không đọc được/)).toBeTruthy();
    await switchLanguage("en");
    expect(screen.getByText(/The catalogue saved in the workbook \(par.activeCatalog\) cannot be read/)).toBeTruthy();
  });
});

describe("strings", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("the Vietnamese and English tables have the same keys, none empty, with the same placeholders", () => {
    const [vi, en] = [strings("vi"), strings("en")];
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect([key, vi[key].trim().length > 0, en[key].trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(vi[key])]);
    }
  });

  it("fill replaces known placeholders and leaves unknown ones visible", () => {
    expect(fill('Đã tạo trang "{sheet}" ({n})', { sheet: "Tự đánh giá (2)", n: 3 })).toBe('Đã tạo trang "Tự đánh giá (2)" (3)');
    expect(fill("{missing} ô", {})).toBe("{missing} ô");
  });
});

describe("the pane's runner", () => {
  it("runs one action at a time: a second start while one runs is refused without calling it", async () => {
    const { result } = renderHook(() => useRunner());
    let finish!: () => void;
    const first = jest.fn(() => new Promise<string>((resolve) => (finish = () => resolve("xong"))));
    const second = jest.fn(async () => "lần hai");
    let firstRun!: Promise<{ value: string } | null>;
    let secondRun!: Promise<{ value: string } | null>;
    act(() => {
      firstRun = result.current.run("busyValidating", first);
      secondRun = result.current.run("busyFlagging", second);
    });
    expect(await secondRun).toBeNull();
    expect(second).not.toHaveBeenCalled();
    expect(result.current.busy).toBe("busyValidating");
    await act(async () => finish());
    expect(await firstRun).toEqual({ value: "xong" });
    expect(result.current.busy).toBeNull();
  });

  it("keeps a failure as the error until dismissed or the next action", async () => {
    const { result } = renderHook(() => useRunner());
    const failure = new UserError("Lỗi thử", "Test failure");
    await act(async () => {
      expect(await result.current.run("busyValidating", () => Promise.reject(failure))).toBeNull();
    });
    expect(result.current.error).toEqual({ cause: failure });
    act(() => result.current.dismissError());
    expect(result.current.error).toBeNull();
    await act(async () => void (await result.current.run("busyValidating", () => Promise.reject(failure))));
    await act(async () => void (await result.current.run("busyValidating", async () => 1)));
    expect(result.current.error).toBeNull();
  });
});

describe("startup wiring", () => {
  it("opens on the catalogue remembered in the workbook, a custom one included", () => {
    const data: Record<string, unknown> = { "par.activeCatalog": JSON.stringify(smallCatalog) };
    const storage: SettingsStorage = { get: (k) => data[k], set: (k, v) => void (data[k] = v), save: async () => undefined };
    const startup = prepareStartup({ displayLanguage: "vi-VN", storage, recalculate: async () => undefined });
    render(<App {...startup} actions={fakeActions()} {...paneDefaults} />);
    expect(screen.getByTitle("Bộ tiêu chí đang dùng: Bộ thử")).toBeTruthy();
    expect(item("2")!.textContent).toContain("Văn bản QPPL");
    expect(screen.getByRole("combobox").textContent).toContain("Bộ thử");
  });
});
