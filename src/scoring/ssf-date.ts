/**
 * Whether a number format shows a date or a time, exactly as SheetJS decides it (SSF.is_date), without loading
 * SheetJS: the CLI's two .xlsx readers and the pane (in a 1904-system workbook) tell dates with it. A port of fmt_is_date and SSF_isgeneral from SheetJS CE's ssf (Apache-2.0, Copyright (C) 2013-present
 * SheetJS LLC); a test compares it with SSF.is_date on generated formats.
 */

function isGeneral(s: string, i: number): boolean {
  return (
    s.length >= 7 + i &&
    (s.charCodeAt(i) | 32) === 103 &&
    (s.charCodeAt(i + 1) | 32) === 101 &&
    (s.charCodeAt(i + 2) | 32) === 110 &&
    (s.charCodeAt(i + 3) | 32) === 101 &&
    (s.charCodeAt(i + 4) | 32) === 114 &&
    (s.charCodeAt(i + 5) | 32) === 97 &&
    (s.charCodeAt(i + 6) | 32) === 108
  );
}

const ABSTIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

/** SheetJS's SSF.is_date. */
export function ssfIsDate(fmt: string): boolean {
  let i = 0;
  let c = "";
  let o = "";
  while (i < fmt.length) {
    switch ((c = fmt.charAt(i))) {
      case "G":
        if (isGeneral(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        for (; fmt.charCodeAt(++i) !== 34 && i < fmt.length; ) {
          /* empty */
        }
        ++i;
        break;
      case "\\":
        i += 2;
        break;
      case "_":
        i += 2;
        break;
      case "@":
        ++i;
        break;
      case "B":
      case "b":
        if (fmt.charAt(i + 1) === "1" || fmt.charAt(i + 1) === "2") return true;
        return true;
      case "M":
      case "D":
      case "Y":
      case "H":
      case "S":
      case "E":
      case "m":
      case "d":
      case "y":
      case "h":
      case "s":
      case "e":
      case "g":
        return true;
      case "A":
      case "a":
      case "上":
        if (fmt.substr(i, 3).toUpperCase() === "A/P") return true;
        if (fmt.substr(i, 5).toUpperCase() === "AM/PM") return true;
        if (fmt.substr(i, 5).toUpperCase() === "上午/下午") return true;
        ++i;
        break;
      case "[":
        o = c;
        while (fmt.charAt(i++) !== "]" && i < fmt.length) o += fmt.charAt(i);
        if (ABSTIME.test(o)) return true;
        break;
      case ".":
      case "0":
      case "#":
        while (i < fmt.length && ("0#?.,E+-%".indexOf((c = fmt.charAt(++i))) > -1 || (c == "\\" && fmt.charAt(i + 1) == "-" && "0#".indexOf(fmt.charAt(i + 2)) > -1))) {
          /* empty */
        }
        break;
      case "?":
        while (fmt.charAt(++i) === c) {
          /* empty */
        }
        break;
      case "*":
        ++i;
        if (fmt.charAt(i) == " " || fmt.charAt(i) == "*") ++i;
        break;
      case "(":
      case ")":
        ++i;
        break;
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        while (i < fmt.length && "0123456789".indexOf(fmt.charAt(++i)) > -1) {
          /* empty */
        }
        break;
      case " ":
        ++i;
        break;
      default:
        ++i;
        break;
    }
  }
  return false;
}

/** A cell's number format shows a date (the rule read.ts applies to a number cell's format). */
export const isDateFormat = (format: unknown): boolean => typeof format === "string" && format !== "General" && ssfIsDate(format);
