/**
 * Native Excel charts for the workbooks the CLI writes. exceljs writes no charts, so after it has written the
 * package the chart parts (DrawingML) are added to it: for each chart a chart part (c:chartSpace, a clustered bar
 * chart whose series refer to the sheet's own cells, with the values cached so a reader draws it without
 * recalculating), a drawing part anchoring it at its cell, and the relationships and content types that tie them to
 * the worksheet. Excel and LibreOffice open the result; a reader can copy the chart into Word.
 */
import { XlsxPackage } from "./package";
import { packageBytes } from "./zip-write";
import { parseA1 } from "../../scoring/grid";
import { ChartIntent, chartSizeCm } from "../../scoring/report/sheet-spec";

export interface SheetChart {
  /** The worksheet's name, as written. */
  sheet: string;
  chart: ChartIntent;
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

/** Series colours: the report palette's blue, orange, grey, gold, green, then darker shades. */
const COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "70AD47", "264478", "9E480E", "636363"];

const EMU_PER_CM = 360_000;

/**
 * How far below the top of its anchor row a chart starts (0,1 cm). The rows above a chart end a printed page (a
 * page break starts the chart's page): a chart flush with the row's top border is also drawn on the page before,
 * clipped to a sliver nobody sees but whose text PDF readers and screen readers still find there.
 */
const TOP_OFFSET_EMU = 36_000;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);
}

