/**
 * A ranking workbook given to `par report` (as its input, or as last year's with --previous): its ranking data
 * (ranking-data.ts). A ranking written before that data existed, or another workbook PAR Scorer wrote, is refused
 * with what to do: run `par aggregate` again.
 */
import { statSync } from "node:fs";
import { CliError } from "../errors";
import { isGeneratedWorkbook, readWorkbook, WorkbookData, WorkbookError } from "../xlsx/read";
import { ReadLimits } from "../workbook/limits";
import { hasRankingData, RankingData, readRankingData } from "./ranking-data";

/** The workbook at `path` when it is one PAR Scorer wrote (a ranking, or something else it generated); else null. */
export async function generatedWorkbook(path: string, limits?: ReadLimits): Promise<WorkbookData | null> {
  try {
    if (!statSync(path).isFile()) return null;
  } catch {
    return null;
  }
  // A workbook past the reading limits (or with a cell beyond Excel's) is said as such, not taken for a unit's.
  const data = await readWorkbook(path, limits).catch((e: unknown) => {
    if (e instanceof WorkbookError && (e.code === "over-limit" || e.code === "damaged-reference")) throw e;
    return null;
  });
  return data && (hasRankingData(data) || isGeneratedWorkbook(data)) ? data : null;
}

/** The ranking data of a workbook PAR Scorer wrote; a CliError saying to re-run `par aggregate` when it has none. */
export function rankingDataOf(data: WorkbookData, file: string): RankingData {
  const ranking = readRankingData(data);
  if (ranking) return ranking;
  throw new CliError(
    `${file} không có dữ liệu xếp hạng mà par report cần (trang ẩn "_par_data"): đây là bảng xếp hạng ghi bằng phiên bản PAR Scorer cũ hơn, hoặc không phải bảng xếp hạng. Chạy lại "par aggregate THƯ_MỤC -o ${file} --force" để ghi lại bảng xếp hạng, rồi chạy lại lệnh này.`,
    `${file} holds no ranking data for par report (the hidden sheet "_par_data"): it is a ranking written by an older PAR Scorer, or not a ranking. Run "par aggregate FOLDER -o ${file} --force" again to rewrite the ranking, then run this command again.`,
    "no-ranking-data",
  );
}

/** Last year's ranking (--previous): a ranking workbook with its data, else a CliError saying what to do. */
export async function previousRanking(file: string, limits?: ReadLimits): Promise<RankingData> {
  const data = await readWorkbook(file, limits);
  if (!hasRankingData(data) && !isGeneratedWorkbook(data)) {
    throw new CliError(
      `${file} (--previous) không phải bảng xếp hạng do "par aggregate" ghi. Đưa bảng xếp hạng năm trước (tệp .xlsx do par aggregate ghi), hoặc chạy "par aggregate" trên sổ tính năm trước để có nó.`,
      `${file} (--previous) is not a ranking written by "par aggregate". Give last year's ranking workbook (the .xlsx par aggregate wrote), or run "par aggregate" on last year's workbooks to get one.`,
      "not-a-ranking",
    );
  }
  return rankingDataOf(data, file);
}
