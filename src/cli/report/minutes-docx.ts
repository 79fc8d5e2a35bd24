/**
 * The minutes of the council's appraisal of one unit (biên bản thẩm định) as a Word document laid out as Nghị định
 * 30/2020/NĐ-CP lays out an administrative document, so that Sở Nội vụ can sign and issue it as it is:
 * - A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman throughout;
 * - letterhead top-left: the parent body in capitals (13 pt, upright), the issuing body in capitals (13 pt, bold)
 *   with a short line under it, then "Số: …/BB-SNV" (13 pt; the code from the issuing body's initials);
 * - top-right: the national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt, bold) and "Độc lập - Tự do - Hạnh
 *   phúc" (13 pt, bold, underlined), then the place and date in italics (13 pt: "Điện Biên, ngày … tháng … năm
 *   2026", the day and month left to fill when it is signed);
 * - the title "BIÊN BẢN" and what it is about, bold, centred, with a short line under them;
 * - the body at 14 pt, justified: the results of each round and a table of the criteria the council changed (code,
 *   name, self score, appraised score, final score after a second round, reason and the unit's explanation);
 * - page numbers centred at the top from the second page on;
 * - at the foot, side by side: "Nơi nhận:" (12 pt, bold italic; the list 11 pt) on the left and the signature block
 *   on the right (the signer's title in capitals, bold; space to sign; the name, bold).
 * The document is in Vietnamese whatever --lang says: it is an official document of a Vietnamese authority.
 */
import { AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, UnderlineType, VerticalAlign, WidthType } from "docx";
import { AppraisalMinutes, fold, formatNumber, LeafScore, MinutesItem, usualCase } from "../../scoring";

/** Who issues and signs the minutes (par report --issuer, --place, --signer, --signer-name). */
export interface MinutesIssuer {
  /** The body directly above the issuer ("UBND TỈNH ĐIỆN BIÊN"); null when not given (a line of dots to fill). */
  parent: string | null;
  /** The issuing body ("SỞ NỘI VỤ"). */
  body: string;
  /** Where it is issued ("Điện Biên"); null: dots to fill. */
  place: string | null;
  /** The signer's title, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  signer: string[];
  /** The signer's name; null: left blank to write in. */
  signerName: string | null;
}

