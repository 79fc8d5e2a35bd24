/**
 * Links in evidence cells: a cell's hyperlink (Grid.links) or an =HYPERLINK("target", "text") formula. The text a
 * unit shows ("Kèm theo", "Xem tại đây") says nothing about where the link goes: the target is what is checked.
 */
import { dangerousScheme } from "../evidence";
import { fold } from "../fold";
import { formulaAt, Grid, parseA1 } from "../grid";

/** The target of =HYPERLINK("…", …) when it is a literal string; null otherwise. */
export function hyperlinkFormulaTarget(formula: string | null | undefined): string | null {
  if (!formula) return null;
  const m = /^=?\s*(?:_xlfn\.)?HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i.exec(formula.trim());
  return m ? m[1].replace(/""/g, '"') : null;
}

/** The link behind a cell (its hyperlink, else a HYPERLINK formula's target), or null. */
export function linkAt(grid: Grid | undefined, address: string): string | null {
  if (!grid) return null;
  const at = parseA1(address);
  if (!at) return null;
  const link = grid.links?.[at.row]?.[at.col];
  if (typeof link === "string" && link.trim() !== "") return link.trim();
  return hyperlinkFormulaTarget(formulaAt(grid, at.row, at.col));
}

/**
 * The scheme of a link target that would run code or reach another computer when opened: javascript:, vbscript:,
 * data:, any file: link, and network paths (\\server\share, //server/share). Null for a safe target.
 */
export function dangerousLink(target: string): string | null {
  const t = target.trim().replace(/[\s\p{Cc}]+/gu, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1].toLowerCase();
  if (scheme === "javascript" || scheme === "vbscript" || scheme === "data" || scheme === "livescript" || scheme === "file") return `${scheme}:`;
  if (/^(?:\\\\|\/\/)[^\\/]/.test(t)) return "\\\\";
  return dangerousScheme(target);
}

/** Whether a safe link target names a file beside the workbook (a relative path, not a web address or a cell). */
export function isLocalFileLink(target: string): boolean {
  const t = target.trim();
  if (t === "" || t.startsWith("#") || dangerousLink(t) !== null) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^[a-z]:[\\/]/i.test(t)) return false;
  if (/^www\./i.test(t)) return false;
  return /\.[a-z0-9]{2,5}$/i.test(t);
}

/** Words that mean "no document" in an evidence cell. */
const NONE = new Set(["khong co", "chua co", "chua", "khong", "-", "--", "0", "…", "...", "..", "x", "n/a", "khong co tai lieu", "chua co tai lieu", "khong co tlkc", "chua co tlkc"]);

/** Whether a line of an evidence cell says there is no document ("Không có", "Chưa có", "Chưa", "-", "0", "…"). */
export function isNoEvidence(text: string): boolean {
  if (text.length > 24) return false;
  const f = fold(text).trim();
  return NONE.has(f) || NONE.has(f.replace(/[.;:,]$/, "").trim());
}
