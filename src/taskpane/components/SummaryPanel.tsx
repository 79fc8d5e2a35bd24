import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Catalog } from "../../scoring";
import { SummaryOutcome } from "../actions";
import { fill, formatNumber, UiLang, UiStrings } from "../i18n";
import { PanelProps } from "./panel";
import { SkippedList } from "./SkippedList";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface SummaryPanelProps extends PanelProps {
  catalog: Catalog;
}

/** Unit sheets with scores: a blank template is not a unit yet. */
export const scoredUnits = (outcome: SummaryOutcome) => Math.max(0, outcome.units - outcome.unscored.length);

/** The outcome in words: sheets written, the unit's index and class, how many unit sheets were found. */
export function summaryLines(outcome: SummaryOutcome, s: UiStrings, lang: UiLang): string[] {
  const shown = (x: number | null) => (x === null ? s.indexUnknown : formatNumber(x, lang));
  const index = shown(outcome.index);
  const r = outcome.rounds;
  return [
    fill(s.sheetsWritten, { sheets: outcome.sheets.map((name) => `"${name}"`).join(", ") }),
    fill(s.unitResult, { unit: outcome.unit, index, band: outcome.band ?? s.bandUnknown }),
    ...(r ? [fill(s.unitRounds, { self: shown(r.self), round1: shown(r.round1), final: shown(r.final) })] : []),
    scoredUnits(outcome) > 1 ? fill(s.manyUnits, { count: scoredUnits(outcome) }) : scoredUnits(outcome) === 1 ? s.oneUnit : s.noUnit,
    ...(outcome.unscored.length > 0 ? [fill(s.unscoredUnits, { sheets: outcome.unscored.map((name) => `"${name}"`).join(", ") })] : []),
  ];
}

/** Tab "Tổng hợp": writes the summary, plan and ranking sheets for the workbook's unit sheets. */
export function SummaryPanel({ actions, lang, strings: s, run, busy, catalog }: SummaryPanelProps) {
  const styles = useStyles();
  const [outcome, setOutcome] = React.useState<SummaryOutcome | null>(null);

  const summarise = async () => {
    if (!actions) return;
    setOutcome(null);
    const done = await run("busySummarising", () => actions.generateSummary(catalog, lang));
    if (done) setOutcome(done.value);
  };

  const [first, ...rest] = outcome ? summaryLines(outcome, s, lang) : [];
  return (
    <section className={styles.panel} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading">
        {s.summaryHeading}
      </Subtitle2>
      <Text>{s.summaryHint}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!actions} disabledFocusable={busy} onClick={() => void summarise()}>
          {s.summarise}
        </Button>
      </div>
      {!actions && <Caption1>{s.needsExcel}</Caption1>}
      <div role="status" aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.unscored.length > 0 || outcome.skipped.length > 0 || outcome.index === null ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{first}</MessageBarTitle>
              {rest.map((line, i) => (
                <Text block key={i}>
                  {line}
                </Text>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {outcome && <SkippedList items={outcome.skipped} strings={s} />}
      <Caption1>{s.regenerates}</Caption1>
    </section>
  );
}
