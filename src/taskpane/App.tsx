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
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { Catalog } from "../scoring";
import { CatalogSwitch, PaneActions } from "./actions";
import type { CatalogPanelProps } from "./components/CatalogPanel";
import { isBuiltin } from "./components/CatalogPicker";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { PanelProps } from "./components/panel";
import { useRunner } from "./components/runner";
import type { SummaryPanelProps } from "./components/SummaryPanel";
import { TemplatePanel } from "./components/TemplatePanel";
import type { ValidatePanelProps } from "./components/ValidatePanel";
import { plainErrorText } from "./plain-errors";
import { fill, strings as stringsFor, UiLang, UiStrings } from "./i18n";

/** The tabs' panels besides the template's (which a first open shows). */
export interface PanelComponents {
  CatalogPanel: React.ComponentType<CatalogPanelProps>;
  ValidatePanel: React.ComponentType<ValidatePanelProps>;
  SummaryPanel: React.ComponentType<SummaryPanelProps>;
  /** "Thẩm định" (an appraisal form on the active sheet), under the checks; absent: not shown. */
  AppraisalPanel?: React.ComponentType<PanelProps>;
}

/**
 * What a first open does not need comes in chunks of its own (the criteria tree, the findings, the summary), loaded
 * after the pane is drawn; the component tests pass the panels themselves.
 */
/** "Kiểm tra tài liệu": its own chunk, loaded with the validate tab (it loads pdf.js and mammoth only when used). */
const EvidenceCheck = React.lazy(() => import(/* webpackChunkName: "evidence-check" */ "./components/EvidenceCheck").then((m) => ({ default: m.EvidenceCheck })));

