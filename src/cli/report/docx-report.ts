/**
 * The province's annual PAR Index report as a Word document (the `docx` package): a title with the year and the
 * date; per group its ranking table (rank, unit, index, class; with last year's ranking also last year's index and
 * the change), the class bands, and its chart (the HTML report's SVG, with a PNG fallback); then the criteria most
 * units lost points on. A4 portrait, Times New Roman (programs without it substitute a font with Vietnamese
 * letters), table headers repeated on each page, rows never split, page numbers in the footer. Figures use
 * formatNumber in the report's language.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { bandConditions, CriterionLoss, formatNumber, Lang, Ranking, RankingEntry } from "../../scoring";
import { barChart } from "./bar-chart";
import { svgToPng } from "./chart-png";
import { ddmmyyyy, formatWhole } from "./cell-text";
import { Change, formatChange } from "./previous";
import { rankingCharts } from "./ranking-charts";

export interface ReportModel {
  lang: Lang;
  /** The year the report is about. */
  year: number;
  /** The day it is made. */
  date: Date;
  ranking: Ranking;
  /** The criteria most units lost points on (already the top ones). */
  losses: CriterionLoss[];
  /** Each entry's change from last year, when last year's ranking was given (with its file name). */
  previous?: { file: string; changes: Map<RankingEntry, Change> };
}

const LABELS = {
  vi: {
    title: (year: number) => `BÁO CÁO KẾT QUẢ CHỈ SỐ CCHC NĂM ${year}`,
    date: (d: string) => `Ngày lập báo cáo: ${d}`,
    units: (n: number, groups: number) => `Số đơn vị được xếp hạng: ${n}${groups > 1 ? `, trong ${groups} nhóm` : ""}.`,
    basis: "Xếp hạng theo Chỉ số CCHC chính thức của từng đơn vị (điểm thẩm định khi có, nếu không là điểm tự đánh giá); đơn vị chưa tính được chỉ số đứng cuối, không xếp hạng.",
    basisFinal:
      "Xếp hạng theo Chỉ số CCHC chính thức của từng đơn vị (điểm cuối cùng sau giải trình khi có, nếu không là điểm thẩm định, nếu không là điểm tự đánh giá); đơn vị chưa tính được chỉ số đứng cuối, không xếp hạng.",
    selfIndex: "Tự đánh giá",
    round1Index: "Thẩm định vòng 1",
    finalIndex: "Điểm cuối cùng",
    previous: (file: string) => `So sánh với năm trước theo bảng xếp hạng ${file} (đơn vị được ghép theo tên trong cùng nhóm; "mới": đơn vị không có trong bảng năm trước; xã, phường, đặc khu sắp xếp từ 01/07/2025 được so với bình quân chỉ số của các đơn vị cũ hợp thành, "đơn vị mới" khi không đơn vị cũ nào có trong bảng năm trước).`,
    ungrouped: "Các đơn vị",
    rank: "Hạng",
    unit: "Đơn vị",
    index: "Chỉ số CCHC",
    band: "Xếp loại",
    lastYear: "Năm trước",
    change: "Tăng, giảm",
    bands: "Thang xếp loại: ",
    figure: (n: number, title: string) => `Hình ${n}. ${title}`,
    lossesTitle: "Các tiêu chí nhiều đơn vị bị mất điểm nhất",
    lossesNote: (n: number) =>
      `${n} tiêu chí có nhiều đơn vị bị mất điểm nhất, theo kế hoạch cải thiện của từng đơn vị (cùng số đơn vị thì tiêu chí mất nhiều điểm hơn đứng trước).`,
    noLosses: "Không đơn vị nào bị mất điểm ở tiêu chí nào.",
    no: "STT",
    code: "Mã",
    criterion: "Tiêu chí",
    catalog: "Bộ tiêu chí",
    lossUnits: "Số đơn vị mất điểm",
    lossPoints: "Tổng điểm bị mất",
    page: "Trang ",
    of: " / ",
  },
  en: {
    title: (year: number) => `PAR INDEX RESULTS ${year}`,
    date: (d: string) => `Report date: ${d}`,
    units: (n: number, groups: number) => `Units ranked: ${n}${groups > 1 ? `, in ${groups} groups` : ""}.`,
    basis: "Ranked by each unit's official PAR Index (appraised where there is an appraisal, else self-assessed); units without an index come last, unranked.",
    basisFinal:
      "Ranked by each unit's official PAR Index (the final score after the units' explanations where there is one, else appraised, else self-assessed); units without an index come last, unranked.",
    selfIndex: "Self-assessed",
    round1Index: "Appraised, round 1",
    finalIndex: "Final score",
    previous: (file: string) => `Compared with last year's ranking ${file} (units matched by name within their group; "new": not in last year's ranking; wards, communes and special zones formed on 1 July 2025 are compared with the mean index of the former units they were formed from, "new unit" when none of those was ranked).`,
    ungrouped: "Units",
    rank: "Rank",
    unit: "Unit",
    index: "PAR Index",
    band: "Band",
    lastYear: "Last year",
    change: "Change",
    bands: "Class bands: ",
    figure: (n: number, title: string) => `Figure ${n}. ${title}`,
    lossesTitle: "Criteria most units lost points on",
    lossesNote: (n: number) => `The ${n} criteria most units lost points on, from each unit's improvement plan (equal counts: more points lost first).`,
    noLosses: "No unit lost points on any criterion.",
    no: "No.",
    code: "Code",
    criterion: "Criterion",
    catalog: "Catalogue",
    lossUnits: "Units that lost points",
    lossPoints: "Points lost in all",
    page: "Page ",
    of: " of ",
  },
};

