/**
 * LibreOffice headless for tests: opens a generated .xlsx the way a user's office suite would and converts it
 * (to PDF by default), which fails when the file is damaged. CI installs LibreOffice; tests that need it must
 * fail, not skip, when it is missing (requireSoffice).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

const CANDIDATES = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];

/** The soffice executable on PATH; throws with what to install when there is none. */
export function requireSoffice(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of CANDIDATES) {
      const candidate = join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error(
    "LibreOffice (soffice) is not installed or not on PATH; these tests need it to open the generated workbooks. " +
      "Install it (Debian/Ubuntu: apt-get install libreoffice-calc-nogui; macOS: brew install --cask libreoffice) and run the tests again.",
  );
}

/** A LibreOffice profile whose locale is `locale` (how a Vietnamese user's LibreOffice shows 1.234,50). */
function writeLocale(profile: string, locale: string): void {
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item></oor:items>\n`,
  );
}

/**
 * Converts a workbook with `soffice --headless --convert-to <format>` into outDir, with a private, throw-away user
 * profile (so it neither needs nor touches the user's LibreOffice settings, and runs beside an open LibreOffice)
 * and a 120 s timeout; `locale` ("vi-VN") sets the profile's locale. ok: the output file exists and is not empty.
 */
export function convertWithLibreOffice(
  xlsxPath: string,
  outDir: string,
  format = "pdf",
  options: { locale?: string } = {},
): { ok: boolean; output: string | null; log: string } {
  const soffice = requireSoffice();
  const profile = mkdtempSync(join(tmpdir(), "par-lo-profile-"));
  if (options.locale) writeLocale(profile, options.locale);
  try {
    const result = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        xlsxPath,
      ],
      { encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL" },
    );
    const ext = format.split(":")[0];
    const output = join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.${ext}`);
    const produced = existsSync(output) && statSync(output).size > 0;
    const log = [
      `exit: ${result.status ?? "none"}${result.signal ? ` signal: ${result.signal}` : ""}${result.error ? ` error: ${result.error.message}` : ""}`,
      result.stdout ?? "",
      result.stderr ?? "",
    ]
      .filter(Boolean)
      .join("\n");
    return { ok: produced, output: produced ? output : null, log };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
