import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Title3, tokens, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { Catalog } from "../scoring";
import { CatalogPicker } from "./components/CatalogPicker";
import { CriteriaTree } from "./components/CriteriaTree";
import { fill, strings as stringsFor, UiLang } from "./i18n";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  /** The catalogues to choose from (the built-ins, plus the workbook's custom one if any). */
  catalogs: Catalog[];
  /** The catalogue active at start (one of catalogs). */
  initial: Catalog;
  lang: UiLang;
  /** False in a plain browser: the page then explains how to load the add-in into Excel. */
  inExcel: boolean;
  /** Switches (and, in Excel, remembers) the active catalogue; a rejection is shown to the user. */
  onSelectCatalog?: (catalog: Catalog) => Promise<void> | void;
  /** A problem met at start (e.g. an unreadable stored catalogue), already worded for the user. */
  notice?: string | null;
}

export function App({ catalogs, initial, lang, inExcel, onSelectCatalog, notice = null }: AppProps) {
  const styles = useStyles();
  const s = stringsFor(lang);
  const [selected, setSelected] = React.useState(() => Math.max(0, catalogs.indexOf(initial)));
  const [error, setError] = React.useState<string | null>(null);
  const catalog = catalogs[selected] ?? initial;

  const select = (index: number) => {
    setSelected(index);
    setError(null);
    Promise.resolve(onSelectCatalog?.(catalogs[index])).catch((e: unknown) =>
      setError(fill(s.savedError, { detail: e instanceof Error ? e.message : String(e) })),
    );
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main className={styles.page}>
        <Title3 as="h1">{s.title}</Title3>
        {!inExcel && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>{s.outsideTitle}</MessageBarTitle>
              {s.outsideHint}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <CatalogPicker catalogs={catalogs} selected={selected} onSelect={select} strings={s} />
        <Subtitle2 as="h2">{s.criteriaHeading}</Subtitle2>
        <CriteriaTree catalog={catalog} strings={s} />
      </main>
    </FluentProvider>
  );
}
