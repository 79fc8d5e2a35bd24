/** The HTML report's evidence table: per criterion, which file matched which citation, and the files nobody cites. */
import { EvidenceDocument, EvidenceMatch, Lang } from "../../scoring";
import { statusText, uncitedFiles } from "../evidence/workbook-evidence";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function evidenceTableHtml(matches: readonly EvidenceMatch[], documents: readonly EvidenceDocument[] | undefined, lang: Lang): string {
  if (matches.length === 0 && !documents) return "";
  const en = lang === "en";
  const head = en ? ["Criterion", "Cell", "Citation", "File", "Result"] : ["Tiêu chí", "Ô", "Văn bản trích dẫn", "Tệp", "Kết quả"];
  const rows = matches.map(
    (m) =>
      `<tr><td>${esc(m.code)}</td><td>${esc(m.cell)}</td><td>${esc(m.citation)}</td><td>${m.file ? esc(m.file) : "—"}${m.source === "ocr" ? " (OCR)" : ""}</td><td>${esc(statusText(m.status, lang))}</td></tr>`,
  );
  const uncited = uncitedFiles(documents, matches);
  const title = en ? "Evidence checked against the files" : "Đối chiếu tài liệu kiểm chứng";
  const uncitedHtml =
    uncited.length > 0
      ? `<p>${en ? "Files no criterion cites (information)" : "Tệp không tiêu chí nào trích dẫn (thông tin)"}: ${uncited.map((d) => esc(d.name)).join(", ")}</p>`
      : "";
  return `<section class="sheet" id="evidence" aria-labelledby="evidence-h">\n<h2 id="evidence-h">${title}</h2>\n<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>\n${uncitedHtml}\n</section>`;
}
