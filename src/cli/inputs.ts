import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { CliError } from "./errors";

/** .xlsx files named or found (recursively) in the folders named; Excel's "~$" lock files and `exclude` left out. */
export function collectWorkbooks(paths: string[], exclude: string[] = []): string[] {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const found: string[] = [];
  const visit = (path: string, named: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      if (named) throw new CliError(`Không tìm thấy ${path}. Kiểm tra lại đường dẫn`, `${path} does not exist. Check the path`);
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort((a, b) => a.localeCompare(b, "vi"))) visit(join(path, entry), false);
    } else if ((named || /\.xlsx$/i.test(path)) && !basename(path).startsWith("~$") && !skip.has(resolve(path))) {
      found.push(path);
    }
  };
  for (const p of paths) visit(p, true);
  return [...new Set(found)];
}

/**
 * Group of a file: `folder` groups by the file's folder name; otherwise entries "PATH=Name" give the group of the
 * files under PATH (the longest matching PATH wins); files under none are ungrouped (null).
 */
export function groupResolver(specs: string[] | undefined): (file: string) => string | null {
  if (!specs || specs.length === 0) return () => null;
  if (specs.length === 1 && specs[0] === "folder") return (file) => basename(dirname(resolve(file)));
  const entries = specs.map((spec) => {
    const eq = spec.lastIndexOf("=");
    if (eq <= 0 || eq === spec.length - 1) {
      throw new CliError(
        `Nhóm "${spec}" không đúng dạng. Viết ĐƯỜNG_DẪN=Tên nhóm, ví dụ "samples/so=Sở, ban, ngành", hoặc --groups folder`,
        `Group "${spec}" is malformed. Write PATH=Group name, e.g. "samples/so=Departments", or --groups folder`,
      );
    }
    return { path: resolve(spec.slice(0, eq)), name: spec.slice(eq + 1).trim() };
  });
  return (file) => {
    const full = resolve(file);
    let best: { path: string; name: string } | null = null;
    for (const e of entries) {
      const under = full === e.path || full.startsWith(e.path.endsWith(sep) ? e.path : e.path + sep);
      if (under && (!best || e.path.length > best.path.length)) best = e;
    }
    return best?.name ?? null;
  };
}
