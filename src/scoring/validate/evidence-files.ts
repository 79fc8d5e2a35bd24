/**
 * evidence-not-found, evidence-mismatch, evidence-out-of-period, evidence-unreadable: each citation of a criterion
 * checked against the documents of the evidence folder (by content), and each link behind an evidence cell
 * (dangerous targets are evidence-invalid; a local file that does not exist is evidence-not-found).
 */
import { CellValue, formatDate } from "../values";
import { DocumentParts, KIND_NAMES, numberKey, parseCitation } from "../evidence/document";
import { assessmentPeriod, describeParts, EvidenceDocument, findCitation, isCheckable } from "../evidence/files";
import { dangerousLink, isLocalFileLink } from "../evidence/links";
import { CheckContext, finding } from "./context";
import { SourcedDoc } from "./evidence-sources";
import { Finding } from "./types";

/** The assessed year: the catalogue's, else the one the sheet states. */
function yearOf(ctx: CheckContext): number | null {
  return ctx.catalog.year ?? ctx.unit.year ?? null;
}

function ocrNote(ctx: CheckContext, doc: EvidenceDocument): string {
  if (doc.source !== "ocr") return "";
  return ctx.lang === "en" ? " (read by OCR: check the digits)" : " (chữ đọc bằng OCR: kiểm tra lại các chữ số)";
}

function outOfPeriod(ctx: CheckContext, code: string, cell: string, citation: string, doc: EvidenceDocument | null, date: number | null): Finding[] {
  const year = yearOf(ctx);
  if (year === null || date === null) return [];
  const period = assessmentPeriod(year);
  if (date >= period.from && date <= period.to) return [];
  const key = date > period.to ? "evidence-out-of-period.after" : "evidence-out-of-period.before";
  return [
    finding(ctx, "evidence-out-of-period", "error", code, cell, key, {
      doc: citation,
      file: doc?.name ?? "",
      date: formatDate(date),
      words: doc?.parts?.dateText ?? formatDate(date),
      year,
      from: formatDate(period.from),
      to: formatDate(period.to),
    }),
  ];
}

/** Why the closest file is not the cited one, in a few words. */
function whyNot(ctx: CheckContext, citation: DocumentParts, parts: DocumentParts | null): string {
  const en = ctx.lang === "en";
  if (!parts) return en ? "it has no readable text" : "tệp không có chữ đọc được";
  const reasons: string[] = [];
  if (citation.number && (!parts.number || numberKey(parts.number) !== numberKey(citation.number))) {
    reasons.push(parts.number ? (en ? `its number is ${parts.number}` : `số của tệp là ${parts.number}`) : en ? "it has no number" : "tệp không ghi số");
  }
  if (citation.date !== null && parts.date !== citation.date) {
    reasons.push(parts.date !== null ? (en ? `it is dated ${formatDate(parts.date)}` : `tệp đề ngày ${formatDate(parts.date)}`) : en ? "it states no date" : "tệp không ghi ngày");
  }
  if (citation.kind !== null && parts.kind !== null && parts.kind !== citation.kind) {
    reasons.push(en ? `it is a ${KIND_NAMES[parts.kind]?.en ?? parts.kind}` : `tệp là ${KIND_NAMES[parts.kind]?.vi ?? parts.kind}`);
  }
  return reasons.join(en ? "; " : "; ");
}

/** " (2 tệp không có chữ: "a.pdf", "b.jpg" — ảnh quét, chạy lại với --ocr)", when some files gave no text. */
function silentNote(ctx: CheckContext, silent: readonly EvidenceDocument[]): string {
  if (silent.length === 0) return "";
  const names = silent.slice(0, 3).map((d) => `"${d.name}"`).join(", ") + (silent.length > 3 ? "…" : "");
  const scans = silent.some((d) => d.problem === "scan") && !ctx.evidence?.ocr;
  return ctx.lang === "en"
    ? ` (${silent.length} files gave no text: ${names}${scans ? "; scans: run again with --ocr" : ""})`
    : ` (${silent.length} tệp không có chữ: ${names}${scans ? "; là ảnh quét: chạy lại với --ocr" : ""})`;
}