function unesc(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

/** 'Sheet name'!$A$1:$A$5 for a range of a sheet. */
function absoluteRef(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
    .join(":");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

function strCache(values: string[]): string {
  return `<c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("")}`;
}

function numCache(values: number[]): string {
  const points = values.map((v, i) => (Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}`;
}

/** The chart part: a clustered bar chart, categories top to bottom as in the table, the value axis below. */
export function chartXml(sheet: string, chart: ChartIntent): string {
  const data = chart.dataSheet ?? sheet;
  const categories = chart.categoriesRange
    ? `<c:cat><c:strRef><c:f>${esc(absoluteRef(data, chart.categoriesRange))}</c:f><c:strCache>${strCache(chart.categories)}</c:strCache></c:strRef></c:cat>`
    : `<c:cat><c:strLit>${strCache(chart.categories)}</c:strLit></c:cat>`;
  const series = chart.series
    .map((s, i) => {
      const values = s.range
        ? `<c:val><c:numRef><c:f>${esc(absoluteRef(data, s.range))}</c:f><c:numCache>${numCache(s.values)}</c:numCache></c:numRef></c:val>`
        : `<c:val><c:numLit>${numCache(s.values)}</c:numLit></c:val>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="#,##0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:showLegendKey val="0"/><c:showVal val="${chart.series.length === 1 ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
        `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `${categories}${values}</c:ser>`
      );
    })
    .join("");
  const text = (body: string) => `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>${body}</a:p></c:rich></c:tx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title>${text(`<a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${esc(chart.title)}</a:t></a:r>`)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The chart's size in EMU, as the core sizes it (chartSizeCm: the rows left for it fit it). */
export function chartSize(chart: ChartIntent): { cx: number; cy: number } {
  const { width, height } = chartSizeCm(chart);
  return { cx: Math.round(width * EMU_PER_CM), cy: Math.round(height * EMU_PER_CM) };
}

function drawingXml(anchors: { chart: ChartIntent; relId: string; index: number }[]): string {
  const body = anchors
    .map(({ chart, relId, index }) => {
      const at = parseA1(chart.anchor) ?? { row: 0, col: 0 };
      const { cx, cy } = chartSize(chart);
      return (
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>${TOP_OFFSET_EMU}</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${body}</xdr:wsDr>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join("") +
    `</Relationships>`
  );
}

function parseRels(xml: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    out.push({ id: attr("Id"), type: attr("Type"), target: unesc(attr("Target")) });
  }
  return out;
}

function nextId(rels: { id: string }[]): string {
  const used = rels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0));
  return `rId${Math.max(0, ...used) + 1}`;
}

/** Elements that come after <drawing> in a worksheet (schema order): the drawing goes before the first of them. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function withDrawing(sheetXml: string, relId: string): string {
  let at = sheetXml.lastIndexOf("</worksheet>");
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)![0];
  const declared = root.includes(`xmlns:r="${NS.rel}"`);
  const head = declared ? sheetXml : sheetXml.replace(root, root.replace(/>$/, ` xmlns:r="${NS.rel}">`));
  const shift = head.length - sheetXml.length;
  return `${head.slice(0, at + shift)}<drawing r:id="${relId}"/>${head.slice(at + shift)}`;
}

/** The worksheet part of each sheet name: xl/worksheets/sheetN.xml. */
export function sheetParts(pkg: XlsxPackage): Map<string, string> {
  const workbook = pkg.text("xl/workbook.xml")!;
  const rels = parseRels(pkg.text("xl/_rels/workbook.xml.rels")!);
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = unesc(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? "");
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const target = rels.find((r) => r.id === rid)?.target;
    if (!target) continue;
    parts.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  return parts;
}

function freeNumber(pkg: XlsxPackage, prefix: string): () => number {
  let n = 0;
  return () => {
    do n++;
    while (pkg.has(`${prefix}${n}.xml`));
    return n;
  };
}

/**
 * Adds the charts to an .xlsx package (as written by exceljs) and returns the new package. Sheets are named as
 * written; a sheet that already has a drawing, or a name not in the workbook, is an error (a bug, not bad input).
 */
export async function addCharts(xlsx: Buffer, charts: SheetChart[], compression: { level: number } = { level: 6 }): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const pkg = withCharts(XlsxPackage.read(xlsx), charts);
  return packageBytes(pkg, compression.level);
}

/** The charts added to the opened package, not yet compressed again (write.ts compresses it with zlib). */
export function withCharts(pkg: XlsxPackage, charts: SheetChart[]): XlsxPackage {
  if (charts.length === 0) return pkg;
  const parts = sheetParts(pkg);
  const nextChart = freeNumber(pkg, "xl/charts/chart");
  const nextDrawing = freeNumber(pkg, "xl/drawings/drawing");
  let types = pkg.text("[Content_Types].xml")!;
  const overrides: string[] = [];

  const bySheet = new Map<string, ChartIntent[]>();
  for (const { sheet, chart } of charts) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), chart]);
  for (const [sheet, intents] of bySheet) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`addCharts: no sheet "${sheet}" in the workbook`);
    const dir = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    const sheetRelsPath = `${dir}/_rels/${file}.rels`;
    const sheetRelsXml = pkg.text(sheetRelsPath);
    const sheetRels = sheetRelsXml !== null ? parseRels(sheetRelsXml) : [];
    if (sheetRels.some((r) => r.type === NS.drawingRel)) throw new Error(`addCharts: sheet "${sheet}" already has a drawing`);

    const drawing = nextDrawing();
    const drawingRels: { id: string; type: string; target: string }[] = [];
    const anchors = intents.map((chart, index) => {
      const n = nextChart();
      const relId = `rId${index + 1}`;
      pkg.set(`xl/charts/chart${n}.xml`, chartXml(sheet, chart));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
      drawingRels.push({ id: relId, type: NS.chartRel, target: `../charts/chart${n}.xml` });
      return { chart, relId, index };
    });
    pkg.set(`xl/drawings/drawing${drawing}.xml`, drawingXml(anchors));
    pkg.set(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const relId = nextId(sheetRels);
    sheetRels.push({ id: relId, type: NS.drawingRel, target: `../drawings/drawing${drawing}.xml` });
    pkg.set(sheetRelsPath, relsXml(sheetRels));
    pkg.set(part, withDrawing(pkg.text(part)!, relId));
  }
  types = types.replace("</Types>", `${overrides.join("")}</Types>`);
  pkg.set("[Content_Types].xml", types);
  return pkg;
}
