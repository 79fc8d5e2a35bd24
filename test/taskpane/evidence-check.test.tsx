/**
 * @jest-environment jsdom
 *
 * "Kiểm tra tài liệu" (EvidenceCheck): the chosen files, read, are checked against the open sheet's citations by the
 * core, and the pane shows which file matched which citation, the findings, and the files nobody cites.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { EvidenceDocument, EvidenceFile, Grid, readUnitSheet, validateWithEvidence } from "../../src/scoring";
import { EvidenceCheck as Result } from "../../src/taskpane/actions";
import { EvidenceCheck } from "../../src/taskpane/components/EvidenceCheck";
import { strings } from "../../src/taskpane/i18n";
import { fakeActions, smallCatalog, UNIT_SHEET, unitRows } from "./pane-helpers";

jest.setTimeout(20_000);

const nd30 = (number: string, date: string, kind: string) =>
  `UBND TỈNH THỬ\nSỞ THỬ NGHIỆM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: ${number}\nThử, ${date}\n${kind}\nCải cách hành chính năm 2018\n`;

const files: EvidenceFile[] = [
  { name: "tai-lieu/a.pdf", text: nd30("12/KH-STN", "ngày 20 tháng 12 năm 2017", "KẾ HOẠCH"), source: "pdf" },
  { name: "tai-lieu/b.docx", text: nd30("5/BC-STN", "ngày 16 tháng 03 năm 2018", "BÁO CÁO"), source: "docx" },
  { name: "tai-lieu/c.pdf", text: nd30("7/TB-STN", "ngày 01 tháng 02 năm 2018", "THÔNG BÁO"), source: "pdf" },
];

/** The adapter's work (excel/validate.ts checkActiveSheetEvidence) done on the test grid. */
async function check(documents: EvidenceDocument[]): Promise<Result> {
  const grid: Grid = { name: UNIT_SHEET, values: unitRows() };
  const unit = readUnitSheet(grid, "Sở Thử nghiệm")!;
  const { findings, matches } = validateWithEvidence(unit, smallCatalog, { lang: "vi", evidence: { grids: [grid], documents } });
  const used = new Set(matches.filter((m) => m.status !== "not-found").map((m) => m.file));
  return { sheet: UNIT_SHEET, findings: findings.filter((f) => f.kind.startsWith("evidence-")), matches, uncited: documents.filter((d) => !used.has(d.name)).map((d) => d.name) };
}

test("choosing files checks each citation against them and shows the outcome per criterion", async () => {
  const actions = fakeActions({ checkEvidence: async (_c, _l, documents) => check(documents) });
  const readFiles = jest.fn(async () => files);
  const run = async <T,>(_: string, task: () => Promise<T>) => ({ value: await task() });
  render(
    <FluentProvider theme={webLightTheme}>
      <EvidenceCheck actions={actions} lang="vi" strings={strings("vi")} run={run} busy={false} catalog={smallCatalog} readFiles={readFiles} />
    </FluentProvider>,
  );
  const input = screen.getByLabelText("Chọn tệp…", { selector: "input" }) as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(["x"], "a.pdf"), new File(["y"], "b.docx"), new File(["z"], "c.pdf")] } });
  });
  expect(readFiles).toHaveBeenCalledTimes(1);
  expect(actions.checkEvidence).toHaveBeenCalledTimes(1);
  const rows = Array.from(document.querySelectorAll("tbody tr")).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent));
  expect(rows).toContainEqual(["1.1", "Kế hoạch CCHC năm 2018 số 12/KH-STN ngày 20/12/2017", "tai-lieu/a.pdf", "khớp"]);
  expect(rows).toContainEqual(["1.2", "Báo cáo CCHC quý số 5/BC-STN ngày 15/03/2018", "tai-lieu/b.docx", "khác ngày/cơ quan"]);
  expect(rows).toContainEqual(["2.1", "Quyết định số 99/QĐ-STN ngày 01/06/2018", "—", "không có tệp"]);
  expect(screen.getByText(/tệp "tai-lieu\/b.docx" có số 5\/BC-STN nhưng ghi "Thử, ngày 16 tháng 03 năm 2018"/)).toBeTruthy();
  expect(screen.getByText(/Tệp không tiêu chí nào trích dẫn \(thông tin\): tai-lieu\/c.pdf/)).toBeTruthy();
});

test("without the action (outside Excel) the buttons are disabled", () => {
  const run = async <T,>(_: string, task: () => Promise<T>) => ({ value: await task() });
  render(
    <FluentProvider theme={webLightTheme}>
      <EvidenceCheck actions={null} lang="en" strings={strings("en")} run={run} busy={false} catalog={smallCatalog} />
    </FluentProvider>,
  );
  expect((screen.getByRole("button", { name: "Choose folder…" }) as HTMLButtonElement).disabled).toBe(true);
});