const FONT = "Times New Roman";
/** Twips per millimetre (1 inch = 1440 twips = 25,4 mm). */
const MM = 1440 / 25.4;
/** A4 in twips, and the margins of Nghị định 30/2020/NĐ-CP (Phụ lục I, mục I.5). */
export const PAGE = { width: 11906, height: 16838 };
export const MARGINS = { top: Math.ceil(20 * MM), bottom: Math.ceil(20 * MM), left: Math.ceil(30 * MM), right: Math.ceil(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const DOTS = "…";

/** Sizes in half-points. */
const SIZE = { body: 28, header: 26, nation: 24, motto: 26, date: 26, table: 26, recipientsHead: 24, recipients: 22 };

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italic,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

function para(children: TextRun[] | string, options: { align?: Align; after?: number; before?: number; indent?: boolean; style?: RunStyle; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: options.before ?? 0, after: options.after ?? 120, line: 276, lineRule: LineRuleType.AUTO },
    ...(options.indent ? { indent: { firstLine: Math.round(12.7 * MM) } } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    children: typeof children === "string" ? [run(children, options.style)] : children,
  });
}

/** A short centred line under a heading (a bottom border over the middle third of the width `width`). */
function shortLine(width: number): Paragraph {
  const side = Math.round(width / 3);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
}

/** "SỞ NỘI VỤ" → "SNV": the initials of the issuing body, for the number line. */
export function bodyInitials(body: string): string {
  return fold(body)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

function letterhead(issuer: MinutesIssuer, year: number): Table {
  const left = Math.round(TEXT_WIDTH * 0.37);
  const right = TEXT_WIDTH - left;
  const center = { align: AlignmentType.CENTER, after: 0 } as const;
  const place = issuer.place ?? DOTS;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell(
            [
              para(issuer.parent ?? `UBND TỈNH ${DOTS}`, { ...center, style: { size: SIZE.header } }),
              para(issuer.body, { ...center, style: { size: SIZE.header, bold: true } }),
              shortLine(left),
              para(`Số: ${DOTS}/BB-${bodyInitials(issuer.body)}`, { ...center, style: { size: SIZE.header } }),
            ],
            left,
          ),
          plainCell(
            [
              para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { ...center, style: { size: SIZE.nation, bold: true } }),
              para([run("Độc lập - Tự do - Hạnh phúc", { size: SIZE.motto, bold: true, underline: true })], { ...center, after: 240 }),
              para(`${place}, ngày ${DOTS} tháng ${DOTS} năm ${year}`, { ...center, style: { size: SIZE.date, italic: true } }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

const points = (x: number | null | undefined) => (x === null || x === undefined ? "—" : formatNumber(x, "vi"));

function score(s: LeafScore | undefined): string {
  if (s === "notApplicable") return "Không áp dụng";
  return typeof s === "number" ? formatNumber(s, "vi") : "—";
}

function tableCell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children,
  });
}

const cellPara = (text: string, options: { align?: Align; style?: RunStyle } = {}) =>
  para(text, { align: options.align ?? AlignmentType.LEFT, after: 0, style: { size: SIZE.table, ...options.style } });

function itemsTable(items: MinutesItem[], second: boolean): Table {
  const head = ["Mã", "Tiêu chí", "Tự chấm", second ? "Thẩm định vòng 1" : "Thẩm định", ...(second ? ["Điểm cuối cùng"] : []), "Lý do, giải trình"];
  // The code column holds "1.10.2" on one line at the table's size.
  const weights = second ? [1.9, 2.9, 1.5, 1.8, 1.8, 4.0] : [1.9, 4.0, 1.5, 1.9, 4.7];
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const reasons = (item: MinutesItem): Paragraph[] => {
    const lines = [`Lý do thẩm định: ${item.reason || "(không ghi)"}`];
    if (item.explanation) lines.push(`Giải trình của đơn vị: ${item.explanation}`);
    if (second && (item.finalReason || item.final !== undefined)) lines.push(`Lý do (vòng 2): ${item.finalReason || "(không ghi)"}`);
    return lines.map((l) => cellPara(l));
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((h, i) => tableCell([cellPara(h, { align: AlignmentType.CENTER, style: { bold: true } })], widths[i], true)),
      }),
      ...items.map(
        (item) =>
          new TableRow({
            cantSplit: true,
            children: [
              tableCell([cellPara(item.code, { align: AlignmentType.CENTER })], widths[0]),
              tableCell([cellPara(item.name), cellPara(`(tối đa ${points(item.max)} điểm)`, { style: { italic: true } })], widths[1]),
              tableCell([cellPara(score(item.self), { align: AlignmentType.CENTER })], widths[2]),
              tableCell([cellPara(score(item.appraised), { align: AlignmentType.CENTER })], widths[3]),
              ...(second ? [tableCell([cellPara(score(item.final ?? null), { align: AlignmentType.CENTER, style: { bold: true } })], widths[4])] : []),
              tableCell(reasons(item), widths[widths.length - 1]),
            ],
          }),
      ),
    ],
  });
}

