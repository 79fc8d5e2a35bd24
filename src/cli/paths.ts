/** OUT.xlsx → OUT.html: the report with charts written beside a generated workbook. */
export function htmlPathFor(xlsxPath: string): string {
  return xlsxPath.replace(/\.xlsx$/i, "") + ".html";
}
