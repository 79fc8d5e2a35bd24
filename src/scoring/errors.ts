import { Lang, MessageKey, Params, t } from "./i18n/messages";


/**
 * The one error type the core throws for bad user input. It carries a message key so the same error can be
 * shown in Vietnamese or English, and, for rule text, the 1-based character position where the problem starts.
 */
export class ParError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly position: number | null = null,
  ) {
    super(ParError.render(key, params, position, "vi"));
    this.name = "ParError";
  }

  /** The message in the requested language, with the position when there is one. */
  text(lang: Lang = "vi"): string {
    return ParError.render(this.key, this.params, this.position, lang);
  }

  private static render(key: MessageKey, params: Params, position: number | null, lang: Lang): string {
    const message = t(key, params, lang);
    return position == null ? message : t("error.at", { position, message }, lang);
  }
}

export function isParError(e: unknown): e is ParError {
  return e instanceof ParError;
}
