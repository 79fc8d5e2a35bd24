/**
 * "Kiểm tra tài liệu": the user chooses the evidence folder (or files); they are read here in the browser (text PDFs
 * and .docx: pdf.js and mammoth load only now, as chunks of their own) and the active sheet's citations are checked
 * against them by the core, as `par validate --evidence DIR` does. OCR of scans stays in the command line.
 * Self-contained (its own words in both languages), so the pane's layout can place it anywhere.
 */
import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, EvidenceDocument, evidenceDocuments, EvidenceFile, EvidenceMatch } from "../../scoring";
import { EvidenceCheck as Result } from "../actions";
import { UiLang } from "../i18n";
import { FindingList } from "./FindingList";
import { cellSelector, PanelProps } from "./panel";

const WORDS = {
  vi: {
    heading: "Kiểm tra tài liệu",
    intro: "Chọn thư mục (hoặc các tệp) tài liệu kiểm chứng của đơn vị: từng văn bản ghi trong cột TLKC được đối chiếu với nội dung tệp (số, ký hiệu, ngày, cơ quan ban hành). Đọc được PDF có chữ và .docx; ảnh quét cần dòng lệnh với --ocr.",
    folder: "Chọn thư mục…",
    files: "Chọn tệp…",
    read: (n: number, ok: number) => `${n} tệp, đọc được ${ok}`,
    head: ["Tiêu chí", "Văn bản trích dẫn", "Tệp", "Kết quả"],
    uncited: "Tệp không tiêu chí nào trích dẫn (thông tin):",
    none: "Không có văn bản nào trong cột TLKC để đối chiếu.",
    status: { found: "khớp", mismatch: "khác ngày/cơ quan", "not-found": "không có tệp", "out-of-period": "ngoài kỳ đánh giá", unreadable: "không đọc được" },
  },
  en: {
    heading: "Check documents",
    intro: "Choose the unit's evidence folder (or files): each document cited in the evidence column is checked against the files' content (number, symbol, date, issuer). Text PDFs and .docx are read; scans need the command line with --ocr.",
    folder: "Choose folder…",
    files: "Choose files…",
    read: (n: number, ok: number) => `${n} files, ${ok} read`,
    head: ["Criterion", "Citation", "File", "Result"],
    uncited: "Files no criterion cites (information):",
    none: "No citation in the evidence column to check.",
    status: { found: "matches", mismatch: "other date/issuer", "not-found": "no file", "out-of-period": "out of period", unreadable: "unreadable" },
  },
} satisfies Record<UiLang, unknown>;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "start" } },
});

export interface EvidenceCheckProps extends PanelProps {
  catalog: Catalog;
  /** Reads the chosen files (default: pdf.js and mammoth in the browser); tests pass their own. */
  readFiles?: (files: File[]) => Promise<EvidenceFile[]>;
}

async function defaultRead(files: File[]): Promise<EvidenceFile[]> {
  const { readBrowserFiles } = await import(/* webpackChunkName: "evidence-read" */ "../evidence/read-files");
  return readBrowserFiles(files);
}

export function EvidenceCheck(props: EvidenceCheckProps) {
  const { actions, lang, strings, run, busy, catalog } = props;
  const w = WORDS[lang];
  const styles = useStyles();
  const folderInput = React.useRef<HTMLInputElement>(null);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const [result, setResult] = React.useState<{ check: Result; documents: EvidenceDocument[] } | null>(null);
  const select = cellSelector(props);

  React.useEffect(() => {
    // webkitdirectory is not a React prop: set it on the element.
    folderInput.current?.setAttribute("webkitdirectory", "");
  }, []);

  const chosen = async (list: FileList | null) => {
    const check = actions?.checkEvidence;
    if (!list || list.length === 0 || !check || !actions) return;
    const files = Array.from(list);
    const done = await run("busyValidating", async () => {
      const documents = evidenceDocuments(await (props.readFiles ?? defaultRead)(files));
      return { check: await check.call(actions, catalog, lang, documents), documents };
    });
    if (done) setResult(done.value);
  };

  const disabled = busy || !actions?.checkEvidence;
  const row = (m: EvidenceMatch, i: number) => (
    <tr key={i} data-status={m.status}>
      <td>{m.code}</td>
      <td>{m.citation}</td>
      <td>{m.file ?? "—"}</td>
      <td>{w.status[m.status]}</td>
    </tr>
  );
  return (
    <section className={styles.panel} aria-labelledby="evidence-check-heading">
      <Subtitle2 as="h3" id="evidence-check-heading">
        {w.heading}
      </Subtitle2>
      <Caption1>{w.intro}</Caption1>
      <div className={styles.buttons}>
        <Button disabled={disabled} onClick={() => folderInput.current?.click()}>
          {w.folder}
        </Button>
        <Button disabled={disabled} onClick={() => filesInput.current?.click()}>
          {w.files}
        </Button>
      </div>
      <input ref={folderInput} type="file" multiple hidden aria-label={w.folder} onChange={(e) => void chosen(e.currentTarget.files)} />
      <input ref={filesInput} type="file" multiple hidden accept=".pdf,.docx,application/pdf" aria-label={w.files} onChange={(e) => void chosen(e.currentTarget.files)} />
      {result && (
        <>
          <Caption1>{w.read(result.documents.length, result.documents.filter((d) => d.parts !== null).length)}</Caption1>
          {result.check.matches.length === 0 ? (
            <Caption1>{w.none}</Caption1>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>{w.head.map((h) => <th key={h}>{h}</th>)}</tr>
              </thead>
              <tbody>{result.check.matches.map(row)}</tbody>
            </table>
          )}
          <FindingList items={result.check.findings} onSelect={select} disabled={busy} strings={strings} showSeverity />
          {result.check.uncited.length > 0 && (
            <Caption1>
              {w.uncited} {result.check.uncited.join(", ")}
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}