/** Each citation of one criterion, against the evidence folder's documents. */
export function checkAgainstFiles(ctx: CheckContext, code: string, cell: string, docs: readonly SourcedDoc[]): Finding[] {
  const documents = ctx.evidence?.documents ?? [];
  const out: Finding[] = [];
  for (const doc of docs) {
    if (doc.kind !== "reference" && doc.kind !== "text") continue;
    const citation = parseCitation(doc.text);
    if (!isCheckable(citation)) continue;
    const outcome = findCitation(citation, documents);
    const record = (status: "found" | "mismatch" | "not-found" | "out-of-period" | "unreadable", file: EvidenceDocument | null) =>
      ctx.matches?.push({ sheet: ctx.unit.sheet, code, cell: doc.sheet === ctx.unit.sheet ? cell : `'${doc.sheet}'!${doc.cell}`, citation: doc.text, status, file: file?.name ?? null, source: file?.source ?? null });
    switch (outcome.status) {
      case "found": {
        const late = outOfPeriod(ctx, code, cell, doc.text, outcome.document, outcome.document.parts?.date ?? citation.date);
        out.push(...late);
        record(late.length > 0 ? "out-of-period" : "found", outcome.document);
        break;
      }
      case "mismatch": {
        const parts = outcome.document.parts!;
        out.push(
          finding(ctx, "evidence-mismatch", "error", code, cell, outcome.reason === "date" ? "evidence-mismatch.date" : "evidence-mismatch.issuer", {
            doc: doc.text,
            file: outcome.document.name,
            number: parts.number ?? "",
            words: outcome.reason === "date" ? (parts.dateText ?? (parts.date !== null ? formatDate(parts.date) : "")) : (parts.issuer ?? parts.number ?? ""),
            cited: citation.date !== null ? formatDate(citation.date) : "",
            ocr: ocrNote(ctx, outcome.document),
          }),
        );
        record("mismatch", outcome.document);
        break;
      }
      case "unreadable": {
        const names = outcome.documents.map((d) => `"${d.name}"`);
        const scans = outcome.documents.some((d) => d.problem === "scan");
        out.push(
          finding(ctx, "evidence-unreadable", "warning", code, cell, scans && !ctx.evidence?.ocr ? "evidence-unreadable.scan" : "evidence-unreadable.text", {
            doc: doc.text,
            files: names.slice(0, 5).join(", ") + (names.length > 5 ? ` (+${names.length - 5})` : ""),
            count: outcome.documents.length,
          }),
        );
        record("unreadable", null);
        break;
      }
      case "not-found": {
        const closest = outcome.closest;
        out.push(
          closest
            ? finding(ctx, "evidence-not-found", "error", code, cell, "evidence-not-found.closest", {
                doc: doc.text,
                count: documents.length,
                file: closest.name,
                what: describeParts(closest.parts, ctx.lang),
                why: whyNot(ctx, citation, closest.parts),
                silent: silentNote(ctx, outcome.unreadable),
              })
            : finding(ctx, "evidence-not-found", "error", code, cell, "evidence-not-found.none", { doc: doc.text, count: documents.length, silent: silentNote(ctx, outcome.unreadable) }),
        );
        // The closest file is named in the message; the account says no file carries the citation.
        record("not-found", null);
        break;
      }
    }
  }
  return out;
}

function shownText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return value instanceof Date ? formatDate(Math.round(value.getTime() / 86_400_000) + 25_569) : String(value).trim();
}

/** The link behind an evidence cell: a dangerous target is evidence-invalid; a local file is followed. */
export function checkLink(ctx: CheckContext, code: string, cell: string, value: CellValue | undefined, link: string): Finding[] {
  const shown = shownText(value);
  const scheme = dangerousLink(link);
  if (scheme !== null) {
    // A cell that shows the target itself was reported as a document of the cell (evidence-invalid.dangerous).
    if (shown === link) return [];
    return [finding(ctx, "evidence-invalid", "error", code, cell, "evidence-invalid.hiddenLink", { doc: shown, target: link.slice(0, 120), scheme })];
  }
  if (!isLocalFileLink(link)) return [];
  const files = ctx.evidence?.localFiles;
  if (!files || !files.has(link)) return [];
  const file = files.get(link) ?? null;
  if (file === null) {
    ctx.matches?.push({ sheet: ctx.unit.sheet, code, cell, citation: link, status: "not-found", file: null, source: null });
    return [finding(ctx, "evidence-not-found", "error", code, cell, "evidence-not-found.link", { doc: shown, target: link })];
  }
  if (file.parts === null) {
    ctx.matches?.push({ sheet: ctx.unit.sheet, code, cell, citation: link, status: "unreadable", file: file.name, source: null });
    return [
      finding(ctx, "evidence-unreadable", "warning", code, cell, file.problem === "scan" && !ctx.evidence?.ocr ? "evidence-unreadable.scanLink" : "evidence-unreadable.link", {
        doc: shown,
        file: file.name,
      }),
    ];
  }
  const late = outOfPeriod(ctx, code, cell, shown || link, file, file.parts.date);
  ctx.matches?.push({ sheet: ctx.unit.sheet, code, cell, citation: link, status: late.length > 0 ? "out-of-period" : "found", file: file.name, source: file.source });
  return late;
}
