/**
 * @jest-environment jsdom
 *
 * Tab "Tổng hợp": the summary, plan and ranking sheets.
 */
import { act, screen, within } from "@testing-library/react";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { SummaryOutcome } from "../../src/taskpane/actions";
import { UserError } from "../../src/taskpane/errors";
import { button, click, deferred, errorBar, fakeActions, openTab, renderPane, setCell, smallCatalog, summaryOutcomeOf, switchLanguage, isOff } from "./pane-helpers";

// Rendering Fluent trees in jsdom takes seconds when the machine is busy.
jest.setTimeout(20_000);

beforeEach(() => resetActiveCatalog());

/** Self score of 1.2 halved: 4,25 of 4,5 points. */
const halfOfOneTwo = (rows: Parameters<typeof setCell>[0]) => setCell(rows, "E6", 0.25);

/** The success MessageBar (a group named by its first line). */
const result = (first: RegExp) => screen.getByRole("group", { name: first });

describe("creating the summary sheets", () => {
  it("reports the sheets written, the unit's index with a decimal comma and its class", async () => {
    const outcome = summaryOutcomeOf(halfOfOneTwo, 1);
    expect(outcome.index).toBeCloseTo(94.44, 2); // 4,25 of 4,5
    const actions = fakeActions({ generateSummary: async () => outcome });
    renderPane({ actions });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    expect(actions.generateSummary).toHaveBeenCalledWith(smallCatalog, "vi");
    const bar = result(/^Đã ghi các trang/);
    expect(bar.textContent).toContain('Đã ghi các trang: "Tổng hợp", "Kế hoạch cải thiện".');
    expect(bar.textContent).toContain("Đơn vị Sở Thử nghiệm: chỉ số 94,44, xếp loại A.");
    expect(bar.textContent).toContain("Tìm thấy 1 trang đơn vị đã có điểm trong sổ tính.");
    expect(within(screen.getByRole("tabpanel")).getByText("Tạo lại chỉ thay các trang do PAR Scorer tạo ra; các trang bạn nhập liệu không bị đụng tới.")).toBeTruthy();
  });

  it("in English the index has a decimal point", async () => {
    const actions = fakeActions({ generateSummary: async () => summaryOutcomeOf(halfOfOneTwo, 1) });
    renderPane({ actions, lang: "en" });
    await openTab("Summary");
    await click(button("Create the summary sheets"));
    expect(actions.generateSummary).toHaveBeenCalledWith(smallCatalog, "en");
    expect(result(/^Sheets written/).textContent).toContain("Unit Sở Thử nghiệm: index 94.44, class A.");
  });

  it("after the council's second round shows self, round 1 and final side by side (Vietnamese, then English)", async () => {
    const outcome: SummaryOutcome = { ...summaryOutcomeOf(halfOfOneTwo, 1), index: 87.5, band: "B", rounds: { self: 100, round1: 75, final: 87.5 } };
    const actions = fakeActions({ generateSummary: async () => outcome });
    renderPane({ actions });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    expect(result(/^Đã ghi các trang/).textContent).toContain("Tự đánh giá 100,00; thẩm định vòng 1 75,00; điểm cuối cùng 87,50 (chính thức).");
  });

  it("without a second round says nothing of rounds", async () => {
    const actions = fakeActions({ generateSummary: async () => summaryOutcomeOf(halfOfOneTwo, 1) });
    renderPane({ actions, lang: "en" });
    await openTab("Summary");
    await click(button("Create the summary sheets"));
    expect(result(/^Sheets written/).textContent).not.toContain("round 1");
  });

  it("with several unit sheets says a ranking was made", async () => {
    const actions = fakeActions({ generateSummary: async () => summaryOutcomeOf(() => undefined, 3) });
    renderPane({ actions });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    const bar = result(/^Đã ghi các trang/);
    expect(bar.textContent).toContain('"Xếp hạng"');
    expect(bar.textContent).toContain("Tìm thấy 3 trang đơn vị đã có điểm trong sổ tính; trang Xếp hạng so sánh các đơn vị đó.");
    expect(bar.textContent).toContain("chỉ số 100,00, xếp loại A.");
    expect(bar.textContent).not.toContain("Chưa có điểm");
  });

  it("names the unit sheets left out because nothing is scored yet (a fresh template)", async () => {
    const actions = fakeActions({ generateSummary: async () => summaryOutcomeOf(() => undefined, 3, [], ["Tự đánh giá"]) });
    renderPane({ actions });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    const said = result(/^Đã ghi các trang/).textContent;
    expect(said).toContain('Trang mẫu còn trống, không tính là đơn vị: "Tự đánh giá".');
    // A blank template is not counted as a unit: 3 unit sheets, 2 with scores.
    expect(said).toContain("Tìm thấy 2 trang đơn vị đã có điểm trong sổ tính");
  });

  it("says when the index cannot be computed, and lists what Excel could not do", async () => {
    const outcome: SummaryOutcome = {
      sheets: ["Tổng hợp", "Kế hoạch cải thiện"],
      units: 1,
      unscored: [],
      unit: "Sở Thử nghiệm",
      index: null,
      band: null,
      chart: false,
      skipped: ["Không vẽ được biểu đồ (cần ExcelApi 1.9)"],
    };
    renderPane({ actions: fakeActions({ generateSummary: async () => outcome }) });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    expect(result(/^Đã ghi các trang/).textContent).toContain("Đơn vị Sở Thử nghiệm: chỉ số chưa tính được, xếp loại chưa xếp được.");
    expect(screen.getByRole("group", { name: "Excel ở đây chưa làm được:" }).textContent).toContain("Không vẽ được biểu đồ (cần ExcelApi 1.9)");
  });

  it("a workbook without unit sheets is an error in both languages", async () => {
    const actions = fakeActions({
      generateSummary: () =>
        Promise.reject(new UserError('Sổ tính chưa có trang tự chấm điểm: tạo một trang ở thẻ "Mẫu" rồi thử lại', 'The workbook has no self-assessment sheet: create one in the "Template" tab and try again')),
    });
    renderPane({ actions });
    await openTab("Tổng hợp");
    await click(button("Tạo trang tổng hợp"));
    expect(errorBar()!.textContent).toContain('Sổ tính chưa có trang tự chấm điểm: tạo một trang ở thẻ "Mẫu" rồi thử lại');
    expect(screen.queryByRole("group", { name: /^Đã ghi các trang/ })).toBeNull();
    await switchLanguage("en");
    expect(errorBar("en")!.textContent).toContain('The workbook has no self-assessment sheet: create one in the "Template" tab and try again');
  });

  it("while it runs the button is disabled and a second click does nothing", async () => {
    const pending = deferred<SummaryOutcome>();
    const actions = fakeActions({ generateSummary: () => pending.promise });
    renderPane({ actions });
    await openTab("Tổng hợp");
    const summarise = button("Tạo trang tổng hợp");
    await click(summarise);
    expect(isOff(summarise)).toBe(true);
    expect(screen.getByText("Đang tạo trang tổng hợp…")).toBeTruthy();
    await click(summarise);
    expect(actions.generateSummary).toHaveBeenCalledTimes(1);
    await act(async () => pending.resolve(summaryOutcomeOf(() => undefined, 1)));
    expect(isOff(summarise)).toBe(false);
    expect(screen.queryByText("Đang tạo trang tổng hợp…")).toBeNull();
  });

  it("outside Excel the button is disabled", async () => {
    renderPane({ actions: null });
    await openTab("Tổng hợp");
    expect(isOff(button("Tạo trang tổng hợp"))).toBe(true);
  });
});
