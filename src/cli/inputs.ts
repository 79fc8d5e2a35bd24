import { readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { Lang, SkippedFile } from "../scoring";
import { CliError } from "./errors";
import { fileProblem, fileSystemError } from "./fs-errors";
import { inputKind, notReadReason } from "./input-formats";

export interface CollectedInputs {
  /** The workbooks to read, each real file once, in folder order. */
  files: string[];
  /** Everything named or found that is not read, and why: other formats, links back, the same file twice… */
  skipped: SkippedFile[];
}

const realOrResolved = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * The workbooks named, or found (recursively) in the folders named (input-formats.ts says which names are read). Only regular files are taken; links are
 * followed, but each real folder is walked once and each real file read once (a link loop ends there and is said).
 * A named path that cannot be reached is a CliError; everything else not read is listed in `skipped`.
 */
export function collectWorkbooks(paths: string[], lang: Lang = "vi"): CollectedInputs {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seenFiles = new Map<string, string>();
  const seenFolders = new Map<string, string>();
  const en = lang === "en";

  const visit = (path: string, named: boolean) => {
    let real: string;
    let stat;
    try {
      real = realpathSync(path);
      stat = statSync(real);
    } catch (e) {
      const problem = fileSystemError(e, path, "read");
      if (named) throw problem;
      skipped.push({ file: path, reason: problem.text(lang) });
      return;
    }
    if (stat.isDirectory()) {
      const first = seenFolders.get(real);
      if (first !== undefined) {
        const twice = resolve(first) === resolve(path);
        const reason = twice
          ? { vi: "thư mục được nêu hai lần; chỉ đọc một lần", en: "this folder is named twice; it is read once" }
          : { vi: `cùng thư mục với ${first} (một liên kết quay lại), đã đọc rồi`, en: `the same folder as ${first} (a link back to it), already read` };
        skipped.push({ file: path, reason: reason[lang] });
        return;
      }
      seenFolders.set(real, path);
      let entries: string[];
      try {
        entries = readdirSync(path);
      } catch (e) {
        const problem = fileSystemError(e, path, "list");
        if (named) throw problem;
        skipped.push({ file: path, reason: problem.text(lang) });
        return;
      }
      for (const entry of entries.sort((a, b) => a.localeCompare(b, "vi"))) visit(join(path, entry), false);
      return;
    }
    if (!stat.isFile()) {
      skipped.push({ file: path, reason: fileProblem("not-a-file", path, "read").text(lang) });
      return;
    }
    const kind = inputKind(path);
    if (kind !== "workbook" && !(named && kind === "other")) {
      skipped.push({ file: path, reason: notReadReason(path, kind, lang) });
      return;
    }
    const first = seenFiles.get(real);
    if (first === undefined) {
      seenFiles.set(real, path);
      files.push(path);
      return;
    }
    // The file's own path is kept; the link (or the second naming) is the one said to be skipped.
    const [kept, dropped] = resolve(path) === real && resolve(first) !== real ? [path, first] : [first, path];
    if (kept !== first) {
      files[files.indexOf(first)] = kept;
      seenFiles.set(real, kept);
    }
    skipped.push({ file: dropped, reason: en ? `the same file as ${kept}, read once` : `cùng một tệp với ${kept}, chỉ đọc một lần` });
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}

interface GroupEntry {
  spec: string;
  path: string;
  name: string;
}

function groupEntries(specs: string[]): GroupEntry[] {
  return specs.map((spec) => {
    const eq = spec.lastIndexOf("=");
    if (eq <= 0 || eq === spec.length - 1) {
      throw new CliError(
        `Nhóm "${spec}" không đúng dạng. Viết ĐƯỜNG_DẪN=Tên nhóm, ví dụ "samples/so=Sở, ban, ngành", hoặc --groups folder`,
        `Group "${spec}" is malformed. Write PATH=Group name, e.g. "samples/so=Departments", or --groups folder`,
      );
    }
    return { spec, path: realOrResolved(spec.slice(0, eq)), name: spec.slice(eq + 1).trim() };
  });
}

const isUnder = (file: string, folder: string) => file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Group of a file: `folder` groups by the file's folder name; otherwise entries "PATH=Name" give the group of the
 * files under PATH (the longest matching PATH wins); files under none are ungrouped (null). Paths are compared as
 * real paths. With `files`, a PATH that matches none of them is a CliError (a typo would silently leave a group out).
 */
export function groupResolver(specs: string[] | undefined, files?: string[]): (file: string) => string | null {
  if (!specs || specs.length === 0) return () => null;
  if (specs.length === 1 && specs[0] === "folder") return (file) => basename(dirname(resolve(file)));
  const entries = groupEntries(specs);
  const groupOf = (file: string) => {
    const full = realOrResolved(file);
    let best: GroupEntry | null = null;
    for (const e of entries) if (isUnder(full, e.path) && (!best || e.path.length > best.path.length)) best = e;
    return best?.name ?? null;
  };
  if (files) {
    const real = files.map(realOrResolved);
    const unmatched = entries.find((e) => !real.some((f) => isUnder(f, e.path)));
    if (unmatched) {
      const path = unmatched.spec.slice(0, unmatched.spec.lastIndexOf("="));
      throw new CliError(
        `Nhóm "${unmatched.spec}": đường dẫn ${path} không chứa tệp đầu vào nào. Kiểm tra lại đường dẫn (phải là một tệp hoặc thư mục trong số các đầu vào).`,
        `Group "${unmatched.spec}": the path ${path} holds none of the input files. Check the path (it must be one of the inputs, or a folder holding some).`,
      );
    }
  }
  return groupOf;
}
