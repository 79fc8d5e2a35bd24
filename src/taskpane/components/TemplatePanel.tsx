import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Catalog, leaves } from "../../scoring";
import { CreatedSheet } from "../actions";
import { fill, UiStrings } from "../i18n";
import { PanelProps } from "./panel";
import { SkippedList } from "./SkippedList";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface TemplatePanelProps extends PanelProps {
  catalog: Catalog;
}

/** What the user must add to the new sheet when the catalogue lacks maxima; null when every criterion has one. */
export function missingMaxNote(catalog: Catalog, s: UiStrings): string | null {
  const all = leaves(catalog);
  const without = all.filter((n) => n.max === null).length;
  if (without === 0) return null;
  return without === all.length ? s.namesOnly : fill(s.someWithoutMax, { count: without });
}

/** Tab "Mẫu": a new self-assessment sheet from the catalogue in use. */
export function TemplatePanel({ actions, lang, strings: s, run, busy, catalog }: TemplatePanelProps) {
  const styles = useStyles();
  const [unit, setUnit] = React.useState("");
  const [created, setCreated] = React.useState<CreatedSheet | null>(null);
  const note = missingMaxNote(catalog, s);

  const create = async () => {
    if (!actions) return;
    setCreated(null);
    const done = await run("busyCreatingTemplate", () => actions.createTemplate(catalog, { unit: unit.trim(), lang }));
    if (done) setCreated(done.value);
  };

  return (
    <section className={styles.panel} aria-labelledby="template-heading">
      <Subtitle2 as="h2" id="template-heading">
        {s.templateHeading}
      </Subtitle2>
      <Text>{fill(s.templateIntro, { name: catalog.name })}</Text>
      <Field label={s.unitLabel} hint={s.unitHint}>
        <Input value={unit} onChange={(_, data) => setUnit(data.value)} />
      </Field>
      {note && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!actions} disabledFocusable={busy} onClick={() => void create()}>
          {s.createTemplate}
        </Button>
      </div>
      {!actions && <Caption1>{s.needsExcel}</Caption1>}
      <div role="status" aria-live="polite">
        {created && (
          <MessageBar intent={created.skipped.length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{fill(s.createdTemplate, { sheet: created.sheet })}</MessageBarTitle>
              {s.neverOverwrites}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {created && <SkippedList items={created.skipped} strings={s} />}
      {!created && <Caption1>{s.neverOverwrites}</Caption1>}
    </section>
  );
}
