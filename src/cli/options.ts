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
