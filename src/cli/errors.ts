/** A command that cannot go on (unusable file or arguments): its message is for the user; the exit code is 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly messageEn: string = message,
    /** What went wrong, for callers and tests ("exists", "same-as-input", an errno code such as "ENOSPC"…). */
    readonly code?: string,
  ) {
    super(message);
    this.name = "CliError";
  }

  text(lang: "vi" | "en" = "vi"): string {
    return lang === "en" ? this.messageEn : this.message;
  }
}
