import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Checkbox,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { Catalog, countFindings, FieldGroup, Finding, groupFindings } from "../../scoring";
import { fold } from "../../scoring/fold";
import { FlagOutcome, UnflagOutcome, Validation } from "../actions";
import { SkippedList } from "./SkippedList";
import { countText, fill, UiLang, UiStrings } from "../i18n";
import { FindingList } from "./FindingList";
import { cellSelector, PanelProps } from "./panel";
import { ReadingNotes } from "./ReadingNotes";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  kind: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  kindHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

/** The findings a search (cell, code or words, without diacritics) and the "errors only" box leave. */
export function filterFindings(findings: Finding[], query: string, errorsOnly: boolean): Finding[] {
  const q = fold(query);
  return findings.filter((f) => (!errorsOnly || f.severity === "error") && (!q || fold([f.cell, f.code ?? "", f.message].join(" ")).includes(q)));
}

export interface ValidatePanelProps extends PanelProps {
  catalog: Catalog;
  /** Puts a catalogue in use (the one the sheet names, offered by ReadingNotes). */
  onUseCatalog?: (catalog: Catalog) => void;
}

type Notice = { kind: "flag"; outcome: FlagOutcome } | { kind: "unflag"; outcome: UnflagOutcome };

function noticeText(notice: Notice, s: UiStrings): string {
  if (notice.kind === "unflag") return fill(s.unflagged, { cells: notice.outcome.cells, sheet: notice.outcome.sheet });
  const { cells, sheet, mode, findingsSheet } = notice.outcome;
  const template = mode === "note" ? s.flaggedNote : mode === "comment" ? s.flaggedComment : s.flaggedSheet;
  return fill(template, { cells, sheet, findings: findingsSheet ?? "" });
}

