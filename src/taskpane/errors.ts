/** Errors the task pane shows: what is wrong and what to do, in Vietnamese and English. */
import { UiLang } from "./i18n";

export class UserError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
    this.name = "UserError";
  }

  text(lang: UiLang): string {
    return lang === "en" ? this.en : this.vi;
  }
}

/** The user-facing text of anything thrown: UserError and ParError speak both languages; others give their message. */
export function errorText(e: unknown, lang: UiLang): string {
  const text = (e as { text?: (l: UiLang) => string } | null)?.text;
  if (typeof text === "function") return text.call(e, lang);
  if (e instanceof Error) return e.message;
  return String(e);
}