const FONT = "Times New Roman";
const HEADER_FILL = "1F4E79";
/** A4 with the margins of Vietnamese administrative documents: 3 cm left, 2 cm right, 2 cm top and bottom. */
const CM = 567; // twips
const TEXT_WIDTH = 16 * CM;
const PX_PER_CM = 96 / 2.54;

function para(text: string, options: { bold?: boolean; italic?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align,
    spacing: { after: options.after ?? 120 },
    children: [new TextRun({ text, bold: options.bold, italics: options.italic, size: options.size })],
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function cell(text: string, width: number, options: { header?: boolean; align?: Align; bold?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } } : {}),
    children: [
      new Paragraph({
        alignment: options.header ? AlignmentType.CENTER : options.align,
        spacing: { after: 0 },
        children: [new TextRun({ text, bold: options.header || options.bold, color: options.header ? "FFFFFF" : undefined, size: 22 })],
      }),
    ],
  });
}

function table(widths: number[], head: string[], rows: { text: string; align?: Align; bold?: boolean }[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i], { header: true })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c.text, widths[i], { align: c.align, bold: c.bold })) })),
    ],
  });
}

/** Column widths in twips that fill the text width, from relative weights. */
function spread(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function rankingTable(entries: RankingEntry[], model: ReportModel): Table {
  const L = LABELS[model.lang];
  const { lang, previous } = model;
  const dash = "—";
  // After a second round: self | round 1 | final (the official index) side by side.
  const final = model.ranking.groups.some((g) => g.entries.some((e) => e.finalIndex !== undefined));
  const head = final
    ? [L.rank, L.unit, L.selfIndex, L.round1Index, L.finalIndex, L.index, L.band, ...(previous ? [L.lastYear, L.change] : [])]
    : [L.rank, L.unit, L.index, L.band, ...(previous ? [L.lastYear, L.change] : [])];
  const widths = spread(
    final ? (previous ? [1.3, 3.4, 1.7, 1.7, 1.7, 1.8, 1.5, 1.7, 1.7] : [1.5, 5.0, 1.9, 1.9, 1.9, 2.0, 1.6]) : previous ? [1.8, 5.6, 2.2, 2.2, 2.1, 2.1] : [1.8, 9.0, 2.6, 2.6],
  );
  const rows = entries.map((e) => {
    const change = previous?.changes.get(e);
    return [
      { text: e.rank === null ? dash : formatWhole(e.rank, lang), align: AlignmentType.CENTER },
      { text: e.unit },
      ...(final
        ? [
            { text: e.selfIndex === null ? dash : formatNumber(e.selfIndex, lang), align: AlignmentType.RIGHT },
            { text: e.appraisedIndex === null ? dash : formatNumber(e.appraisedIndex, lang), align: AlignmentType.RIGHT },
            { text: e.finalIndex === null || e.finalIndex === undefined ? dash : formatNumber(e.finalIndex, lang), align: AlignmentType.RIGHT },
          ]
        : []),
      { text: e.officialIndex === null ? dash : formatNumber(e.officialIndex, lang), align: AlignmentType.RIGHT, bold: true },
      { text: e.band ?? dash, align: AlignmentType.CENTER },
      ...(previous
        ? [
            { text: change?.previous == null ? dash : formatNumber(change.previous, lang), align: AlignmentType.RIGHT },
            { text: change ? formatChange(change, lang) : dash, align: AlignmentType.RIGHT },
          ]
        : []),
    ];
  });
  return table(widths, head, rows);
}

function lossesTable(losses: CriterionLoss[], lang: Lang): Table {
  const L = LABELS[lang];
  const catalogues = new Set(losses.map((l) => l.catalogId)).size > 1;
  const head = [L.no, L.code, L.criterion, ...(catalogues ? [L.catalog] : []), L.lossUnits, L.lossPoints];
  const widths = spread(catalogues ? [1.5, 2.0, 5.3, 2.6, 2.3, 2.3] : [1.5, 2.0, 7.9, 2.3, 2.3]);
  const rows = losses.map((l, i) => [
    { text: formatWhole(i + 1, lang), align: AlignmentType.CENTER },
    { text: l.code, align: AlignmentType.CENTER },
    { text: l.name },
    ...(catalogues ? [{ text: l.catalogId }] : []),
    { text: formatWhole(l.units, lang), align: AlignmentType.RIGHT },
    { text: formatNumber(l.points, lang), align: AlignmentType.RIGHT },
  ]);
  return table(widths, head, rows);
}

function chartParagraph(svg: string, width: number, height: number, title: string): Paragraph {
  const maxW = 16 * PX_PER_CM;
  const maxH = 21 * PX_PER_CM;
  const scale = Math.min(maxW / width, maxH / height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [
      new ImageRun({
        type: "svg",
        data: Buffer.from(svg, "utf8"),
        fallback: { type: "png", data: svgToPng(svg) },
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: { name: title, description: title, title },
      }),
    ],
  });
}

