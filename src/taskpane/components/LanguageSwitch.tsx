import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import * as React from "react";
import { UiLang, UiStrings } from "../i18n";

const useStyles = makeStyles({
  group: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  // As narrow as "VI" / "EN": the catalogue's name beside them gets the room.
  option: { minWidth: 0, paddingInline: tokens.spacingHorizontalS },
});

/** "VI | EN": every string of the pane, and the language the actions write in, follow it. */
export function LanguageSwitch({ lang, onChange, strings }: { lang: UiLang; onChange: (lang: UiLang) => void; strings: UiStrings }) {
  const styles = useStyles();
  const option = (value: UiLang, label: string, name: string) => (
    <ToggleButton className={styles.option} size="small" appearance="subtle" checked={lang === value} aria-label={name} lang={value} onClick={() => onChange(value)}>
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
