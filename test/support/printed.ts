/**
 * Printed reports for tests: an HTML report printed to an A4 PDF by headless Chromium (as a user's "Print → Save
 * as PDF"), a PDF's text read back with pdftotext (poppler-utils), and the check that no token of the document was
 * broken across lines in the PDF. Chromium, soffice and pdftotext are installed by .ci/run; tests that need them
 * fail (never skip) without them.
 */
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { Browser, chromium } from "playwright-core";
import { chromiumPath } from "../browser/build";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface PrintedHtml {
  /** Every URL the page asked for. */
  requests: string[];
  /** The words a reader sees in print (the HTML's text split at spaces; a path may break after "/"). */
  words: string[];
  /** Per table: its caption and how many th have no scope. */
  tables: { caption: string; thWithoutScope: number; theads: number }[];
  /** Per SVG chart: its title and the category labels, top to bottom. */
  charts: { title: string; categories: string[]; values: string[] }[];
}

/** Opens the HTML file, prints it to `pdf` (A4, CSS page size and backgrounds as the page asks), reads its DOM. */
export async function printHtml(browser: Browser, html: string, pdf: string): Promise<PrintedHtml> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    const read = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll("nav, title, style").forEach((e) => e.remove());
      body.querySelectorAll("wbr").forEach((e) => e.replaceWith(document.createTextNode(" ")));
      const svgText = [...body.querySelectorAll("svg text")].map((t) =>
        [...t.childNodes].filter((n) => n.nodeName !== "title").map((n) => n.textContent ?? "").join(" "),
      );
      body.querySelectorAll("svg").forEach((e) => e.remove());
      document.body.appendChild(body);
      body.style.position = "absolute";
      const text = `${body.innerText}\n${svgText.join("\n")}`;
      body.remove();
      const tables = [...document.querySelectorAll("table")].map((t) => ({
        caption: t.caption?.textContent?.trim() ?? "",
        thWithoutScope: [...t.querySelectorAll("th")].filter((th) => !th.getAttribute("scope")).length,
        theads: t.querySelectorAll("thead").length,
      }));
      const charts = [...document.querySelectorAll("svg")].map((svg) => ({
        title: svg.querySelector(":scope > title")?.textContent ?? "",
        categories: [...svg.querySelectorAll("text.cat > title")].map((t) => t.textContent ?? ""),
        values: [...svg.querySelectorAll("rect.bar > title")].map((t) => (t.textContent ?? "").split(": ").pop() ?? ""),
      }));
      return { text, tables, charts };
    });
    return { requests, words: read.text.normalize("NFC").split(/\s+/).filter(Boolean), tables: read.tables, charts: read.charts };
  } finally {
    await page.close();
  }
}

/** The PDF's text, one string per line as laid out (pdftotext -layout), NFC. */
export function pdfLines(pdf: string): string[] {
  const result = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new Error(`pdftotext (Debian poppler-utils) is needed and failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout.normalize("NFC").split(/\n|\f/);
}

/** The number of pages of a PDF (pdfinfo). */
export function pdfPages(pdf: string): number {
  const result = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new Error(`pdfinfo (Debian poppler-utils) is needed and failed: ${result.error?.message ?? result.stderr}`);
  return Number(/Pages:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The words that are not whole in the printed text as often as the document has them: a word broken across lines
 * ("15,0" / "0", "Điể" / "m") is missing. Each word is looked for between spaces (or after a "/" that may end a line).
 */
export function brokenWords(words: string[], lines: string[]): string[] {
  const wanted = new Map<string, number>();
  for (const w of words) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  const broken: string[] = [];
  for (const [word, times] of wanted) {
    const re = new RegExp(`(?:^|\\s|/)${escapeRe(word)}(?=\\s|$${word.endsWith("/") ? "|." : ""})`, "gu");
    let found = 0;
    for (const line of lines) found += (line.match(re) ?? []).length;
    if (found < times) broken.push(`${word} (${found} of ${times})`);
  }
  return broken;
}
