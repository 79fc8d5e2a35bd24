/**
 * Under the findings: the catalogue the sheet names when it is not the active one (with a button to switch to it),
 * and the collapsed "Cách đọc bảng" section: how every sheet and row was read (the core's ledger, ledgerLines).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, ledgerLines } from "../../scoring";
import { Validation } from "../actions";
import { UiLang } from "../i18n";

const WORDS = {
  vi: { reading: "Cách đọc bảng", use: (name: string) => `Dùng bộ "${name}"` },
  en: { reading: "How the sheet was read", use: (name: string) => `Use "${name}"` },
};

export function ReadingNotes({ validation, lang, busy, onUseCatalog }: { validation: Validation; lang: UiLang; busy: boolean; onUseCatalog?: (catalog: Catalog) => void }) {
  const w = WORDS[lang];
  const lines = React.useMemo(() => (validation.reading ? ledgerLines(validation.reading, lang) : []), [validation.reading, lang]);
  const switchTo = validation.switchTo;
  return (
    <>
      {switchTo && validation.switchNote && (
        <MessageBar intent="warning" layout="multiline" data-testid="catalog-named">
          <MessageBarBody>{validation.switchNote}</MessageBarBody>
          {onUseCatalog && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={() => onUseCatalog(switchTo)}>
                {w.use(switchTo.name)}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {lines.length > 0 && (
        <Accordion collapsible data-testid="reading-ledger">
          <AccordionItem value="reading">
            <AccordionHeader size="small">{w.reading}</AccordionHeader>
            <AccordionPanel>
              {lines.map((l, i) => (
                <Text block size={200} key={i}>
                  {[l.sheet, l.row, l.readAs, l.code, l.note].filter(Boolean).join(" · ")}
                </Text>
              ))}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}
