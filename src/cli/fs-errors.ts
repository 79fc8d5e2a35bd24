/**
 * File-system failures as sentences: what happened to which file and what to do, in Vietnamese and English.
 * The one place that turns an errno code (ENOENT, ENOSPC, …) into words; reads and writes both use it.
 */
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { CliError } from "./errors";

/** Reading a file, writing an output (or its folder), or listing a folder. */
export type FileAction = "read" | "write" | "list";

type Words = { vi: string; en: string };

/** An error thrown by Node's file-system calls (it carries an errno code such as "ENOENT"). */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  // Not `instanceof Error`: errors from Node's core may come from another realm (test runners, vm contexts).
  const code = typeof e === "object" && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}

/** The nearest ancestor of `path` (or `path` itself) that exists and is not a folder: what blocks a folder. */
function fileInTheWay(path: string): string | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      if (!statSync(p).isDirectory()) return p;
      return null;
    } catch {
      // not there: look higher up
    }
    if (dirname(p) === p) return null;
  }
}

const VERB: Record<FileAction, Words> = {
  read: { vi: "đọc được", en: "read" },
  write: { vi: "ghi được", en: "write" },
  list: { vi: "đọc được thư mục", en: "read the folder" },
};

function words(code: string, path: string, action: FileAction): Words {
  const v = VERB[action];
  const cannot = { vi: `Không ${v.vi} ${path}`, en: `Cannot ${v.en} ${path}` };
  const blocker = code === "ENOTDIR" || (code === "EEXIST" && action === "write") ? fileInTheWay(path) : null;
  if (blocker && blocker !== path) {
    return {
      vi: `${cannot.vi}: ${blocker} là một tệp, không phải thư mục. Chọn thư mục hoặc tên khác.`,
      en: `${cannot.en}: ${blocker} is a file, not a folder. Choose another folder or name.`,
    };
  }
  switch (code) {
    case "not-a-file":
      return action === "write"
        ? {
            vi: `${cannot.vi}: đây không phải là tệp thông thường (mà là thiết bị, ống dẫn hoặc socket). Chọn một tên tệp bình thường.`,
            en: `${cannot.en}: it is not a regular file (it is a device, a pipe or a socket). Choose an ordinary file name.`,
          }
        : {
            vi: `${cannot.vi}: đây không phải là tệp thông thường (mà là thiết bị, ống dẫn hoặc socket). Chỉ rõ một tệp trên đĩa.`,
            en: `${cannot.en}: it is not a regular file (it is a device, a pipe or a socket). Name a file on disk.`,
          };
    case "ENOENT":
      return action === "write"
        ? { vi: `${cannot.vi}: thư mục chứa nó không có. Kiểm tra đường dẫn rồi chạy lại.`, en: `${cannot.en}: its folder does not exist. Check the path and run again.` }
        : { vi: `Không tìm thấy ${path}. Kiểm tra lại đường dẫn và tên tệp.`, en: `${path} was not found. Check the path and the file name.` };
    case "ENOTDIR":
      return { vi: `${cannot.vi}: một phần của đường dẫn là tệp, không phải thư mục. Kiểm tra lại đường dẫn.`, en: `${cannot.en}: part of the path is a file, not a folder. Check the path.` };
    case "EISDIR":
      return action === "write"
        ? { vi: `${cannot.vi}: đó là một thư mục. Chọn một tên tệp khác.`, en: `${cannot.en}: it is a folder. Choose another file name.` }
        : { vi: `${cannot.vi}: đây là thư mục, không phải tệp. Chỉ rõ tệp cần đọc.`, en: `${cannot.en}: it is a folder, not a file. Name the file to read.` };
    case "EACCES":
    case "EPERM":
      return action === "write"
        ? {
            vi: `${cannot.vi}: tệp đang mở (ví dụ trong Excel) hoặc không có quyền ghi vào thư mục. Đóng tệp hoặc chọn thư mục khác rồi chạy lại.`,
            en: `${cannot.en}: the file is open (e.g. in Excel) or the folder is not writable. Close the file or choose another folder, then run again.`,
          }
        : {
            vi: `${cannot.vi}: không có quyền truy cập. Kiểm tra quyền hoặc sao chép sang thư mục khác rồi chạy lại.`,
            en: `${cannot.en}: permission denied. Check the permissions or copy it to another folder, then run again.`,
          };
    case "ENOSPC":
    case "EDQUOT":
      return {
        vi: `${cannot.vi}: ổ đĩa đã đầy (hoặc hết hạn mức). Không có tệp kết quả nào được ghi. Giải phóng dung lượng hoặc chọn ổ đĩa khác rồi chạy lại.`,
        en: `${cannot.en}: the disk is full (or the quota is used up). No output was written. Free some space or choose another disk, then run again.`,
      };
    case "EROFS":
      return { vi: `${cannot.vi}: ổ đĩa hoặc thư mục này chỉ cho đọc. Chọn thư mục khác.`, en: `${cannot.en}: the disk or folder is read-only. Choose another folder.` };
    case "ENAMETOOLONG":
      return {
        vi: `${cannot.vi}: tên tệp hoặc đường dẫn quá dài cho ổ đĩa này. Đặt tên ngắn hơn hoặc chọn thư mục gần gốc hơn.`,
        en: `${cannot.en}: the file name or path is too long for this disk. Use a shorter name or a folder nearer the top.`,
      };
    case "EEXIST":
      return {
        vi: `${cannot.vi}: đã có tệp trùng tên (vừa được tạo trong lúc chạy). Chọn tên khác, hoặc thêm --force để ghi đè.`,
        en: `${cannot.en}: a file of that name exists (it appeared while running). Choose another name, or add --force to replace it.`,
      };
    case "EMFILE":
    case "ENFILE":
      return { vi: `${cannot.vi}: máy đang mở quá nhiều tệp. Đóng bớt chương trình rồi chạy lại.`, en: `${cannot.en}: too many files are open. Close some programs and run again.` };
    case "EBUSY":
    case "ETXTBSY":
      return {
        vi: `${cannot.vi}: tệp đang được chương trình khác dùng (ví dụ Excel). Đóng chương trình đó rồi chạy lại.`,
        en: `${cannot.en}: the file is in use by another program (e.g. Excel). Close it and run again.`,
      };
    case "ELOOP":
      return {
        vi: `${cannot.vi}: đường dẫn là một vòng liên kết (liên kết trỏ về chính nó). Sửa hoặc xóa liên kết.`,
        en: `${cannot.en}: the path is a loop of links (a link that points back to itself). Fix or remove the link.`,
      };
    case "EIO":
      return { vi: `${cannot.vi}: lỗi ổ đĩa. Kiểm tra ổ đĩa (ổ USB, ổ mạng) rồi chạy lại.`, en: `${cannot.en}: a disk error. Check the disk (USB or network drive) and run again.` };
    default:
      return {
        vi: `${cannot.vi} (mã lỗi ${code}). Kiểm tra tệp và thư mục rồi chạy lại.`,
        en: `${cannot.en} (error code ${code}). Check the file and its folder, then run again.`,
      };
  }
}

/**
 * A problem with `path` as a CliError saying what happened and what to do: `code` is an errno code ("ENOSPC"…),
 * or "not-a-file" for a device, pipe or socket where a file was expected.
 */
export function fileProblem(code: string, path: string, action: FileAction): CliError {
  const w = words(code, path, action);
  return new CliError(w.vi, w.en, code);
}

/** A failed file-system call on `path` in words (fileProblem with the error's code). */
export function fileSystemError(e: unknown, path: string, action: FileAction): CliError {
  return fileProblem(isFileSystemError(e) ? e.code! : "EUNKNOWN", path, action);
}

/** What a failed call was doing, from its syscall (for failures no command put into words itself). */
export function actionOf(e: NodeJS.ErrnoException): FileAction {
  if (e.syscall === "scandir" || e.syscall === "opendir") return "list";
  return ["write", "rename", "mkdir", "link", "unlink", "rmdir", "copyfile", "symlink", "utime", "chmod"].includes(e.syscall ?? "") ? "write" : "read";
}
