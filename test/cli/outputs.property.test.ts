/**
 * For random sequences of writing commands with random -o targets (new names, existing files, the commands' own
 * inputs, links to inputs, a file inside an input folder), with and without --force: no file that existed before a
 * command changes, except that command's own -o (and the .html beside it) when --force is given and it is not one
 * of the command's inputs. Every command ends with exit 0 or 2, never 3.
 */
import { lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { copySample, par, sha256, tempDir } from "../support/par";

jest.setTimeout(300_000);

const TARGETS = ["a.xlsx", "b.xlsx", "link-a.xlsx", "other.xlsx", "so/c.xlsx", "moi.xlsx", "A.XLSX"];

/** Each command with the files (relative to the work folder) it reads. */
const COMMANDS: { args: (dir: string) => string[]; inputs: string[]; aggregate?: true; writesGenerated?: true }[] = [
  { args: (d) => ["summary", join(d, "a.xlsx")], inputs: ["a.xlsx"] },
  { args: (d) => ["summary", join(d, "link-a.xlsx")], inputs: ["link-a.xlsx"] },
  { args: (d) => ["aggregate", join(d, "a.xlsx"), join(d, "b.xlsx")], inputs: ["a.xlsx", "b.xlsx"], aggregate: true, writesGenerated: true },
  { args: (d) => ["aggregate", join(d, "so")], inputs: ["so/c.xlsx"], aggregate: true, writesGenerated: true },
  { args: () => ["template", "-c", "dien-bien-so"], inputs: [] },
  { args: () => ["catalog", "export", "dien-bien-so"], inputs: [], writesGenerated: true },
];

/** Content of every entry under dir: a hash for a file, the target for a link. */
function snapshot(dir: string, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const rel = prefix + name;
    const full = join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) out.set(rel, `-> ${readlinkSync(full)}`);
    else if (stat.isDirectory()) for (const [k, v] of snapshot(full, `${rel}/`)) out.set(k, v);
    else out.set(rel, sha256(full));
  }
  return out;
}

function linkAlive(dir: string): boolean {
  try {
    return lstatSync(join(dir, "link-a.xlsx")).isSymbolicLink();
  } catch {
    return false;
  }
}

const step = fc.record({ command: fc.integer({ min: 0, max: COMMANDS.length - 1 }), target: fc.constantFrom(...TARGETS), force: fc.boolean() });

test("only a command's own -o, with --force and not an input, ever changes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
      const dir = tempDir("par-prop-");
      mkdirSync(join(dir, "so"));
      copySample("so/so-tu-phap.xlsx", dir, "a.xlsx");
      copySample("so/so-noi-vu.xlsx", dir, "b.xlsx");
      copySample("so/so-tai-chinh.xlsx", dir, "other.xlsx");
      copySample("huyen/huyen-tuan-giao.xlsx", join(dir, "so"), "c.xlsx");
      symlinkSync(join(dir, "a.xlsx"), join(dir, "link-a.xlsx"));
      // Files a ranking or a catalogue export was written to: par aggregate skips such a workbook when it reads it,
      // so as its own -o it is not an input (re-running a ranking into its input folder replaces the last one).
      const generated = new Set<string>();
      for (const { command, target, force } of steps) {
        const { args, inputs, aggregate, writesGenerated } = COMMANDS[command];
        const before = snapshot(dir);
        // link-a.xlsx is a link to a.xlsx until a command given --force replaces the link itself with its output.
        const link = linkAlive(dir);
        const real = (f: string) => (f === "link-a.xlsx" && link ? "a.xlsx" : f);
        const read = inputs.map(real);
        const skippedAsGenerated = aggregate === true && generated.has(real(target));
        const isInput = !skippedAsGenerated && read.includes(real(target));
        const r = await par(...args(dir), "-o", join(dir, target), ...(force ? ["--force"] : []));
        expect([0, 2]).toContain(r.code);
        if (r.code === 0) {
          if (writesGenerated) generated.add(target);
          else generated.delete(target);
        }
        const after = snapshot(dir);
        const mayChange = force && !isInput ? [target, target.replace(/\.xlsx$/i, ".html")] : [];
        for (const [file, content] of before) {
          if (!mayChange.includes(file)) expect({ file, content: after.get(file) }).toEqual({ file, content });
        }
      }
    }),
    { numRuns: 40 },
  );
});
