/**
 * What par writes passes through terminalSafeIo: control characters from a workbook are shown as escapes, and the
 * process's stderr is not made (a cost at every start) until something is written to it or asks whether it is a
 * terminal.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Io } from "../../src/cli/io";
import { escapeControls, jsonText, terminalSafeIo } from "../../src/cli/terminal-text";

test("control and bidi characters are written as escapes; text otherwise unchanged", () => {
  expect(escapeControls("Sở\u001b[2JNội vụ\u202e")).toBe("Sở\\x1b[2JNội vụ\\u202e");
  expect(escapeControls("Tiêu chí 1.3.1\tđạt 85%\n")).toBe("Tiêu chí 1.3.1\tđạt 85%\n");
  expect(jsonText({ unit: "a\u0085b" })).toBe('{\n  "unit": "a\\u0085b"\n}');
});

test("terminalSafeIo asks whether stderr is a terminal only when asked itself", () => {
  let asked = 0;
  const written: string[] = [];
  const io: Io = {
    out: (t) => written.push(t),
    err: (t) => written.push(t),
    get isTTY() {
      asked++;
      return true;
    },
  };
  const safe = terminalSafeIo(io);
  safe.out("x\u0007");
  expect(asked).toBe(0);
  expect(safe.isTTY).toBe(true);
  expect(asked).toBe(1);
  expect(written).toEqual(["x\\x07"]);
});

test("the process's Io does not make process.stderr until asked (lib/, as built)", () => {
  const probe = `
    const desc = Object.getOwnPropertyDescriptor(process, "stderr");
    let made = false;
    Object.defineProperty(process, "stderr", { configurable: true, enumerable: desc.enumerable, get() { made = true; return desc.get.call(process); } });
    const { processIo } = require(${JSON.stringify(join(__dirname, "..", "..", "lib", "cli", "io.js"))});
    const { terminalSafeIo } = require(${JSON.stringify(join(__dirname, "..", "..", "lib", "cli", "terminal-text.js"))});
    const io = terminalSafeIo(processIo);
    const afterLoad = made;
    void io.isTTY;
    process.stdout.write(JSON.stringify({ afterLoad, afterAsking: made }));`;
  const r = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  expect(JSON.parse(r.stdout)).toEqual({ afterLoad: false, afterAsking: true });
});
