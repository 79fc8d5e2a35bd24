/** The production build the browser test loads: dist/ when it is newer than every source file, else a fresh build. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/** Where the production task pane loads office.js from. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** A folder holding taskpane.html and its bundles, built with `webpack --mode production`. */
export function productionBuild(): string {
  const dist = join(root, "dist");
  const page = join(dist, "taskpane.js");
  const sources = Math.max(newestMtime(join(root, "src")), statSync(join(root, "webpack.config.js")).mtimeMs);
  const html = join(dist, "taskpane.html");
  // Reused only when built as deployed: office.js from the CDN (not a PAR_OFFICE_JS=local build).
  if (existsSync(page) && existsSync(html) && statSync(page).mtimeMs >= sources && readFileSync(html, "utf8").includes(OFFICE_JS_CDN)) return dist;
  const out = mkdtempSync(join(tmpdir(), "par-taskpane-"));
  const env = { ...process.env };
  delete env.PAR_OFFICE_JS;
  delete env.PAR_URL_PROD;
  execFileSync(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], {
    cwd: root,
    stdio: "pipe",
    env,
  });
  return out;
}

/** Debian's chromium (installed by .ci/run), found on PATH. */
export function chromiumPath(): string {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not this name
    }
  }
  throw new Error(
    "Chromium is needed for the browser test: install Debian's package (apt-get install chromium), as .ci/run does.",
  );
}
