/**
 * "Thẩm định": the active sheet read as an appraisal form; its rows by unit with the self score, the evidence and
 * the unit's explanation; a field for the appraised score (checked 0..max before anything is written) and one for
 * the reason. "Ghi vào phiếu" writes the changed rows to the form's last two columns in one batch (excel/appraisal.ts).
 * Loaded in a chunk of its own (App.tsx): a first open of the pane does not need it. Fits 320 px: rows are blocks,
 * not table columns.
 */
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import * as React from "react";
import { CellValue } from "../../scoring";
import { checkAppraisedScore } from "../../scoring/sheet/appraisal-form";
import type { AppraisalEntry, AppraisalFormView, AppraisalWrite } from "../excel/appraisal";
import { fill, formatNumber } from "../i18n";
import { PanelProps } from "./panel";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  unit: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  input: { maxWidth: "100%", minWidth: 0 },
});

interface Draft {
  score: string;
  reason: string;
}

const shownScore = (v: CellValue, lang: "vi" | "en"): string => (typeof v === "number" ? formatNumber(v, lang) : v === null || v === undefined ? "" : String(v));

export function AppraisalPanel(props: PanelProps) {
  const { actions, lang, strings: s, run, busy } = props;
  const styles = useStyles();
  const [form, setForm] = React.useState<AppraisalFormView | null>(null);
  const [drafts, setDrafts] = React.useState<Map<number, Draft>>(new Map());
  const [errors, setErrors] = React.useState<Map<number, string>>(new Map());
  const [outcome, setOutcome] = React.useState<{ write: AppraisalWrite; noReason: string[] } | null>(null);
  const [note, setNote] = React.useState<string | null>(null);

  const readForm = async () => {
    const read = actions?.readAppraisalForm;
    if (!read || !actions) return;
    setOutcome(null);
    setNote(null);
    const done = await run("busyReadingForm", () => read.call(actions));
    if (!done) return;
    const next = done.value;
    setForm(next);
    setErrors(new Map());
    setDrafts(new Map(next.rows.map((r) => [r.row, { score: shownScore(r.appraised, lang), reason: r.reason }])));
  };

  const edit = (row: number, change: Partial<Draft>) => {
    setDrafts((old) => new Map(old).set(row, { ...(old.get(row) ?? { score: "", reason: "" }), ...change }));
    if (change.score !== undefined) setErrors((old) => (old.has(row) ? new Map([...old].filter(([r]) => r !== row)) : old));
  };

  const write = async () => {
    const save = actions?.writeAppraisals;
    if (!form || !save || !actions) return;
    setOutcome(null);
    setNote(null);
    const found = new Map<number, string>();
    const entries: AppraisalEntry[] = [];
    const noReason: string[] = [];
    for (const r of form.rows) {
      const draft = drafts.get(r.row) ?? { score: "", reason: "" };
      const checked = checkAppraisedScore(draft.score, r, lang);
      if ("error" in checked) {
        found.set(r.row, checked.error);
        continue;
      }
      const before = shownScore(r.appraised, lang);
      const reason = draft.reason.trim();
      if (draft.score.trim() === before.trim() && reason === r.reason) continue;
      entries.push({ row: r.row, appraised: checked.value, reason });
      const self = typeof r.self === "number" ? r.self : null;
      if (checked.value !== null && self !== null && Math.abs(checked.value - self) > 0.005 && !reason) noReason.push(`${r.code} (${r.unit})`);
    }
    setErrors(found);
    if (found.size > 0) {
      setNote(fill(s.appraisalInvalid, { count: found.size }));
      return;
    }
    if (entries.length === 0) {
      setNote(s.appraisalNothing);
      return;
    }
    const done = await run("busyWritingForm", () => save.call(actions, form, entries));
    if (!done) return;
    setOutcome({ write: done.value, noReason });
    // What is in the form now: the next write compares with it.
    const written = new Map(entries.map((e) => [e.row, e]));
    setForm({ ...form, rows: form.rows.map((r) => (written.has(r.row) ? { ...r, appraised: written.get(r.row)!.appraised, reason: written.get(r.row)!.reason } : r)) });
    setDrafts((old) => {
      const next = new Map(old);
      for (const e of entries) next.set(e.row, { score: e.appraised === null ? "" : formatNumber(e.appraised, lang), reason: e.reason });
      return next;
    });
  };

  const disabled = busy || !actions?.readAppraisalForm;
  return (
    <section className={styles.panel} aria-labelledby="appraisal-heading">
      <Subtitle2 as="h3" id="appraisal-heading">
        {s.appraisalHeading}
      </Subtitle2>
      <Caption1>{s.appraisalHint}</Caption1>
      <div className={styles.buttons}>
        <Button disabled={disabled} onClick={() => void readForm()}>
          {s.appraisalRead}
        </Button>
        {form && (
          <Button appearance="primary" disabled={busy || !actions?.writeAppraisals} onClick={() => void write()}>
            {s.appraisalWrite}
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite">
        {note && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && (
          <MessageBar intent={outcome.noReason.length > 0 || outcome.write.noted.length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <Text block>{fill(s.appraisalWritten, { rows: outcome.write.rows, sheet: form?.sheet ?? "" })}</Text>
              {outcome.write.comments > 0 && <Text block>{fill(s.appraisalComments, { count: outcome.write.comments })}</Text>}
              {!outcome.write.commentsSupported && <Text block>{s.appraisalNoComments}</Text>}
              {outcome.write.protected && <Text block>{s.appraisalProtected}</Text>}
              {outcome.write.noted.length > 0 && <Text block>{fill(s.appraisalNoted, { cells: outcome.write.noted.join(", ") })}</Text>}
              {outcome.noReason.length > 0 && <Text block>{fill(s.appraisalNoReason, { codes: outcome.noReason.join(", ") })}</Text>}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {form && (
        <>
          <Caption1>{fill(s.appraisalForm, { sheet: form.sheet, rows: form.rows.length, units: form.units.length })}</Caption1>
          {form.units.map((unit, u) => (
            <section key={unit} className={styles.unit} aria-labelledby={`appraisal-unit-${u}`}>
              <Subtitle2 as="h4" id={`appraisal-unit-${u}`} lang={lang === "en" ? "vi" : undefined}>
                {unit}
              </Subtitle2>
              {form.rows
                .filter((r) => r.unit === unit)
                .map((r) => {
                  const draft = drafts.get(r.row) ?? { score: "", reason: "" };
                  const error = errors.get(r.row);
                  const label = `${r.code} ${r.name}`;
                  return (
                    <div key={r.row} className={styles.row} data-testid={`appraisal-row-${r.appraisedCell}`}>
                      <Text weight="semibold">
                        {label}
                        {r.max !== null ? ` (${fill(s.appraisalMax, { max: formatNumber(r.max, lang) })})` : ""}
                      </Text>
                      <Caption1>{fill(s.appraisalSelf, { self: shownScore(r.self, lang) || "—" })}</Caption1>
                      {r.evidence && <Caption1>{fill(s.appraisalEvidence, { text: r.evidence })}</Caption1>}
                      {r.explanation && <Caption1>{fill(s.appraisalExplanation, { text: r.explanation })}</Caption1>}
                      <Field label={`${s.appraisalScore} — ${r.code} (${unit})`} validationState={error ? "error" : "none"} validationMessage={error}>
                        <Input className={styles.input} inputMode="decimal" value={draft.score} onChange={(_, d) => edit(r.row, { score: d.value })} />
                      </Field>
                      <Field label={`${s.appraisalReason} — ${r.code} (${unit})`}>
                        <Textarea className={styles.input} resize="vertical" value={draft.reason} onChange={(_, d) => edit(r.row, { reason: d.value })} />
                      </Field>
                    </div>
                  );
                })}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
