import { Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, parseCatalogJson } from "../../scoring";
import { CatalogSwitch, CreatedSheet, WorkbookCatalog } from "../actions";
import { fill, UiStrings } from "../i18n";
import { CatalogPicker } from "./CatalogPicker";
import { CriteriaTree } from "./CriteriaTree";
import { FindingList } from "./FindingList";
import { cellSelector, PanelProps } from "./panel";
import { SkippedList } from "./SkippedList";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CatalogPanelProps extends PanelProps {
  catalogs: Catalog[];
  /** Index into catalogs of the catalogue in use. */
  selected: number;
  /** Puts catalogs[index] in use. */
  onSelect: (index: number) => void;
  /** Adds a catalogue loaded this session (or replaces an earlier one with its id) and puts it in use. */
  onAdd: (catalog: Catalog) => void;
  /** Saves the catalogue in use again after saving it in the workbook failed; null when it is saved. */
  onSaveAgain: (() => void) | null;
  /** What the last switch did in the workbook, to tell the user; null before any (or while one runs). */
  switched?: { name: string; outcome: CatalogSwitch } | null;
  /** The question asked before another catalogue is put in use (App's), shown under the picker; null when none. */
  confirmation?: React.ReactNode;
}

type Outcome =
  | { kind: "json"; name: string; file: string }
  | { kind: "workbook"; read: WorkbookCatalog }
  | { kind: "inserted"; created: CreatedSheet; name: string };

function readFile(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Tab "Tiêu chí": pick, load or read the catalogue in use, put it on a sheet, browse its criteria. */
export function CatalogPanel(props: CatalogPanelProps) {
  const { actions, lang, strings: s, run, busy, catalogs, selected, onSelect, onAdd, onSaveAgain, switched = null, confirmation = null } = props;
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const catalog = catalogs[selected];
  const select = cellSelector(props);

  const loadFile = async (file: File) => {
    setOutcome(null);
    const loaded = await run("busyLoadingFile", async () => parseCatalogJson(await readFile(file), file.name, lang));
    if (!loaded) return;
    setOutcome({ kind: "json", name: loaded.value.name, file: file.name });
    onAdd(loaded.value);
  };

  const readWorkbook = async () => {
    if (!actions) return;
    setOutcome(null);
    const read = await run("busyReadingCatalog", () => actions.readWorkbookCatalog(lang));
    if (!read) return;
    setOutcome({ kind: "workbook", read: read.value });
    if (read.value.catalog) onAdd(read.value.catalog);
  };

  const insertSheet = async () => {
    if (!actions) return;
    setOutcome(null);
    const created = await run("busyInsertingCatalog", () => actions.insertCatalogSheet(catalog, lang));
    if (created) setOutcome({ kind: "inserted", created: created.value, name: catalog.name });
  };

  return (
    <section className={styles.panel} aria-labelledby="catalog-heading">
      <Subtitle2 as="h2" id="catalog-heading">
        {s.catalogHeading}
      </Subtitle2>
      <CatalogPicker catalogs={catalogs} selected={selected} onSelect={onSelect} strings={s} disabled={busy} lang={lang} />
      {confirmation}
      {switched && <SwitchView switched={switched} strings={s} />}
      {onSaveAgain && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.notSaved}</MessageBarBody>
          <MessageBarActions>
            <Button disabledFocusable={busy} onClick={onSaveAgain}>
              {s.setActive}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button disabledFocusable={busy} onClick={() => fileInput.current?.click()} aria-describedby="load-file-hint">
          {s.loadJson}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="catalog-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void loadFile(file);
          }}
        />
        <Button disabled={!actions} disabledFocusable={busy} onClick={() => void readWorkbook()}>
          {s.useWorkbookCatalog}
        </Button>
        <Button disabled={!actions} disabledFocusable={busy} onClick={() => void insertSheet()}>
          {s.insertCatalogSheet}
        </Button>
      </div>
      <Caption1 id="load-file-hint">{s.loadJsonHint}</Caption1>
      {!actions && <Caption1>{s.needsExcel}</Caption1>}
      <div aria-live="polite">{outcome && <OutcomeView outcome={outcome} strings={s} busy={busy} select={select} />}</div>
      <Subtitle2 as="h3">{s.criteriaHeading}</Subtitle2>
      <CriteriaTree catalog={catalog} strings={s} lang={lang} />
    </section>
  );
}

interface OutcomeProps {
  outcome: Outcome;
  strings: UiStrings;
  busy: boolean;
  select: ReturnType<typeof cellSelector>;
}

/** What the last catalogue action did, in the pane's language. */
function OutcomeView({ outcome, strings: s, busy, select }: OutcomeProps) {
  switch (outcome.kind) {
    case "json":
      return <Success text={fill(s.loadedJson, { name: outcome.name, file: outcome.file })} />;
    case "inserted":
      return (
        <>
          <Success text={fill(s.insertedCatalogSheet, { sheet: outcome.created.sheet, name: outcome.name })} />
          <SkippedList items={outcome.created.skipped} strings={s} />
        </>
      );
    case "workbook": {
      const { sheet, catalog, issues } = outcome.read;
      if (sheet === null) {
        return (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{s.noCatalogSheet}</MessageBarBody>
          </MessageBar>
        );
      }
      const errors = issues.filter((i) => i.severity === "error").length;
      const list = issues.length > 0 && <FindingList items={issues} onSelect={select} disabled={busy} strings={s} showSeverity />;
      return (
        <>
          {catalog ? (
            <MessageBar intent={issues.length > 0 ? "warning" : "success"} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{fill(s.catalogSheetUsed, { name: catalog.name, sheet })}</MessageBarTitle>
                {issues.length > 0 && fill(s.catalogSheetWarnings, { count: issues.length })}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{fill(s.catalogSheetUnusable, { sheet, count: errors })}</MessageBarBody>
            </MessageBar>
          )}
          {outcome.read.readings && <ReadingStates readings={outcome.read.readings} strings={s} />}
          {list}
        </>
      );
    }
  }
}

/** How a published table's scoring wordings were read (as the import's review workbook says), and what to check. */
function ReadingStates({ readings: { counts, review }, strings: s }: { readings: NonNullable<WorkbookCatalog["readings"]>; strings: UiStrings }) {
  const total = counts.exact + counts.assumption + counts.notRead + counts.noWording;
  return (
    <div data-testid="reading-states">
      <Caption1 as="p">{fill(s.readingStates, { total, ...counts })}</Caption1>
      {review.length > 0 && (
        <>
          <Caption1 as="p">{s.readingReview}</Caption1>
          <ul>
            {review.map((r) => (
              <li key={r.code}>
                <Caption1>{`${r.code}: ${r.how}`}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The switch took effect in the workbook: saved, recalculated, and the templates' PAR.* formulas written again. */
function SwitchView({ switched: { name, outcome }, strings: s }: { switched: { name: string; outcome: CatalogSwitch }; strings: UiStrings }) {
  const parts = [fill(s.catalogSaved, { name })];
  parts.push(outcome.recalculated ? s.recalculated : s.notRecalculated);
  if (outcome.formulas > 0) parts.push(fill(s.formulasRewritten, { count: outcome.formulas }));
  return (
    <MessageBar intent={outcome.recalculated ? "success" : "warning"} layout="multiline" data-testid="catalog-switched">
      <MessageBarBody>{parts.join(" ")}</MessageBarBody>
    </MessageBar>
  );
}

function Success({ text }: { text: string }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
