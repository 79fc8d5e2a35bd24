/** Options shared by several commands. */
import { Option } from "commander";

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
