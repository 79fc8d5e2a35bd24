import { Badge, Link, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { Severity } from "../../scoring";
import { UiStrings } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline" },
  link: { textAlign: "start" },
});

/** A finding or a catalogue-sheet issue: both say where (sheet, cell, criterion) and what to do. */
export interface LocatedProblem {
  sheet: string;
  cell: string;
  code: string | null;
  message: string;
  severity: Severity;
}

/** "E12 · 1.3.1 · message" (the code left out when there is none). */
export function problemLabel(p: LocatedProblem): string {
  return [p.cell, p.code, p.message].filter((part) => part).join(" · ");
}

export interface FindingListProps {
  items: LocatedProblem[];
  /** Selects the problem's cell; null when cells cannot be selected (outside Excel). */
  onSelect: ((sheet: string, cell: string) => void) | null;
  disabled: boolean;
  strings: UiStrings;
  /** Tags each line with its severity (for lists mixing errors and warnings). */
  showSeverity?: boolean;
}

/** The problems as links: clicking one selects its cell on its sheet. */
export function FindingList({ items, onSelect, disabled, strings, showSeverity = false }: FindingListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((p, i) => (
        <li key={`${p.sheet}!${p.cell}#${i}`} className={styles.item} data-severity={p.severity}>
          {showSeverity && (
            <Badge size="small" appearance="tint" color={p.severity === "error" ? "danger" : "warning"}>
              {p.severity === "error" ? strings.severityError : strings.severityWarning}
            </Badge>
          )}
          <Link as="button" className={styles.link} disabled={disabled || !onSelect} onClick={() => onSelect?.(p.sheet, p.cell)}>
            {problemLabel(p)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
