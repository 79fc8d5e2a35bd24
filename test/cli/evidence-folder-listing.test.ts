/**
 * Issue 22: `par aggregate` lists each folder once to find the evidence folder beside each workbook, instead of
 * asking the file system about every workbook. What it finds must be what asking finds.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evidenceFolder, FolderListings } from "../../src/cli/evidence/workbook-evidence";
import { tempDir } from "../support/par";

describe("the evidence folder beside a workbook, folders listed once per run", () => {
  test("found as stat finds it: a folder, a link to a folder; never a file of that name or another case", async () => {
    const dir = tempDir("par-listing-");
    mkdirSync(join(dir, "so-noi-vu"));
    mkdirSync(join(dir, "that-muc"));
    symlinkSync(join(dir, "that-muc"), join(dir, "so-y-te"));
    writeFileSync(join(dir, "so-tu-phap"), "một tệp, không phải thư mục");
    mkdirSync(join(dir, "so-tai-chinh"));
    const books = ["so-noi-vu", "so-y-te", "so-tu-phap", "SO-TAI-CHINH", "so-xay-dung"].map((n) => join(dir, `${n}.xlsx`));
    const listings: FolderListings = new Map();
    const listed = await Promise.all(books.map((b) => evidenceFolder(b, { perWorkbook: true, listings })));
    const asked = await Promise.all(books.map((b) => evidenceFolder(b, { perWorkbook: true })));
    expect(listed).toEqual(asked);
    expect(listed.slice(0, 3)).toEqual([join(dir, "so-noi-vu"), join(dir, "so-y-te"), null]);
    expect(listed[4]).toBeNull();
    expect(listings.size).toBe(1);
  });

  test("--evidence DIR holding a folder per workbook, and a folder made after a run is seen by the next run", async () => {
    const dir = tempDir("par-listing-");
    const evidence = join(dir, "tai-lieu");
    mkdirSync(join(evidence, "so-noi-vu"), { recursive: true });
    const book = join(dir, "don-vi", "so-noi-vu.xlsx");
    const later = join(dir, "don-vi", "so-y-te.xlsx");
    mkdirSync(join(dir, "don-vi"));
    const first: FolderListings = new Map();
    expect(await evidenceFolder(book, { perWorkbook: true, evidence, listings: first })).toBe(join(evidence, "so-noi-vu"));
    expect(await evidenceFolder(later, { perWorkbook: true, evidence, listings: first })).toBeNull();
    mkdirSync(join(dir, "don-vi", "so-y-te"));
    expect(await evidenceFolder(later, { perWorkbook: true, evidence, listings: new Map() })).toBe(join(dir, "don-vi", "so-y-te"));
  });
});
