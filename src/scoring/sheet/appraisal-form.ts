/**
 * An appraisal form (par appraise forms writes one per agency): a sheet whose header row is exactly
 * `Đơn vị | Mã | Tiêu chí | Điểm tối đa | Điểm tự chấm | Tài liệu kiểm chứng | Giải trình | Điểm thẩm định | Lý do`,
 * one row per unit and criterion. The council member types the last two columns; the pane's "Thẩm định" view reads
 * the rows here and checks what is typed (checkAppraisedScore) before it writes anything.
 */
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { Lang } from "../i18n/messages";
import { CellValue, formatNumber, readInput, readMax } from "../values";

/** The form's header, exactly (par appraise forms writes it; the contract). */
export const APPRAISAL_FORM_HEADER = ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"] as const;

/** How many rows from the top are searched for the header (a title may stand above it). */
const SEARCH_ROWS = 30;

export interface AppraisalFormRow {
  /** 0-based row of the grid. */
  row: number;
  unit: string;
  code: string;
  name: string;
  /** The criterion's maximum, null when the cell holds none. */
  max: number | null;
  /** The unit's self score as typed (shown, not interpreted). */
  self: CellValue;
  evidence: string;
  explanation: string;
  /** What the council member has typed so far. */
  appraised: CellValue;
  reason: string;
  /** A1 cells of the appraised score and the reason (the form's own last two columns). */
  appraisedCell: string;
  reasonCell: string;
}

export interface AppraisalForm {
  sheet: string;
  /** 0-based row of the header, and the 0-based columns of the appraised score and the reason. */
  headerRow: number;
  appraisedCol: number;
  reasonCol: number;
  /** Rows in sheet order (rows without a unit and a code are not the form's). */
  rows: AppraisalFormRow[];
  /** Units in order of first appearance. */
  units: string[];
}

const clean = (v: CellValue): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim();
};

function headerAt(grid: Grid, row: number, width: number): number | null {
  for (let col = 0; col + APPRAISAL_FORM_HEADER.length <= width; col++) {
    if (APPRAISAL_FORM_HEADER.every((h, i) => clean(cellAt(grid, row, col + i)) === h)) return col;
  }
  return null;
}

function maxOf(v: CellValue): number | null {
  try {
    return readMax(v);
  } catch {
    return null;
  }
}

/** The form on the sheet, or null when the sheet has no header row exactly as the form's. */
export function readAppraisalForm(grid: Grid): AppraisalForm | null {
  const width = gridWidth(grid);
  let headerRow = -1;
  let first = 0;
  for (let row = 0; row < Math.min(grid.values.length, SEARCH_ROWS); row++) {
    const col = headerAt(grid, row, width);
    if (col !== null) {
      headerRow = row;
      first = col;
      break;
    }
  }
  if (headerRow < 0) return null;
  const at = (row: number, i: number) => cellAt(grid, row, first + i);
  const rows: AppraisalFormRow[] = [];
  const units: string[] = [];
  for (let row = headerRow + 1; row < grid.values.length; row++) {
    const unit = clean(at(row, 0));
    const code = clean(at(row, 1));
    if (!unit || !code) continue;
    if (!units.includes(unit)) units.push(unit);
    rows.push({
      row,
      unit,
      code,
      name: clean(at(row, 2)),
      max: maxOf(at(row, 3)),
      self: at(row, 4) ?? null,
      evidence: clean(at(row, 5)),
      explanation: clean(at(row, 6)),
      appraised: at(row, 7) ?? null,
      reason: clean(at(row, 8)),
      appraisedCell: a1(row, first + 7),
      reasonCell: a1(row, first + 8),
    });
  }
  return { sheet: grid.name, headerRow, appraisedCol: first + 7, reasonCol: first + 8, rows, units };
}

/**
 * A score typed in the pane for a form's row: blank (nothing to write: null), or points within 0..max ("0,5" and
 * "0.5" alike). Anything else is an error saying what was typed, where, and what to type instead.
 */
export function checkAppraisedScore(text: string, row: Pick<AppraisalFormRow, "code" | "unit" | "max" | "appraisedCell">, lang: Lang = "vi"): { value: number | null } | { error: string } {
  const typed = text.trim();
  if (!typed) return { value: null };
  let value: number | null = null;
  try {
    const input = readInput(typed);
    if (input.kind === "number" && !input.percent && !input.date) value = input.value;
  } catch {
    value = null;
  }
  const max = row.max;
  if (value !== null && value >= 0 && (max === null || value <= max + 0.005)) return { value };
  const range = max === null ? (lang === "en" ? "0 or more" : "từ 0 trở lên") : lang === "en" ? `0 to ${formatNumber(max, "en")}` : `từ 0 đến ${formatNumber(max, "vi")}`;
  return {
    error:
      lang === "en"
        ? `The appraised score of criterion ${row.code} (${row.unit}, cell ${row.appraisedCell}) must be a number ${range}; "${typed}" was typed. Type the points, e.g. ${formatNumber(max ?? 1, "en")}`
        : `Điểm thẩm định của tiêu chí ${row.code} (${row.unit}, ô ${row.appraisedCell}) phải là số ${range}; đang nhập "${typed}". Nhập số điểm, ví dụ ${formatNumber(max ?? 1, "vi")}`,
  };
}