/** The report as .docx bytes. */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const L = LABELS[model.lang];
  const { lang, ranking } = model;
  const units = ranking.groups.reduce((n, g) => n + g.entries.length, 0);
  const groups = ranking.groups.filter((g) => g.entries.length > 0);
  const charts = rankingCharts(ranking, lang);
  const children: (Paragraph | Table)[] = [
    para(L.title(model.year), { bold: true, size: 30, align: AlignmentType.CENTER, after: 60 }),
    para(L.date(ddmmyyyy(model.date)), { italic: true, align: AlignmentType.CENTER, after: 240 }),
    para(`${L.units(units, groups.length)} ${groups.some((g) => g.entries.some((e) => e.finalIndex !== undefined)) ? L.basisFinal : L.basis}`, { align: AlignmentType.JUSTIFIED }),
  ];
  if (model.previous) children.push(para(L.previous(model.previous.file), { align: AlignmentType.JUSTIFIED }));
  let figure = 0;
  groups.forEach((group, gi) => {
    const name = group.name ?? L.ungrouped;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `${gi + 1}. ${name}` })] }));
    children.push(rankingTable(group.entries, model));
    const legend = bandConditions(group.bands ?? ranking.bands, lang).map((b) => `${b.label}: ${b.condition.charAt(0).toLowerCase()}${b.condition.slice(1)}`);
    children.push(para(`${L.bands}${legend.join("; ")}.`, { italic: true, size: 22, align: AlignmentType.JUSTIFIED }));
    for (const { chart } of charts.filter((c) => c.group === group.name)) {
      figure++;
      const { svg, width, height } = barChart(chart, { id: `chart${figure}`, lang });
      children.push(chartParagraph(svg, width, height, chart.title));
      children.push(para(L.figure(figure, chart.title), { italic: true, size: 22, align: AlignmentType.CENTER, after: 240 }));
    }
  });
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `${groups.length + 1}. ${L.lossesTitle}` })] }));
  if (model.losses.length === 0) children.push(para(L.noLosses));
  else {
    children.push(para(L.lossesNote(model.losses.length), { align: AlignmentType.JUSTIFIED }));
    children.push(lossesTable(model.losses, lang));
  }

  const doc = new Document({
    creator: "PAR Scorer",
    title: L.title(model.year),
    styles: {
      default: {
        document: { run: { font: FONT, size: 26 }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: "1F4E79" }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM, height: 29.7 * CM },
            margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM, footer: CM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [L.page, PageNumber.CURRENT, L.of, PageNumber.TOTAL_PAGES], size: 22 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
