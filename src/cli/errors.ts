/** A command that cannot go on (unusable file or arguments): its message is for the user; the exit code is 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly messageEn: string = message,
  ) {
    super(message);
    this.name = "CliError";
  }

  text(lang: "vi" | "en"): string {
    return lang === "en" ? this.messageEn : this.message;
  }
}