export const lazyPanels: PanelComponents = {
  CatalogPanel: React.lazy(() => import(/* webpackChunkName: "catalog-panel" */ "./components/CatalogPanel").then((m) => ({ default: m.CatalogPanel }))),
  ValidatePanel: React.lazy(() => import(/* webpackChunkName: "validate-panel" */ "./components/ValidatePanel").then((m) => ({ default: m.ValidatePanel }))),
  SummaryPanel: React.lazy(() => import(/* webpackChunkName: "summary-panel" */ "./components/SummaryPanel").then((m) => ({ default: m.SummaryPanel }))),
  AppraisalPanel: React.lazy(() => import(/* webpackChunkName: "appraisal-panel" */ "./components/AppraisalPanel").then((m) => ({ default: m.AppraisalPanel }))),
};

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  top: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingInline: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  current: { flexGrow: 1, minWidth: 0, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  tabs: { display: "grid", gridTemplateColumns: "repeat(4, minmax(0, 1fr))", paddingInline: 0 },
  tab: { minWidth: 0, paddingInline: tokens.spacingHorizontalXXS, justifyContent: "center" },
  tabText: { whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "center", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  footer: { paddingInline: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
  guide: { margin: 0, paddingInlineStart: "1.4em", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  preLine: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
});

/** Something worded in both languages (ParError, UserError). */
export interface Localized {
  text(lang: UiLang): string;
}

/** Where the pane remembers that its first-run guide was read (the webview's own storage; not the workbook). */
export const GUIDE_SEEN_KEY = "par-scorer.guide-seen";

function guideSeen(): boolean {
  try {
    return globalThis.localStorage?.getItem(GUIDE_SEEN_KEY) === "1";
  } catch {
    return false;
  }
}

function rememberGuideSeen(): void {
  try {
    globalThis.localStorage?.setItem(GUIDE_SEEN_KEY, "1");
  } catch {
    // Storage refused (private mode): the guide shows again next time.
  }
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
  /** In an Excel too old for the pane's workbook actions: said instead of "outside Excel". */
  oldExcel?: boolean;
  /** office.js could not be loaded (offline, blocked by a proxy): said instead of "outside Excel". */
  officeMissing?: boolean;
  /** Office's theme: dark when Office's own background is dark. */
  theme?: "light" | "dark";
  /** Whether to open with the three-step guide; by default, until the user has hidden it once. */
  firstRun?: boolean;
  /** The panels (lazily loaded by default). */
  panels?: PanelComponents;
}

type TabValue = "catalog" | "template" | "validate" | "summary";
const TABS: { value: TabValue; label: "tabCatalog" | "tabTemplate" | "tabValidate" | "tabSummary" }[] = [
  { value: "catalog", label: "tabCatalog" },
  { value: "template", label: "tabTemplate" },
  { value: "validate", label: "tabValidate" },
  { value: "summary", label: "tabSummary" },
];

export function App({
  catalogs: initialCatalogs,
  initial,
  lang: initialLang,
  actions,
  notice = null,
  oldExcel = false,
  officeMissing = false,
  theme = "light",
  firstRun,
  panels = lazyPanels,
}: AppProps) {
  const { CatalogPanel, ValidatePanel, SummaryPanel, AppraisalPanel } = panels;
  const styles = useStyles();
  const [lang, setLang] = React.useState(initialLang);
  const s = stringsFor(lang);
  const [catalogs, setCatalogs] = React.useState(initialCatalogs);
  const [selected, setSelected] = React.useState(() => Math.max(0, initialCatalogs.indexOf(initial)));
  const [guide, setGuide] = React.useState(() => firstRun ?? !guideSeen());
  const [tab, setTab] = React.useState<TabValue>(guide ? "template" : "catalog");
  const { runIn, busy, error, scope, dismissError } = useRunner();
  const catalog = catalogs[selected] ?? initial;
  // A catalogue waiting for the user's yes before it is put in use (index into catalogs).
  const [pending, setPending] = React.useState<number | null>(null);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const show = (next: TabValue) => {
    setTab(next);
  };

  // True when saving the choice in the workbook failed: the catalogue tab then offers to try again.
  const [unsaved, setUnsaved] = React.useState(false);
  // What the last switch did in the workbook (recalculated, formulas written again), told in the catalogue tab.
  const [switched, setSwitched] = React.useState<{ name: string; outcome: CatalogSwitch } | null>(null);

  const activate = async (next: Catalog) => {
    if (!actions) return;
    setSwitched(null);
    const done = await runIn("catalog")("busySavingCatalog", () => actions.setActiveCatalog(next));
    setUnsaved(done === null);
    if (done) setSwitched({ name: next.name, outcome: done.value });
  };

  /** Outside Excel nothing is rewritten: the choice is made at once. In Excel the user says yes first. */
  const choose = (index: number, list: Catalog[] = catalogs) => {
    if (!actions) {
      setSelected(index);
      return;
    }
    setSwitched(null);
    setPending(index === selected && list === catalogs ? null : index);
  };

  const confirm = () => {
    if (pending === null || busy) return;
    const next = catalogs[pending];
    setSelected(pending);
    setPending(null);
    void activate(next);
  };

  const select = (index: number) => {
    if (busy) return;
    choose(index);
  };

  /** A catalogue loaded this session replaces an earlier loaded one with the same id, else joins the list; then the user is asked. */
  const add = (next: Catalog) => {
    const same = catalogs.findIndex((c) => c.id === next.id && !isBuiltin(c));
    const list = same >= 0 ? catalogs.map((c, i) => (i === same ? next : c)) : [...catalogs, next];
    setCatalogs(list);
    const index = same >= 0 ? same : list.length - 1;
    if (!actions) setSelected(index);
    else {
      setSwitched(null);
      setPending(index);
    }
  };

  /**
   * The catalogue a checked sheet names, put in use from the "Kiểm tra" tab: the one already listed with its id, else
   * added; the question (switching rewrites formulas) is asked on the catalogue tab, which is shown.
   */
  const useNamed = (next: Catalog) => {
    const listed = catalogs.findIndex((c) => c.id === next.id);
    if (listed < 0) add(next);
    else choose(listed);
    if (actions) show("catalog");
  };

  const closeGuide = () => {
    rememberGuideSeen();
    setGuide(false);
  };

  const panel = (where: TabValue): PanelProps => ({ actions, lang, strings: s, run: runIn(where), busy: busy !== null });
  const mine = scope === null || scope === tab;
  const vi = lang === "en" ? "vi" : undefined;

  const confirmation =
    pending !== null && catalogs[pending] ? (
      <MessageBar intent="warning" layout="multiline" data-testid="confirm-switch">
        <MessageBarBody>
          <MessageBarTitle>{fill(s.confirmSwitchTitle, { name: catalogs[pending].name })}</MessageBarTitle>
          {s.confirmSwitchBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" size="small" disabledFocusable={busy !== null} onClick={confirm}>
            {s.confirmSwitch}
          </Button>
          <Button size="small" onClick={() => setPending(null)}>
            {s.cancel}
          </Button>
        </MessageBarActions>
      </MessageBar>
    ) : null;

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang} className={styles.root}>
      <div className={styles.top}>
        <h1 className={styles.hidden}>{s.title}</h1>
        <div className={styles.bar}>
          <Caption1 className={styles.current} truncate wrap={false} title={fill(s.activeCatalog, { name: catalog.name })}>
            {s.activeCatalogShort}{" "}
            <Text size={200} weight="semibold" wrap={false} lang={vi}>
              {catalog.name}
            </Text>
          </Caption1>
          <LanguageSwitch lang={lang} onChange={setLang} strings={s} />
        </div>
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => show(data.value as TabValue)} aria-label={s.tabs}>
          {TABS.map((t) => (
            <Tab key={t.value} className={styles.tab} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`}>
              <span className={styles.tabText}>{s[t.label]}</span>
            </Tab>
          ))}
        </TabList>
        {/* The running action and the last failure of this tab, always in view (announced to screen readers). */}
        <div role="status" aria-live="polite" className={styles.status} data-testid="pane-status">
          {busy && mine && <Spinner size="tiny" labelPosition="after" label={s[busy]} />}
          {error && mine && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody className={styles.preLine}>
                <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
                {plainErrorText(error.cause, lang)}
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
        </div>
      </div>
      <main className={styles.page}>
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
            <MessageBarBody className={styles.preLine}>{plainErrorText(notice, lang)}</MessageBarBody>
          </MessageBar>
        )}
        {guide && <Guide strings={s} onStart={() => show("template")} onClose={closeGuide} className={styles.guide} rowClass={styles.row} />}
        {/* Every panel stays mounted (hidden when not chosen), so results survive switching tabs. */}
        <div role="tabpanel" id="panel-catalog" aria-labelledby="tab-catalog" hidden={tab !== "catalog"}>
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <CatalogPanel
                {...panel("catalog")}
                catalogs={catalogs}
                selected={selected}
                onSelect={select}
                onAdd={add}
                onSaveAgain={unsaved ? () => void activate(catalog) : null}
                switched={switched}
                confirmation={confirmation}
            />
          </React.Suspense>
        </div>
        <div role="tabpanel" id="panel-template" aria-labelledby="tab-template" hidden={tab !== "template"}>
          <TemplatePanel {...panel("template")} catalog={catalog} />
        </div>
        <div role="tabpanel" id="panel-validate" aria-labelledby="tab-validate" hidden={tab !== "validate"}>
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <ValidatePanel {...panel("validate")} catalog={catalog} onUseCatalog={useNamed} />
            <EvidenceCheck {...panel("validate")} catalog={catalog} />
            {AppraisalPanel && <AppraisalPanel {...panel("validate")} />}
          </React.Suspense>
        </div>
        <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" hidden={tab !== "summary"}>
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <SummaryPanel {...panel("summary")} catalog={catalog} />
          </React.Suspense>
        </div>
      </main>
      <footer className={styles.footer}>
        <Caption1>{s.brand}</Caption1>
      </footer>
    </FluentProvider>
  );
}

function Guide({ strings: s, onStart, onClose, className, rowClass }: { strings: UiStrings; onStart: () => void; onClose: () => void; className: string; rowClass: string }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="guide">
      <MessageBarBody>
        <MessageBarTitle>{s.guideTitle}</MessageBarTitle>
        <ol className={className}>
          <li>{s.guideStep1}</li>
          <li>{s.guideStep2}</li>
          <li>{s.guideStep3}</li>
        </ol>
        <div className={rowClass}>
          <Button size="small" appearance="primary" onClick={onStart}>
            {s.guideStart}
          </Button>
          <Button size="small" onClick={onClose}>
            {s.guideClose}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
