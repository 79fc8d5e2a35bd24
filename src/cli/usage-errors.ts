/**
 * Command-line mistakes (a missing -o, an unknown option, a missing or extra argument, a value not among the
 * choices) in the user's language, saying what to add or change. Commander builds these messages in English; the
 * command where the mistake was made rewrites them from commander's error code and the option or argument named.
 */
import { Command, ErrorOptions, Option } from "commander";
import { Lang } from "../scoring";

type Words = { vi: string; en: string };

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/** The text between the first pair of single quotes of commander's message ('--lang <lang>'). */
const quoted = (message: string, nth = 0): string => [...message.matchAll(/'([^']*)'/g)][nth]?.[1] ?? "";

const suggestion = (message: string): string | null => /Did you mean (\S+?)\?/.exec(message)?.[1] ?? null;

function optionNamed(cmd: Command, flags: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const found = c.options.find((o) => o.flags === flags);
    if (found) return found;
  }
  return undefined;
}

/** "-o <out.xlsx>" for "-o, --output <out.xlsx>". */
function usageOf(option: Option | undefined, flags: string): string {
  const placeholder = /[<[].*[>\]]/.exec(flags)?.[0];
  const name = option?.short ?? option?.long ?? flags.split(/[ ,]/)[0];
  return placeholder ? `${name} ${placeholder}` : name;
}

function words(cmd: Command, message: string, code: string | undefined): Words {
  const path = commandPath(cmd);
  switch (code) {
    case "commander.missingMandatoryOptionValue": {
      const flags = quoted(message);
      const option = optionNamed(cmd, flags);
      const what = option?.description ? ` (${option.description})` : "";
      return {
        vi: `Lệnh "${path}" cần tùy chọn ${flags}${what}. Thêm ${usageOf(option, flags)} vào câu lệnh.`,
        en: `The command "${path}" needs the option ${flags}${what}. Add ${usageOf(option, flags)} to the command.`,
      };
    }
    case "commander.optionMissingArgument": {
      const flags = quoted(message);
      const option = optionNamed(cmd, flags);
      return {
        vi: `Tùy chọn ${flags} cần một giá trị ngay sau nó, ví dụ ${usageOf(option, flags)}.`,
        en: `The option ${flags} needs a value right after it, e.g. ${usageOf(option, flags)}.`,
      };
    }
    case "commander.missingArgument": {
      const name = quoted(message);
      const argument = cmd.registeredArguments.find((a) => a.name() === name);
      const what = argument?.description ? ` (${argument.description})` : "";
      return {
        vi: `Lệnh "${path}" thiếu <${name}>${what}. Ghi nó ngay sau tên lệnh: ${path} <${name}> …`,
        en: `The command "${path}" is missing <${name}>${what}. Write it right after the command: ${path} <${name}> …`,
      };
    }
    case "commander.excessArguments": {
      const expected = cmd.registeredArguments.length;
      const extra = cmd.args.slice(expected).map((a) => `"${a}"`).join(", ");
      return {
        vi: `Lệnh "${path}" nhận ${expected} đối số nhưng có thêm: ${extra}. Bỏ phần thừa; một tên có dấu cách phải đặt trong ngoặc kép, ví dụ "Sở Tư pháp".`,
        en: `The command "${path}" takes ${expected} argument${expected === 1 ? "" : "s"} but got more: ${extra}. Remove the extra ones; a name with spaces goes in double quotes, e.g. "Sở Tư pháp".`,
      };
    }
    case "commander.unknownOption": {
      const flag = quoted(message);
      const maybe = suggestion(message);
      return {
        vi: `Lệnh "${path}" không có tùy chọn ${flag}.${maybe ? ` Có phải ý bạn là ${maybe}?` : ""}`,
        en: `The command "${path}" has no option ${flag}.${maybe ? ` Did you mean ${maybe}?` : ""}`,
      };
    }
    case "commander.unknownCommand": {
      const name = quoted(message);
      const maybe = suggestion(message);
      return {
        vi: `Không có lệnh "${name}".${maybe ? ` Có phải ý bạn là ${maybe}?` : ""}`,
        en: `There is no command "${name}".${maybe ? ` Did you mean ${maybe}?` : ""}`,
      };
    }
    case "commander.invalidArgument": {
      const flags = quoted(message);
      const value = quoted(message, 1);
      const choices = /Allowed choices are (.*)\.$/.exec(message)?.[1];
      if (choices) {
        return {
          vi: `Giá trị "${value}" của tùy chọn ${flags} không hợp lệ. Chọn một trong: ${choices}.`,
          en: `The value "${value}" of the option ${flags} is invalid. Choose one of: ${choices}.`,
        };
      }
      break;
    }
  }
  const text = message.replace(/^error:\s*/, "");
  return { vi: `Câu lệnh không đúng: ${text}`, en: `The command line is wrong: ${text}` };
}

/** The message shown for a command-line mistake in `cmd`, with where to read more. */
export function usageMessage(cmd: Command, message: string, code: string | undefined, lang: Lang): string {
  const w = words(cmd, message, code);
  const help = `${commandPath(cmd)} --help`;
  return lang === "en" ? `Error: ${w.en} See: ${help}` : `Lỗi: ${w.vi} Xem: ${help}`;
}

/** A commander Command (and its subcommands) whose command-line errors are in `lang`. */
export class ParCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): ParCommand {
    return new ParCommand(name, this.lang);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(usageMessage(this, message, errorOptions?.code, this.lang), errorOptions);
  }
}
