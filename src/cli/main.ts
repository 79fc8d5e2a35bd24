import { Command, CommanderError } from "commander";
import {
  assignCriteria,
  builtinCatalogs,
  effectiveMax,
  explainCriterion,
  formatNumber,
  isParError,
  Lang,
  scoreCriterion,
  walk,
} from "../scoring";
import { loadCatalog } from "./catalog-source";
import { count } from "./count";
import { CliError } from "./errors";
import { actionOf, fileSystemError, isFileSystemError } from "./fs-errors";
import { Io, processIo } from "./io";
import { langOption } from "./options";
import { jsonText, terminalSafeIo } from "./terminal-text";
import { ParCommand } from "./usage-errors";

export type { Io } from "./io";

function langOf(opts: { lang?: string }): Lang {
  return opts.lang === "en" ? "en" : "vi";
}

type Register = (par: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * The commands defined in their own modules, in the order help lists them, each loaded only when registered: a
 * command line naming one of them registers (and loads) that one only, so that `par validate` does not load the
 * writers, the reports and the council's code; anything else (help, a mistyped name) registers them all.
 */
const COMMANDS: [string, () => Register][] = [
  ["validate", () => (require("./commands/validate") as typeof import("./commands/validate")).registerValidate],
  ["summary", () => (require("./commands/summary") as typeof import("./commands/summary")).registerSummary],
  ["aggregate", () => (require("./commands/aggregate") as typeof import("./commands/aggregate")).registerAggregate],
  ["appraise", () => (require("./commands/appraise") as typeof import("./commands/appraise")).registerAppraise],
  ["report", () => (require("./commands/report") as typeof import("./commands/report")).registerReport],
  ["template", () => (require("./commands/template") as typeof import("./commands/template")).registerTemplate],
];

/** The command the command line names first (its first word not an option), or null. */
function commandOf(argv: string[]): string | null {
  const first = argv.find((a) => !a.startsWith("-"));
  return first ?? null;
}

function program(io: Io, setExit: (code: number) => void, lang: Lang, argv: string[] = []): Command {
  const named = commandOf(argv);
  const only = named !== null && (named === "score" || named === "explain" || named === "catalog" || COMMANDS.some(([name]) => name === named)) ? named : null;
  const par = new ParCommand("par", lang)
    .description("PAR Scorer — chấm điểm Chỉ số CCHC của sở, ban, ngành, phường, xã, đặc khu (PAR Index scoring)")
    .version(require("../../package.json").version as string)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  par
    .command("score")
    .description("Tính điểm một giá trị theo quy tắc hoặc mã tiêu chí (score a value by a rule or a criterion code)")
    .requiredOption("-r, --rule <rule>", 'quy tắc, ví dụ "100%: 1; 80%..<100%: 0,5; *: 0", hoặc mã tiêu chí như 1.3.1')
    .requiredOption("-v, --value <value>", "giá trị: 85%, 0,85, 20, có/không, 15/01/2019, Không áp dụng")
    .option("-m, --max <max>", "điểm tối đa (maximum points)")
    .option("-c, --catalog <id|file>", "bộ tiêu chí cho mã tiêu chí (catalogue id or JSON file)")
    .addOption(langOption("ngôn ngữ thông báo: vi | en (message language)"))
    .action(async (opts: { rule: string; value: string; max?: string; catalog?: string; lang?: string }) => {
      const result = scoreCriterion(opts.value, opts.rule, opts.max ?? null, await loadCatalog(opts.catalog));
      if (result.kind === "points") io.out(`${result.points}\n`);
      else if (result.kind === "notApplicable") io.out(langOf(opts) === "en" ? "Not applicable\n" : "Không áp dụng\n");
      else io.out("\n");
    });

  par
    .command("explain")
    .description("Giải thích mức điểm nào khớp và vì sao (explain which band matched and why)")
    .requiredOption("-r, --rule <rule>", "quy tắc hoặc mã tiêu chí (rule or criterion code)")
    .requiredOption("-v, --value <value>", "giá trị (value)")
    .option("-m, --max <max>", "điểm tối đa, như ở par score (maximum points, as in par score)")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file)")
    .addOption(langOption("ngôn ngữ thông báo: vi | en (message language)"))
    .action(async (opts: { rule: string; value: string; max?: string; catalog?: string; lang?: string }) => {
      io.out(`${explainCriterion(opts.value, opts.rule, await loadCatalog(opts.catalog), langOf(opts), opts.max ?? null)}\n`);
    });

  const catalog = par.command("catalog").description("Bộ tiêu chí (criteria catalogues)");
  catalog
    .command("list")
    .description("Liệt kê các bộ tiêu chí có sẵn, mỗi dòng một bộ, mã trước (list built-in catalogues, id first)")
    .addOption(langOption())
    .action((opts: { lang: Lang }) => {
      for (const c of builtinCatalogs()) {
        io.out(`${c.id}\t${c.name}\t${count([...walk(c.nodes)].length, opts.lang, "tiêu chí", "criterion", "criteria")}\n`);
      }
    });
  catalog
    .command("show")
    .description("Hiển thị một bộ tiêu chí (show a catalogue)")
    .argument("<id|file>", "mã bộ tiêu chí hoặc tệp JSON (catalogue id or JSON file)")
    .option("--json", "in ra JSON theo định dạng bộ tiêu chí (print the catalogue JSON)")
    .addOption(langOption())
    .action(async (ref: string, opts: { json?: boolean; lang: Lang }) => {
      const c = await loadCatalog(ref);
      if (opts.json) {
        io.out(`${jsonText(c)}\n`);
        return;
      }
      io.out(`${c.id} — ${c.name}\n`);
      const en = opts.lang === "en";
      // Who appraises each leaf (inherited from its field or criterion), said where the catalogue names agencies.
      const assignment = assignCriteria(c);
      const anyAgency = assignment.agencies.length > 0;
      for (const node of walk(c.nodes)) {
        const indent = "  ".repeat(node.code.split(".").length - 1);
        const max = effectiveMax(node);
        const maxText = max === null ? (en ? "— points" : "— điểm") : `${formatNumber(max, opts.lang)} ${en ? "points" : "điểm"}`;
        const rule = node.rule ? `  [${node.rule}]` : "";
        const agency = assignment.agencyOf.get(node.code);
        const appraiser =
          !anyAgency || agency === undefined ? "" : agency ? (en ? `  — appraised by ${agency}` : `  — thẩm định: ${agency}`) : en ? "  — no appraising agency assigned" : "  — chưa giao cơ quan thẩm định";
        io.out(`${indent}${node.code}  ${node.name}  (${maxText})${rule}${appraiser}\n`);
      }
      const unassigned = assignment.unassigned.map((n) => n.code);
      if (!anyAgency) {
        io.out(en ? 'No appraising agency assigned to any criterion (column "Cơ quan thẩm định")\n' : 'Chưa giao cơ quan thẩm định cho tiêu chí nào (cột "Cơ quan thẩm định")\n');
      } else if (unassigned.length > 0) {
        io.out(
          en
            ? `No appraising agency assigned (${unassigned.length}): ${unassigned.join(", ")}\n`
            : `Chưa giao cơ quan thẩm định (${unassigned.length} tiêu chí): ${unassigned.join(", ")}\n`,
        );
      }
    });
  if (only === null || only === "catalog") {
    (require("./commands/catalog-export") as typeof import("./commands/catalog-export")).registerCatalogExport(catalog, io);
    (require("./commands/catalog-import") as typeof import("./commands/catalog-import")).registerCatalogImport(catalog, io);
  }
  for (const [name, register] of COMMANDS) if (only === null || only === name) register()(par, io, setExit);
  return par;
}

function langOfArgv(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  return i >= 0 && argv[i + 1] === "en" ? "en" : "vi";
}

/**
 * Runs the CLI; resolves to the exit code instead of exiting so tests can call it. 0: done (validate: no errors),
 * 1: validate found errors, 2: unusable input or arguments (a message on stderr, no stack trace), 3: a bug.
 */
export async function run(argv: string[], rawIo: Io = processIo): Promise<number> {
  let exitCode = 0;
  const lang = langOfArgv(argv);
  const io = terminalSafeIo(rawIo);
  try {
    await program(io, (code) => (exitCode = code), lang, argv).parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (caught) {
    if (caught instanceof CommanderError) return caught.exitCode === 0 ? 0 : 2;
    // A file-system failure that no command put into words is still said in words.
    const e = isFileSystemError(caught) && caught.path ? fileSystemError(caught, caught.path, actionOf(caught)) : caught;
    if (isParError(e) || e instanceof CliError) {
      io.err(`${lang === "en" ? "Error" : "Lỗi"}: ${e.text(lang)}\n`);
      return 2;
    }
    io.err(`Lỗi không mong đợi (unexpected error): ${(e as Error)?.message ?? String(e)}\n`);
    return 3;
  }
}

export function main(): void {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
