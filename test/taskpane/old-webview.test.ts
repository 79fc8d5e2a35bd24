/**
 * @jest-environment jsdom
 *
 * Old Windows builds show add-ins in the Internet Explorer 11 webview, which cannot parse the pane's bundles. The
 * page's inline script is ES5 (IE11 parses it) and, where the modern bundle cannot run, says so in both languages.
 */
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const html = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

function runIn(globals: Record<string, unknown>): string {
  document.body.innerHTML = '<div id="container"></div>';
  const names = Object.keys(globals);
  // The script reads window.* and document.documentMode: give it a window whose features are the ones listed.
  // eslint-disable-next-line no-new-func -- runs the page's own inline script with the globals a webview has
  new Function("window", "document", ...names, inline[0])({ ...globals }, Object.assign(document, { documentMode: globals.documentMode }), ...names.map((n) => globals[n]));
  return document.getElementById("container")!.innerHTML;
}

test("there is one inline script, and it is ES5", () => {
  expect(inline).toHaveLength(1);
  expect(() => parse(inline[0], { ecmaVersion: 5 })).not.toThrow();
});

test("in an IE11 webview (no Promise, documentMode set) the pane says in Vietnamese and English what to do", () => {
  const shown = runIn({ documentMode: 11 });
  expect(shown).toContain('lang="vi"');
  expect(shown).toContain("PAR Scorer không chạy được trong Excel này.");
  expect(shown).toContain("Excel 2021 phiên bản 2311");
  expect(shown).toContain("PAR Scorer cannot run in this Excel.");
  expect(shown).toContain('role="alert"');
});

test("in a modern webview it leaves the pane alone", () => {
  expect(runIn({ Promise, Symbol, Proxy, documentMode: undefined })).toBe("");
});
