import { CliError } from "./errors";

/** OUT.xlsx → OUT.html: the report with charts written beside a generated workbook. */
export function htmlPathFor(xlsxPath: string): string {
  return xlsxPath.replace(/\.xlsx$/i, "") + ".html";
}

/** Throws a CliError unless `output` names an .xlsx file. */
export function requireXlsxOutput(output: string): void {
  if (!/\.xlsx$/i.test(output)) {
    throw new CliError(`Tệp kết quả phải có đuôi .xlsx (đang là ${output})`, `The output must end in .xlsx (it is ${output})`);
  }
}