/** Tab "Kiểm tra": validates the open sheet, shows the findings by field and kind, flags them on the sheet. */
export function ValidatePanel(props: ValidatePanelProps) {
  const { actions, lang, strings: s, run, busy, catalog } = props;
  const styles = useStyles();
  // The catalogue validated against stays with its result (field names), whatever is picked later.
  const [result, setResult] = React.useState<{ validation: Validation; catalog: Catalog; lang: UiLang } | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  // The sheets with flags in the workbook (null: not known, Xóa đánh dấu stays on).
  const [flagged, setFlagged] = React.useState<Set<string> | null>(null);
  const select = cellSelector(props);

  React.useEffect(() => {
    let live = true;
    actions
      ?.flaggedSheets?.()
      .then((sheets) => live && setFlagged(new Set(sheets)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [actions]);

  const validate = async () => {
    if (!actions) return;
    setNotice(null);
    const done = await run("busyValidating", () => actions.validateActiveSheet(catalog, lang));
    if (!done) return;
    setResult({ validation: done.value, catalog: done.value.switchTo ?? catalog, lang });
    setNotice(null);
  };

  const flag = async () => {
    if (!actions || !result) return;
    setNotice(null);
    const done = await run("busyFlagging", () => actions.flagFindings(result.validation, lang));
    if (done) {
      setNotice({ kind: "flag", outcome: done.value });
      if (done.value.cells > 0) setFlagged((f) => new Set([...(f ?? []), done.value.sheet]));
    }
  };

  const unflag = async () => {
    if (!actions) return;
    setNotice(null);
    const done = await run("busyUnflagging", () => actions.unflag(result ? result.validation.sheet : null));
    if (done) {
      setNotice({ kind: "unflag", outcome: done.value });
      setFlagged((f) => (f ? new Set([...f].filter((name) => name !== done.value.sheet)) : f));
    }
  };

  const findings = result?.validation.findings ?? [];
  const nothingFlagged = flagged !== null && flagged.size === 0;
  const counts = countFindings(findings);
  return (
    <section className={styles.panel} aria-labelledby="validate-heading">
      <Subtitle2 as="h2" id="validate-heading">
        {s.validateHeading}
      </Subtitle2>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!actions} disabledFocusable={busy} onClick={() => void validate()}>
          {s.validate}
        </Button>
        <Button disabled={!actions || findings.length === 0} disabledFocusable={busy} onClick={() => void flag()} aria-describedby="flag-hint">
          {s.flag}
        </Button>
        <Button disabled={!actions || nothingFlagged} disabledFocusable={busy} onClick={() => void unflag()} aria-describedby={nothingFlagged ? "unflag-reason" : undefined}>
          {s.unflag}
        </Button>
      </div>
      {!actions && <Caption1>{s.needsExcel}</Caption1>}
      {actions && <Caption1 id="flag-hint">{s.flagHint}</Caption1>}
      {actions && nothingFlagged && <Caption1 id="unflag-reason">{s.unflagReason}</Caption1>}
      <div role="status" aria-live="polite" data-testid="validate-live">
        {result && (
          <span className={styles.hidden}>
            {fill(s.validatedLive, { sheet: result.validation.sheet, errors: countText(s, "errors", counts.errors), warnings: countText(s, "warnings", counts.warnings) })}
          </span>
        )}
        {notice && (
          <MessageBar intent={notice.kind === "flag" && (notice.outcome.skipped ?? []).length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>{noticeText(notice, s)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {notice?.kind === "flag" && <SkippedList items={notice.outcome.skipped ?? []} strings={s} />}
      {result ? (
        <>
          {result.lang !== lang && <Caption1>{s.messagesLanguage}</Caption1>}
          <ValidationResult {...props} validation={result.validation} catalog={result.catalog} select={select} />
          <ReadingNotes validation={result.validation} lang={lang} busy={busy} onUseCatalog={props.onUseCatalog} />
        </>
      ) : (
        <Text>{s.validateHint}</Text>
      )}
    </section>
  );
}

interface ResultProps extends ValidatePanelProps {
  validation: Validation;
  select: ((sheet: string, cell: string) => void) | null;
}

function ValidationResult({ validation, catalog, lang, strings: s, busy, select }: ResultProps) {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [errorsOnly, setErrorsOnly] = React.useState(false);
  const all = validation.findings;
  const counts = countFindings(all);
  const findings = React.useMemo(() => filterFindings(all, query, errorsOnly), [all, query, errorsOnly]);
  const filtered = findings.length !== all.length;
  const missing = findings.filter((f) => f.kind === "missing-evidence");
  const groups = React.useMemo(() => {
    // "unscored" is said by its own bar below, not listed again.
    const others = findings.filter((f) => f.kind !== "missing-evidence" && f.kind !== "unscored");
    return others.length > 0 ? groupFindings(others, catalog, lang) : [];
  }, [findings, catalog, lang]);
  return (
    <>
      <div className={styles.header}>
        <Subtitle2 as="h3">{fill(s.validationHeader, { sheet: validation.sheet, unit: validation.unit, rows: validation.rows })}</Subtitle2>
        <div className={styles.counts} data-testid="finding-counts">
          <Badge size="large" shape="rounded" color="danger" appearance={counts.errors > 0 ? "filled" : "tint"}>
            {countText(s, "errors", counts.errors)}
          </Badge>
          <Badge size="large" shape="rounded" color="warning" appearance={counts.warnings > 0 ? "filled" : "tint"}>
            {countText(s, "warnings", counts.warnings)}
          </Badge>
        </div>
      </div>
      {!validation.scored && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.nothingScored}</MessageBarTitle>
            {s.nothingScoredDetail}
          </MessageBarBody>
        </MessageBar>
      )}
      {all.length > 0 && (
        <div className={styles.filters}>
          <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} aria-label={s.searchFindings} placeholder={s.searchFindings} />
          <Checkbox checked={errorsOnly} onChange={(_, d) => setErrorsOnly(d.checked === true)} label={s.errorsOnly} />
          {filtered && <Caption1>{fill(s.shownFindings, { shown: findings.length, total: all.length })}</Caption1>}
        </div>
      )}
      {all.length === 0 && validation.scored && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.noFindings}</MessageBarTitle>
            {s.noFindingsDetail}
          </MessageBarBody>
        </MessageBar>
      )}
      {missing.length > 0 && (
        <MessageBar intent={missing.some((f) => f.severity === "error") ? "error" : "warning"} layout="multiline" data-testid="missing-evidence">
          <MessageBarBody>
            <MessageBarTitle>{fill(s.missingEvidenceTitle, { count: missing.length })}</MessageBarTitle>
            <Text block>{s.missingEvidenceHint}</Text>
            <FindingList items={missing} onSelect={select} disabled={busy} strings={s} />
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.length > 0 && (
        <>
          <Subtitle2 as="h3">{s.otherFindings}</Subtitle2>
          <Caption1>{s.findingsIn}</Caption1>
          <FieldAccordion groups={groups} select={select} busy={busy} strings={s} open={filtered || findings.length <= 20} />
        </>
      )}
    </>
  );
}

/** The fields' findings: open when few (or filtered), else one closed line per field. */
function FieldAccordion({ groups, select, busy, strings: s, open }: { groups: FieldGroup[]; select: ResultProps["select"]; busy: boolean; strings: UiStrings; open: boolean }) {
  const styles = useStyles();
  const keys = groups.map((g) => g.field ?? "");
  return (
    <Accordion multiple collapsible defaultOpenItems={open ? keys : []} key={`${open}|${keys.join("|")}`}>
      {groups.map((group) => (
        <AccordionItem key={group.field ?? ""} value={group.field ?? ""}>
          <AccordionHeader as="h4">
            {group.label} ({group.count})
          </AccordionHeader>
          <AccordionPanel>
            {group.kinds.map((kind) => (
              <div key={kind.kind} className={styles.kind} data-kind={kind.kind}>
                <div className={styles.kindHead}>
                  <Text weight="semibold">{kind.label}</Text>
                  <Badge size="small" color={kind.severity === "error" ? "danger" : "warning"} appearance={kind.severity === "error" ? "filled" : "tint"}>
                    {kind.findings.length}
                  </Badge>
                </div>
                <FindingList items={kind.findings} onSelect={select} disabled={busy} strings={s} />
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