function footer(issuer: MinutesIssuer, unit: string): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [`- ${unit};`, "- Hội đồng thẩm định;", `- Lưu: VT, ${bodyInitials(issuer.body)}.`];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          plainCell(
            [
              para("Nơi nhận:", { align: AlignmentType.LEFT, after: 0, style: { size: SIZE.recipientsHead, bold: true, italic: true } }),
              ...recipients.map((r) => para(r, { align: AlignmentType.LEFT, after: 0, style: { size: SIZE.recipients } })),
            ],
            left,
          ),
          plainCell(
            [
              ...issuer.signer.map((line) => para(line, { align: AlignmentType.CENTER, after: 0, style: { bold: true } })),
              // Space to sign and stamp.
              ...Array.from({ length: 4 }, () => para("", { align: AlignmentType.CENTER, after: 0 })),
              para(issuer.signerName ?? "", { align: AlignmentType.CENTER, after: 0, style: { bold: true } }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** The body's paragraphs: the grounds, the results of each round, the criteria changed. */
function body(m: AppraisalMinutes, issuer: MinutesIssuer): (Paragraph | Table)[] {
  const second = m.rounds === 2;
  const year = m.year === null ? "" : ` năm ${m.year}`;
  const out: (Paragraph | Table)[] = [
    para(`Căn cứ Bộ tiêu chí ${m.catalogName};`, { indent: true }),
    para(`Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính${year} của ${m.unit} (trang "${m.sheet}");`, { indent: true }),
    para(
      `Hội đồng thẩm định đã thẩm định kết quả tự đánh giá, chấm điểm của ${m.unit}${second ? " và xem xét giải trình của đơn vị" : ""}. ${usualCase(issuer.body)} lập biên bản thẩm định như sau:`,
      { indent: true },
    ),
    para("1. Kết quả chung", { indent: true, style: { bold: true }, keepNext: true }),
    para(`- Điểm tự đánh giá: ${points(m.points.self)}/${points(m.points.max)} điểm; chỉ số ${points(m.selfIndex)}.`, { indent: true }),
    para(
      `- Điểm thẩm định${second ? " vòng 1" : ""}: ${points(m.points.appraised)}/${points(m.points.max)} điểm; chỉ số ${points(m.appraisedIndex)}${second ? "." : ` (kết quả chính thức)${m.band ? `; xếp loại ${m.band}` : ""}.`}`,
      { indent: true },
    ),
  ];
  if (second) {
    out.push(
      para(`- Điểm cuối cùng sau giải trình: ${points(m.points.final)}/${points(m.points.max)} điểm; chỉ số ${points(m.finalIndex)} (kết quả chính thức)${m.band ? `; xếp loại ${m.band}` : ""}.`, {
        indent: true,
      }),
    );
  }
  out.push(para("2. Các tiêu chí được điều chỉnh điểm", { indent: true, style: { bold: true }, keepNext: true }));
  if (m.items.length === 0) {
    out.push(para("Không có tiêu chí nào có điểm thẩm định khác điểm tự đánh giá.", { indent: true }));
  } else {
    out.push(
      para(`Có ${m.items.length} tiêu chí có điểm thẩm định${second ? " hoặc điểm cuối cùng" : ""} khác điểm tự đánh giá (điểm tính theo thang điểm của từng tiêu chí):`, {
        indent: true,
        keepNext: true,
      }),
    );
    out.push(itemsTable(m.items, second));
  }
  out.push(para(`Biên bản được lập thành 02 bản có giá trị như nhau: 01 bản gửi ${m.unit}, 01 bản lưu tại ${usualCase(issuer.body)}.`, { indent: true, before: 120 }));
  return out;
}

/** The minutes' title: "BIÊN BẢN" and what it is about. */
export function minutesTitle(m: AppraisalMinutes): string {
  return `Thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính${m.year === null ? "" : ` năm ${m.year}`} của ${m.unit}`;
}

/** One unit's minutes as .docx bytes; `year`: the calendar year of the date line. */
export async function minutesDocx(m: AppraisalMinutes, issuer: MinutesIssuer, year: number): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    letterhead(issuer, year),
    para("BIÊN BẢN", { align: AlignmentType.CENTER, before: 360, after: 0, style: { bold: true } }),
    para(minutesTitle(m), { align: AlignmentType.CENTER, after: 0, style: { bold: true } }),
    shortLine(TEXT_WIDTH),
    ...body(m, issuer),
    footer(issuer, m.unit),
  ];
  const doc = new Document({
    creator: "PAR Scorer",
    title: `Biên bản thẩm định — ${m.unit}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGINS, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
          },
        },
        // Page numbers from the second page on, centred in the top margin (the first page shows none).
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
