import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { Catalog } from "../scoring";
import { CatalogSwitch, PaneActions } from "./actions";
import { CatalogPanel } from "./components/CatalogPanel";
import { isBuiltin } from "./components/CatalogPicker";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { PanelProps } from "./components/panel";
import { useRunner } from "./components/runner";
import { SummaryPanel } from "./components/SummaryPanel";
import { TemplatePanel } from "./components/TemplatePanel";
import { ValidatePanel } from "./components/ValidatePanel";
import { EvidenceCheck } from "./components/EvidenceCheck";
import { errorText } from "./errors";
import { fill, strings as stringsFor, UiLang } from "./i18n";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
});

/** Something worded in both languages (ParError, UserError). */
export interface Localized {
  text(lang: UiLang): string;
}

export interface AppProps {
  /** The catalogues to choose from (the built-ins, plus the workbook's custom one if any). */
  catalogs: Catalog[];
  /** The catalogue in use at start (one of catalogs). */
  initial: Catalog;
  /** The language at start (Office's display language); the pane's switch changes it. */
  lang: UiLang;
  /** The workbook's actions; null in a plain browser, where the page explains how to load the add-in. */
  actions: PaneActions | null;
  /** A problem met at start (e.g. an unreadable stored catalogue). */
  notice?: Localized | null;
  /** In an Excel too old for the pane's workbook actions (ExcelApi 1.7): said instead of "outside Excel". */
  oldExcel?: boolean;
  /** office.js could not be loaded (offline, blocked by a proxy): said instead of "outside Excel". */
  officeMissing?: boolean;
}

type TabValue = "catalog" | "template" | "validate" | "summary";
const TABS: { value: TabValue; label: "tabCatalog" | "tabTemplate" | "tabValidate" | "tabSummary" }[] = [
  { value: "catalog", label: "tabCatalog" },
  { value: "template", label: "tabTemplate" },
  { value: "validate", label: "tabValidate" },
  { value: "summary", label: "tabSummary" },
];

export function App({ catalogs: initialCatalogs, initial, lang: initialLang, actions, notice = null, oldExcel = false, officeMissing = false }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = React.useState(initialLang);
  const s = stringsFor(lang);
  const [catalogs, setCatalogs] = React.useState(initialCatalogs);
  const [selected, setSelected] = React.useState(() => Math.max(0, initialCatalogs.indexOf(initial)));
  const [tab, setTab] = React.useState<TabValue>("catalog");
  const { run, busy, error, dismissError } = useRunner();
  const catalog = catalogs[selected] ?? initial;

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // True when saving the choice in the workbook failed: the catalogue tab then offers to try again.
  const [unsaved, setUnsaved] = React.useState(false);
  // What the last switch did in the workbook (recalculated, formulas written again), told in the catalogue tab.
  const [switched, setSwitched] = React.useState<{ name: string; outcome: CatalogSwitch } | null>(null);

  const activate = async (next: Catalog) => {
    if (!actions) return;
    setSwitched(null);
    const done = await run("busySavingCatalog", () => actions.setActiveCatalog(next));
    setUnsaved(done === null);
    if (done) setSwitched({ name: next.name, outcome: done.value });
  };

  const select = (index: number) => {
    if (busy) return;
    setSelected(index);
    void activate(catalogs[index]);
  };

  /** A catalogue loaded this session replaces an earlier loaded one with the same id, else joins the list. */
  const add = (next: Catalog) => {
    const same = catalogs.findIndex((c) => c.id === next.id && !isBuiltin(c));
    const list = same >= 0 ? catalogs.map((c, i) => (i === same ? next : c)) : [...catalogs, next];
    setCatalogs(list);
    setSelected(same >= 0 ? same : list.length - 1);
    void activate(next);
  };

  const panel: PanelProps = { actions, lang, strings: s, run, busy: busy !== null };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.page}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <Subtitle1 as="h1">{s.title}</Subtitle1>
            <Caption1>{fill(s.activeCatalog, { name: catalog.name })}</Caption1>
          </div>
          <LanguageSwitch lang={lang} onChange={setLang} strings={s} />
        </header>
        {!actions && (
          <MessageBar intent={oldExcel || officeMissing ? "warning" : "info"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{officeMissing ? s.officeMissingTitle : oldExcel ? s.oldExcelTitle : s.outsideTitle}</MessageBarTitle>
              {officeMissing ? s.officeMissingHint : oldExcel ? s.oldExcelHint : s.outsideHint}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{errorText(notice, lang)}</MessageBarBody>
          </MessageBar>
        )}
        <div role="status" aria-live="polite">
          {busy && <Spinner size="tiny" labelPosition="after" label={s[busy]} />}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
              {errorText(error.cause, lang)}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" size="small" onClick={dismissError}>
                  {s.dismiss}
                </Button>
              }
            />
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabValue)} aria-label={s.tabs}>
          {TABS.map((t) => (
            <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`}>
              {s[t.label]}
            </Tab>
          ))}
        </TabList>
        {/* Every panel stays mounted (hidden when not chosen), so results survive switching tabs. */}
        <div role="tabpanel" id="panel-catalog" aria-labelledby="tab-catalog" hidden={tab !== "catalog"}>
          <CatalogPanel
            {...panel}
            catalogs={catalogs}
            selected={selected}
            onSelect={select}
            onAdd={add}
            onSaveAgain={unsaved ? () => void activate(catalog) : null}
            switched={switched}
          />
        </div>
        <div role="tabpanel" id="panel-template" aria-labelledby="tab-template" hidden={tab !== "template"}>
          <TemplatePanel {...panel} catalog={catalog} />
        </div>
        <div role="tabpanel" id="panel-validate" aria-labelledby="tab-validate" hidden={tab !== "validate"}>
          <ValidatePanel {...panel} catalog={catalog} onUseCatalog={add} />
          <EvidenceCheck {...panel} catalog={catalog} />
        </div>
        <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" hidden={tab !== "summary"}>
          <SummaryPanel {...panel} catalog={catalog} />
        </div>
      </main>
    </FluentProvider>
  );
}
