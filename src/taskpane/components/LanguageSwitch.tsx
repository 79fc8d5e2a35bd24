import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import * as React from "react";
import { UiLang, UiStrings } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
});

/** "VI | EN": every string of the pane, and the language the actions write in, follow it. */
export function LanguageSwitch({ lang, onChange, strings }: { lang: UiLang; onChange: (lang: UiLang) => void; strings: UiStrings }) {
  const styles = useStyles();
  const option = (value: UiLang, label: string, name: string) => (
    <ToggleButton size="small" appearance="subtle" checked={lang === value} aria-label={name} lang={value} onClick={() => onChange(value)}>
      {label}
    </ToggleButton>
  );
  return (
    <div role="group" aria-label={strings.language} className={styles.group}>
      {option("vi", "VI", strings.languageVi)}
      <span aria-hidden="true">|</span>
      {option("en", "EN", strings.languageEn)}
    </div>
  );
}
