/**
 * @jest-environment jsdom
 *
 * "Thẩm định": an appraisal form (the sheet par appraise forms writes) read from the active sheet, its rows by
 * unit; the council member's scores checked 0..max (a Vietnamese message, nothing written) and written with the
 * reasons to the form's last two columns in one batch, the reasons also as threaded comments where Excel has them
 * (never on a cell holding a note). Run over the in-memory Excel stand-in.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Grid } from "../../src/scoring/grid";
import { checkAppraisedScore, readAppraisalForm } from "../../src/scoring/sheet/appraisal-form";
import { PaneActions } from "../../src/taskpane/actions";
import { AppraisalPanel } from "../../src/taskpane/components/AppraisalPanel";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { strings, UiLang } from "../../src/taskpane/i18n";
import { createFakeExcel, fakeDeps, FakeExcel, SheetSeed } from "./excel-fixtures";
import { eagerPanels, renderPane, openTab } from "./pane-helpers";

jest.setTimeout(30_000);

const HEADER = ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"];
const FORM = "Sở Tư pháp";

function formSeed(extra: Partial<SheetSeed> = {}, rows = 4): SheetSeed {
  const base = [
    ["Sở Y tế", "1.1", "Ban hành kế hoạch", 1, 1, "KH 12/KH-SYT", "", "", ""],
    ["Sở Y tế", "1.2", "Báo cáo định kỳ", 2, 2, "BC 5/BC-SYT", "Đã gửi đúng hạn", "", ""],
    ["UBND huyện Mường Chà", "1.1", "Ban hành kế hoạch", 1, 0.5, "", "", "", ""],
    ["UBND huyện Mường Chà", "1.2", "Báo cáo định kỳ", 2, 2, "BC 9", "", "", ""],
  ];
  const more = Array.from({ length: Math.max(0, rows - base.length) }, (_, i) => [`Đơn vị ${i}`, "1.1", "Ban hành kế hoạch", 1, 1, "", "", "", ""]);
  return { name: FORM, values: [["PHIẾU THẨM ĐỊNH — SỞ TƯ PHÁP", "", "", "", "", "", "", "", ""], HEADER, ...base, ...more], ...extra };
}

function setUp(apiVersion = "1.18", seed: SheetSeed = formSeed()): { fake: FakeExcel; actions: PaneActions } {
  const fake = createFakeExcel({ sheets: [seed], active: FORM, apiVersion });
  return { fake, actions: createExcelActions(fakeDeps(fake).deps) };
}

const sheetOf = (fake: FakeExcel) => fake.snapshot().sheets.find((s) => s.name === FORM)!;

describe("the form, read by the core", () => {
  it("needs the header exactly; reads units in order with self score, evidence and explanation", () => {
    const grid: Grid = { name: FORM, values: formSeed().values as Grid["values"] };
    const form = readAppraisalForm(grid)!;
    expect(form).toMatchObject({ headerRow: 1, appraisedCol: 7, reasonCol: 8, units: ["Sở Y tế", "UBND huyện Mường Chà"] });
    expect(form.rows[1]).toMatchObject({ unit: "Sở Y tế", code: "1.2", max: 2, self: 2, evidence: "BC 5/BC-SYT", explanation: "Đã gửi đúng hạn", appraisedCell: "H4", reasonCell: "I4" });
    const other = { name: "X", values: [[...HEADER.slice(0, 8), "Ghi chú"]] as Grid["values"] };
    expect(readAppraisalForm(other)).toBeNull();
  });

  test.each([
    ["0,5", 0.5],
    ["1", 1],
    ["", null],
  ])("%p is a valid score of a criterion worth 1", (text, value) => {
    expect(checkAppraisedScore(text, { code: "1.1", unit: "Sở Y tế", max: 1, appraisedCell: "H3" })).toEqual({ value });
  });

  test.each(["1,5", "-1", "một", "50%"])("%p is refused with what to type", (text) => {
    const r = checkAppraisedScore(text, { code: "1.1", unit: "Sở Y tế", max: 1, appraisedCell: "H3" });
    expect(r).toEqual({ error: `Điểm thẩm định của tiêu chí 1.1 (Sở Y tế, ô H3) phải là số từ 0 đến 1,00; đang nhập "${text}". Nhập số điểm, ví dụ 1,00` });
    expect("error" in checkAppraisedScore(text, { code: "1.1", unit: "Sở Y tế", max: 1, appraisedCell: "H3" }, "en") && checkAppraisedScore(text, { code: "1.1", unit: "Sở Y tế", max: 1, appraisedCell: "H3" }, "en")).toMatchObject({
      error: expect.stringContaining("must be a number 0 to 1.00"),
    });
  });
});

describe("the Excel adapter", () => {
  it("writes scores and reasons to the last two columns and each reason as a comment, in a few syncs whatever the rows", async () => {
    const { fake, actions } = setUp("1.18", formSeed({}, 40));
    fake.resetSyncCount();
    const form = await actions.readAppraisalForm!();
    const readSyncs = fake.syncCount();
    expect(readSyncs).toBeLessThanOrEqual(2);
    expect(form).toMatchObject({ sheet: FORM, protected: false, comments: true });
    expect(form.rows).toHaveLength(40);
    fake.resetSyncCount();
    const entries = form.rows.map((r, i) => ({ row: r.row, appraised: i === 0 ? 0.5 : 1, reason: i === 0 ? "Ban hành muộn" : i < 30 ? `Lý do ${i}` : "" }));
    const done = await actions.writeAppraisals!(form, entries);
    expect(fake.syncCount()).toBeLessThanOrEqual(3);
    expect(done).toMatchObject({ rows: 40, comments: 30, noted: [], protected: false, commentsSupported: true });
    const sheet = sheetOf(fake);
    expect(sheet.values[2].slice(7, 9)).toEqual([0.5, "Ban hành muộn"]);
    expect(sheet.values[41].slice(7, 9)).toEqual([1, ""]);
    expect(sheet.comments.find((c) => c.cell === "H3")?.content).toBe("Ban hành muộn");
    // The other columns (the unit's and the form's) are untouched.
    expect(sheet.values[3].slice(0, 7)).toEqual(["Sở Y tế", "1.2", "Báo cáo định kỳ", 2, 2, "BC 5/BC-SYT", "Đã gửi đúng hạn"]);
  });

  it("updates an existing comment, and leaves a cell holding a note with its note (the reason in the column only)", async () => {
    const { fake, actions } = setUp("1.18", formSeed({ notes: { H4: "Ghi chú của thư ký" }, comments: [{ cell: "H3", content: "Lý do cũ" }] }));
    const form = await actions.readAppraisalForm!();
    const done = await actions.writeAppraisals!(form, [
      { row: 2, appraised: 0.5, reason: "Ban hành muộn 10 ngày" },
      { row: 3, appraised: 1.5, reason: "Thiếu báo cáo quý II" },
    ]);
    expect(done).toMatchObject({ rows: 2, comments: 1, noted: ["H4"] });
    const sheet = sheetOf(fake);
    expect(sheet.comments.map((c) => [c.cell, c.content])).toEqual([["H3", "Ban hành muộn 10 ngày"]]);
    expect(sheet.notes.H4).toBe("Ghi chú của thư ký");
    expect(sheet.values[3].slice(7, 9)).toEqual([1.5, "Thiếu báo cáo quý II"]);
  });

  it("in an Excel without threaded comments (ExcelApi 1.9) writes the values and says so", async () => {
    const { fake, actions } = setUp("1.9");
    const form = await actions.readAppraisalForm!();
    expect(form.comments).toBe(false);
    const done = await actions.writeAppraisals!(form, [{ row: 2, appraised: 1, reason: "Đạt" }]);
    expect(done).toMatchObject({ rows: 1, comments: 0, commentsSupported: false });
    expect(sheetOf(fake).values[2].slice(7, 9)).toEqual([1, "Đạt"]);
  });

  it("on a protected form (as par appraise forms leaves it: the last two columns unlocked) writes the values, no comments, and says so", async () => {
    const { fake, actions } = setUp("1.18", formSeed({ protected: true, unlocked: ["H:I"] }));
    const form = await actions.readAppraisalForm!();
    expect(form.protected).toBe(true);
    const done = await actions.writeAppraisals!(form, [
      { row: 2, appraised: 0.5, reason: "Ban hành muộn" },
      { row: 5, appraised: 2, reason: "" },
    ]);
    expect(done).toMatchObject({ rows: 2, comments: 0, protected: true });
    const sheet = sheetOf(fake);
    expect(sheet.values[2].slice(7, 9)).toEqual([0.5, "Ban hành muộn"]);
    expect(sheet.values[5].slice(7, 9)).toEqual([2, ""]);
    expect(sheet.comments).toEqual([]);
  });

  it("on a protected form whose score cells are locked writes nothing and says how to unlock them", async () => {
    const { fake, actions } = setUp("1.18", formSeed({ protected: true, unlocked: ["I:I"] }));
    const form = await actions.readAppraisalForm!();
    await expect(actions.writeAppraisals!(form, [{ row: 2, appraised: 1, reason: "Đạt" }])).rejects.toMatchObject({
      vi: 'Trang "Sở Tư pháp" đang được bảo vệ và các ô điểm thẩm định, lý do (cột H:I) bị khóa, nên chưa ghi gì. Bỏ bảo vệ trang (Xem lại → Bỏ bảo vệ trang), hoặc mở khóa hai cột này (Định dạng ô → Bảo vệ → bỏ chọn Khóa) rồi bảo vệ lại, rồi bấm ghi lại.',
      en: expect.stringContaining("columns H:I) are locked, so nothing was written"),
    });
    expect(sheetOf(fake).values[2].slice(7, 9)).toEqual(["", ""]);
  });

  it("writes nothing when another sheet has been activated since the form was read", async () => {
    const fake = createFakeExcel({ sheets: [formSeed(), { name: "Khác", values: [["x"]] }], active: FORM, apiVersion: "1.18" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const form = await actions.readAppraisalForm!();
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Khác").activate();
      await ctx.sync();
    });
    await expect(actions.writeAppraisals!(form, [{ row: 2, appraised: 1, reason: "Đạt" }])).rejects.toMatchObject({
      vi: 'Trang đang mở không còn là phiếu "Sở Tư pháp" đã đọc. Bấm "Đọc phiếu thẩm định" để đọc lại rồi nhập điểm.',
    });
    expect(sheetOf(fake).values[2].slice(7, 9)).toEqual(["", ""]);
  });

  it("refuses a sheet that is not a form, saying what its header must be", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Tự đánh giá", values: [["Mã", "Tiêu chí", "Điểm tự chấm"]] }], active: "Tự đánh giá", apiVersion: "1.18" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    await expect(actions.readAppraisalForm!()).rejects.toMatchObject({ vi: expect.stringContaining('Trang "Tự đánh giá" không phải phiếu thẩm định') });
  });
});

function renderPanel(actions: PaneActions, lang: UiLang = "vi") {
  const run = async <T,>(_: string, task: () => Promise<T>) => ({ value: await task() });
  return render(
    <FluentProvider theme={webLightTheme}>
      <AppraisalPanel actions={actions} lang={lang} strings={strings(lang)} run={run} busy={false} />
    </FluentProvider>,
  );
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

describe("the Thẩm định view", () => {
  it("lists the rows by unit with self score, evidence and explanation", async () => {
    const { actions } = setUp();
    renderPanel(actions);
    await click("Đọc phiếu thẩm định");
    expect(screen.getByText('Phiếu "Sở Tư pháp": 4 dòng, 2 đơn vị.')).toBeTruthy();
    const units = screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(units).toEqual(["Sở Y tế", "UBND huyện Mường Chà"]);
    const row = within(screen.getByTestId("appraisal-row-H4"));
    expect(row.getByText("1.2 Báo cáo định kỳ (tối đa 2,00)")).toBeTruthy();
    expect(row.getByText("Tự chấm: 2,00")).toBeTruthy();
    expect(row.getByText("Tài liệu kiểm chứng: BC 5/BC-SYT")).toBeTruthy();
    expect(row.getByText("Giải trình: Đã gửi đúng hạn")).toBeTruthy();
  });

  it("a score outside 0..max is refused in Vietnamese and nothing is written; once corrected, the changed rows are written", async () => {
    const { fake, actions } = setUp();
    renderPanel(actions);
    await click("Đọc phiếu thẩm định");
    const score = (unit: string, code: string) => screen.getByLabelText(`Điểm thẩm định — ${code} (${unit})`);
    const reason = (unit: string, code: string) => screen.getByLabelText(`Lý do — ${code} (${unit})`);
    fireEvent.change(score("Sở Y tế", "1.1"), { target: { value: "1,5" } });
    fireEvent.change(reason("Sở Y tế", "1.1"), { target: { value: "Ban hành muộn" } });
    fireEvent.change(score("UBND huyện Mường Chà", "1.2"), { target: { value: "1" } });
    await click("Ghi vào phiếu");
    expect(screen.getByText('Điểm thẩm định của tiêu chí 1.1 (Sở Y tế, ô H3) phải là số từ 0 đến 1,00; đang nhập "1,5". Nhập số điểm, ví dụ 1,00')).toBeTruthy();
    expect(screen.getByText("Chưa ghi: 1 điểm không hợp lệ. Sửa các ô được đánh dấu rồi ghi lại.")).toBeTruthy();
    expect(sheetOf(fake).values[2].slice(7, 9)).toEqual(["", ""]);

    fireEvent.change(score("Sở Y tế", "1.1"), { target: { value: "0,5" } });
    await click("Ghi vào phiếu");
    const sheet = sheetOf(fake);
    expect(sheet.values[2].slice(7, 9)).toEqual([0.5, "Ban hành muộn"]);
    expect(sheet.values[5].slice(7, 9)).toEqual([1, ""]);
    expect(sheet.values[3].slice(7, 9)).toEqual(["", ""]);
    expect(sheet.comments.map((c) => [c.cell, c.content])).toEqual([["H3", "Ban hành muộn"]]);
    const status = screen.getAllByRole("status").map((s) => s.textContent).join(" ");
    expect(status).toContain('Đã ghi 2 dòng vào phiếu "Sở Tư pháp".');
    expect(status).toContain("1 lý do được thêm làm bình luận ở ô điểm.");
    expect(status).toContain("Điểm thẩm định khác điểm tự chấm mà chưa có lý do: 1.2 (UBND huyện Mường Chà).");

    // Nothing changed since: nothing to write.
    await click("Ghi vào phiếu");
    expect(screen.getByText("Chưa có điểm hay lý do nào thay đổi để ghi.")).toBeTruthy();
  });

  it("in English", async () => {
    const { actions } = setUp();
    renderPanel(actions, "en");
    await click("Read the appraisal form");
    expect(screen.getByText('Form "Sở Tư pháp": 4 rows, 2 units.')).toBeTruthy();
    expect(screen.getByText("Self score: 0.50")).toBeTruthy();
  });

  it("is shown in the Kiểm tra tab of the pane", async () => {
    renderPane({ panels: { ...eagerPanels, AppraisalPanel } });
    await openTab("Kiểm tra");
    expect(within(screen.getByRole("tabpanel")).getByRole("heading", { name: "Thẩm định" })).toBeTruthy();
  });
});
