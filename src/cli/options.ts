/** Options shared by several commands. */
import { Option } from "commander";

export function langOption(description = "ngôn ngữ (language)"): Option {
  return new Option("--lang <lang>", description).choices(["vi", "en"]).default("vi");
}

/** The only way to replace an existing output file; a command's own input is never replaced (outputs.ts). */
export function forceOption(): Option {
  return new Option("--force", "ghi đè tệp kết quả đã có (replace an existing output file; never an input)");
}
