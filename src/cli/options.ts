/** Options shared by several commands. */
import { Option } from "commander";
import { CliError } from "./errors";
import { DEFAULT_MAX_CELLS, parseMaxCells } from "./workbook/limits";

export function langOption(description = "ngôn ngữ (language)"): Option {
  return new Option("--lang <lang>", description).choices(["vi", "en"]).default("vi");
}

/** The only way to replace an existing output file; a command's own input is never replaced (outputs.ts). */
export function forceOption(): Option {
  return new Option("--force", "ghi đè tệp kết quả đã có (replace an existing output file; never an input)");
}

/** The legacy Vietnamese encoding of a workbook's text (workbook/legacy-text.ts); without it, detected. */
export function encodingOption(): Option {
  return new Option(
    "--encoding <encoding>",
    "bảng mã của chữ trong sổ tính: tcvn3 (ABC, .VnTime), vni (VNI-Times) hoặc unicode; mặc định tự nhận ra (text encoding of the workbook; detected by default)",
  ).choices(["tcvn3", "vni", "unicode"]);
}

/** --evidence DIR: the folder of evidence documents each citation is checked against. */
export function evidenceOption(perWorkbook = false): Option {
  return new Option(
    "--evidence <dir>",
    perWorkbook
      ? "thư mục tài liệu kiểm chứng: mỗi sổ tính một thư mục con cùng tên (evidence folder: one sub-folder per workbook, named like it)"
      : "thư mục tài liệu kiểm chứng (PDF, .docx…): đối chiếu từng văn bản trích dẫn với tệp (evidence folder: check each citation against the files)",
  );
}

/** --ocr: read images and scanned PDFs with OCR (tesseract.js, Vietnamese). */
export function ocrOption(): Option {
  return new Option("--ocr", "đọc cả ảnh và PDF scan bằng nhận dạng chữ (read images and scanned PDFs with OCR)");
}

/** Hidden and very hidden sheets are never read as units unless asked (a hidden sheet is often last year's copy). */
export function includeHiddenOption(): Option {
  return new Option("--include-hidden", "đọc cả các trang ẩn như trang tự chấm điểm (also read hidden and very hidden sheets as unit sheets)");
}

/** --year: a four-digit year. */
export function yearOption(description: string): Option {
  return new Option("--year <year>", description).argParser((v) => {
    if (!/^\d{4}$/.test(v.trim())) throw new CliError(`--year cần một năm có bốn chữ số (đang là "${v}")`, `--year takes a four-digit year (got "${v}")`);
    return v.trim();
  });
}

/**
 * How many cells (and shared strings) of a workbook are read before PAR Scorer stops (workbook/limits.ts): the
 * bound on memory for any file. The value is a whole number of cells ("2000000", "2 000 000", "2.000.000").
 */
export function maxCellsOption(): Option {
  return new Option(
    "--max-cells <n>",
    `đọc tối đa ngần này ô có dữ liệu của một sổ tính, mặc định ${DEFAULT_MAX_CELLS} (read at most this many cells of a workbook; default ${DEFAULT_MAX_CELLS})`,
  ).argParser((v) => {
    const n = parseMaxCells(v);
    if (n === null) {
      throw new CliError(`--max-cells cần một số nguyên dương, ví dụ --max-cells 2000000 (đang là "${v}")`, `--max-cells takes a positive whole number, e.g. --max-cells 2000000 (got "${v}")`);
    }
    return n;
  });
}
