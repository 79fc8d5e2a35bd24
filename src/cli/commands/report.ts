/**
 * `par report INPUT… -o BAO-CAO.docx`: the province's annual PAR Index report as a Word document (docx-report.ts).
 * INPUT is the units' workbooks (files or folders, scored as `par aggregate` scores them) or one ranking workbook
 * `par aggregate` wrote; `--previous LAST.xlsx` (last year's ranking workbook) adds each unit's change.
 */
import { basename, dirname, join } from "node:path";
import { Command } from "commander";
import { AppraisalMinutes, fold, Lang, Ranking, topLosses } from "../../scoring";
import { count } from "../count";
import { CliError } from "../errors";
import { Io } from "../io";
import { encodingOption, forceOption, langOption, maxCellsOption, yearOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { changesAcrossMerger, mergerSaid, provinceFor } from "../aggregate/official-units";
import type { MinutesIssuer } from "../report/minutes-docx";
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
  minutes?: string;
  issuer?: string;
  place?: string;
  signer?: string;
  signerName?: string;
}

/**
 * --issuer "UBND TỈNH ĐIỆN BIÊN/SỞ NỘI VỤ": the parent body, then the issuing body after the last "/" (without a
 * "/", the issuing body alone and a parent line of dots to fill). --place, else the province or city the parent
 * names ("UBND TỈNH ĐIỆN BIÊN" → "Điện Biên"), else dots. --signer "KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC": one line each.
 */
export function minutesIssuer(opts: Pick<Options, "issuer" | "place" | "signer" | "signerName">): MinutesIssuer {
  const given = (opts.issuer ?? "SỞ NỘI VỤ").trim();
  const cut = given.lastIndexOf("/");
  const parent = cut >= 0 ? given.slice(0, cut).trim() || null : null;
  const body = (cut >= 0 ? given.slice(cut + 1) : given).trim() || "SỞ NỘI VỤ";
  const upper = (t: string) => t.toLocaleUpperCase("vi");
  return {
    parent: parent && upper(parent),
    body: upper(body),
    place: opts.place?.trim() || (parent ? placeOf(parent) : null),
    signer: (opts.signer ?? "GIÁM ĐỐC").split("/").map((l) => upper(l.trim())).filter(Boolean),
    signerName: opts.signerName?.trim() || null,
  };
}

/** "UBND TỈNH ĐIỆN BIÊN" → "Điện Biên"; null when the parent names no province or city. */
function placeOf(parent: string): string | null {
  const words = parent.replace(/\s+/g, " ").trim().split(" ");
  const folded = words.map((w) => fold(w));
  for (let i = 0; i < folded.length; i++) {
    const skip = folded[i] === "tinh" ? 1 : folded[i] === "thanh" && folded[i + 1] === "pho" ? 2 : 0;
    if (skip === 0 || i + skip >= words.length) continue;
    return words
      .slice(i + skip)
      .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1).toLocaleLowerCase("vi"))
      .join(" ");
  }
  return null;
}

/** Where the minutes go: --minutes DIR, else a folder beside the report named after it ("bao-cao-bien-ban"). */
function minutesDir(opts: Options): string {
  return opts.minutes ?? join(dirname(opts.output), `${basename(opts.output).replace(/\.docx$/i, "")}-bien-ban`);
}

const UNSAFE = /[\\/:*?"<>|]|\p{Cc}/gu;

/** "Biên bản thẩm định - Sở Tư pháp.docx", numbered "(2)"… when two units share a name. */
function minutesFiles(dir: string, minutes: AppraisalMinutes[]): string[] {
  const taken = new Set<string>();
  return minutes.map((m) => {
    const stem = `Biên bản thẩm định - ${m.unit}`.replace(UNSAFE, "-").trim();
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})`;
    taken.add(name.toLowerCase());
    return join(dir, `${name}.docx`);
  });
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
    .option(
      "--minutes <dir>",
      "thư mục ghi biên bản thẩm định của từng đơn vị có điểm thẩm định (one appraisal minutes .docx per appraised unit); mặc định: thư mục <tên báo cáo>-bien-ban bên cạnh báo cáo",
    )
    .option("--issuer <parent/body>", 'cơ quan chủ quản/cơ quan ban hành biên bản, ví dụ "UBND TỈNH ĐIỆN BIÊN/SỞ NỘI VỤ" (the parent body and the issuing body); mặc định: SỞ NỘI VỤ')
    .option("--place <place>", "địa danh ghi trước ngày tháng (where the minutes are issued); mặc định: tỉnh, thành phố trong --issuer")
    .option("--signer <title>", 'chức vụ người ký, mỗi dòng cách nhau bởi "/", ví dụ "KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC" (the signer\'s title); mặc định: GIÁM ĐỐC')
    .option("--signer-name <name>", "họ tên người ký (the signer's name); mặc định: để trống để ghi tay")
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
      const scored = rankingBook ? null : await scoreUnits(units!, opts, io);
      const data: RankingData = scored ?? rankingDataOf(rankingBook!, paths[0]);
      if (rankingBook && opts.minutes) {
        io.err(
          en
            ? `${paths[0]} is a ranking: it has no criterion scores, so no appraisal minutes are written. Give the units' workbooks for the minutes.\n`
            : `${paths[0]} là bảng xếp hạng, không có điểm từng tiêu chí nên không lập được biên bản thẩm định. Đưa sổ tính của các đơn vị để lập biên bản.\n`,
        );
      }

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
      // The minutes of each appraised unit, laid out per Nghị định 30/2020/NĐ-CP (report/minutes-docx.ts).
      // In the order of the files and units (the workers finish in any order): names numbered alike on every run.
      const minutes = [...(scored?.minutes ?? [])].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.minutes.unit.localeCompare(b.minutes.unit, "vi")));
      const dir = minutesDir(opts);
      const minutesPaths = minutesFiles(dir, minutes.map((m) => m.minutes));
      const minutesPlan = minutes.length > 0 ? await planOutputs(minutesPaths, { inputs, force: opts.force }) : null;
      const issuer = minutesIssuer(opts);
      const { minutesDocx } = require("../report/minutes-docx") as typeof import("../report/minutes-docx");
      const minutesData = await Promise.all(minutes.map((m) => minutesDocx(m.minutes, issuer, date.getUTCFullYear())));
      await writeOutputs(plan, [{ path: opts.output, data: docx }]);
      if (minutesPlan) await writeOutputs(minutesPlan, minutesPaths.map((path, i) => ({ path, data: minutesData[i] })));

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
      if (minutes.length > 0) {
        const n = count(minutes.length, opts.lang, "biên bản thẩm định", "appraisal minutes", "appraisal minutes");
        io.out(en ? `Written: ${n} in ${dir} (--issuer, --place, --signer to fill the letterhead and signature)\n` : `Đã ghi: ${n} trong ${dir} (--issuer, --place, --signer để ghi cơ quan ban hành và người ký)\n`);
      }
    });
}
