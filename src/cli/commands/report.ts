/**
 * `par report INPUT… -o BAO-CAO.docx`: the province's annual PAR Index report as a Word document (docx-report.ts).
 * INPUT is the units' workbooks (files or folders, scored as `par aggregate` scores them) or one ranking workbook
 * `par aggregate` wrote; `--previous LAST.xlsx` (last year's ranking workbook) adds each unit's change.
 */
import { basename } from "node:path";
import { Command } from "commander";
import { Lang, Ranking, topLosses } from "../../scoring";
import { count } from "../count";
import { CliError } from "../errors";
import { Io } from "../io";
import { encodingOption, forceOption, langOption, maxCellsOption, yearOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { changesAcrossMerger, mergerSaid, provinceFor } from "../aggregate/official-units";
import { generatedWorkbook, previousRanking, rankingDataOf } from "../report/ranking-input";
import { RankingData } from "../report/ranking-data";
import { scoreUnits, unitInputs } from "../report/score-units";
import { LegacyEncoding } from "../workbook/legacy-text";
import { bandsOption } from "./summary";

interface Options {
  output: string;
  previous?: string;
  province?: string;
  year?: string;
  groups?: string[];
  catalog?: string;
  bands?: string;
  survey?: string;
  encoding?: LegacyEncoding | "unicode";
  maxCells?: number;
  force?: boolean;
  lang: Lang;
}

/** Throws a CliError unless `output` names a .docx file. */
function requireDocxOutput(output: string): void {
  if (!/\.docx$/i.test(output)) {
    throw new CliError(`Tệp báo cáo phải có đuôi .docx (đang là ${output})`, `The report must end in .docx (it is ${output})`);
  }
}


/** Today as the calendar day where the command runs. */
/** The assessment year most units of the ranking state (their sheets' titles, their catalogues), or null. */
function commonYear(ranking: Ranking): number | null {
  const counts = new Map<number, number>();
  for (const e of ranking.groups.flatMap((g) => g.entries)) if (typeof e.year === "number") counts.set(e.year, (counts.get(e.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && y > best)) best = y;
  return best;
}

function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function registerReport(par: Command, io: Io): void {
  par
    .command("report")
    .description("Báo cáo kết quả Chỉ số CCHC của tỉnh thành tệp Word (the province's annual PAR Index report, as a Word document)")
    .argument("<paths...>", "sổ tính của các đơn vị hoặc thư mục chứa chúng, hoặc một bảng xếp hạng do par aggregate ghi (unit workbooks or folders, or one ranking workbook)")
    .requiredOption("-o, --output <report.docx>", "tệp báo cáo .docx (the report)")
    .option("--previous <last.xlsx>", "bảng xếp hạng năm trước (do par aggregate ghi) để so sánh; đơn vị sắp xếp năm 2025 so với bình quân các đơn vị cũ (last year's ranking workbook)")
    .option("--province <name>", "tỉnh, thành phố của các đơn vị, để tìm đơn vị cũ của các xã, phường mới (the units' province)")
    .addOption(yearOption("năm của báo cáo; mặc định: năm đánh giá ghi trong các bảng (tiêu đề trang, bộ tiêu chí), nếu không có thì năm trước năm hiện tại (the year reported on; default: the units' assessment year, else last calendar year)"))
    .option(
      "-g, --groups <groups...>",
      'nhóm xếp hạng riêng: "ĐƯỜNG_DẪN=Tên nhóm" … hoặc "folder"; không có: sở, phường, xã và đặc khu xếp riêng theo tên đơn vị (rank groups apart; default: departments, wards, communes with special zones)',
    )
    .option("-c, --catalog <id|file>", "bộ tiêu chí cho mọi tệp (catalogue for every file)")
    .addOption(bandsOption())
    .option("--survey <survey.xlsx>", "bảng điểm điều tra xã hội học (survey points: unit × criterion code)")
    .addOption(encodingOption())
    .addOption(maxCellsOption())
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (paths: string[], opts: Options) => {
      const en = opts.lang === "en";
      requireDocxOutput(opts.output);
      const limits = opts.maxCells ? { maxCells: opts.maxCells } : undefined;
      const rankingBook = paths.length === 1 ? await generatedWorkbook(paths[0], limits) : null;
      const scoringOptions = [opts.groups && "--groups", opts.catalog && "--catalog", opts.bands && "--bands", opts.survey && "--survey", opts.encoding && "--encoding"].filter(Boolean);
      if (rankingBook && scoringOptions.length > 0) {
        throw new CliError(
          `${paths[0]} là bảng xếp hạng đã chấm; ${scoringOptions.join(", ")} chỉ dùng khi đưa sổ tính của các đơn vị. Bỏ các tùy chọn đó, hoặc đưa thư mục sổ tính thay cho bảng xếp hạng.`,
          `${paths[0]} is a ranking, already scored; ${scoringOptions.join(", ")} apply only to units' workbooks. Leave them out, or give the workbooks' folder instead of the ranking.`,
        );
      }
      const units = rankingBook ? null : unitInputs(paths, opts);
      const inputs = [...(units ? units.files : paths), ...(opts.survey ? [opts.survey] : []), ...(opts.previous ? [opts.previous] : [])];
      const plan = await planOutputs([opts.output], { inputs, force: opts.force });
      const previous = opts.previous ? await previousRanking(opts.previous, limits) : null;
      const data: RankingData = rankingBook ? rankingDataOf(rankingBook, paths[0]) : await scoreUnits(units!, opts, io);

      const province = provinceFor(opts.province, []);
      const changes = previous ? changesAcrossMerger(previous.ranking, data.ranking, province, opts.lang) : null;
      const date = today();
      const year = opts.year ? Number(opts.year) : (commonYear(data.ranking) ?? date.getUTCFullYear() - 1);
      // docx and resvg are loaded only to write the report (main.ts registers every command at each start).
      const { reportDocx } = require("../report/docx-report") as typeof import("../report/docx-report");
      const docx = await reportDocx({
        lang: opts.lang,
        year,
        date,
        ranking: data.ranking,
        losses: topLosses(data.losses, 10),
        ...(changes && opts.previous ? { previous: { file: basename(opts.previous), changes } } : {}),
      });
      await writeOutputs(plan, [{ path: opts.output, data: docx }]);

      const n = data.ranking.groups.reduce((k, g) => k + g.entries.length, 0);
      const groups = data.ranking.groups.filter((g) => g.entries.length > 0).length;
      const unitsText = count(n, opts.lang, "đơn vị", "unit");
      const groupsText = count(groups, opts.lang, "nhóm", "group");
      const compared = opts.previous ? (en ? `; compared with ${opts.previous}` : `; so sánh với ${opts.previous}`) + (changes ? mergerSaid(changes, opts.lang) : "") : "";
      io.out(
        en
          ? `Written: ${opts.output} (PAR Index report ${year}: ${unitsText} in ${groupsText}${compared}; --year to change the year)\n`
          : `Đã ghi: ${opts.output} (báo cáo Chỉ số CCHC năm ${year}: ${unitsText}, ${groupsText}${compared}; --year để đổi năm)\n`,
      );
    });
}
