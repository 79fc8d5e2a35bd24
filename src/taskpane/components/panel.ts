/** What every tab's panel gets from the App. */
import { PaneActions } from "../actions";
import { UiLang, UiStrings } from "../i18n";
import { Runner } from "./runner";

export interface PanelProps {
  /** Null outside Excel: the panel's workbook buttons are then disabled. */
  actions: PaneActions | null;
  lang: UiLang;
  strings: UiStrings;
  run: Runner;
  /** An action is running somewhere in the pane: every action button is disabled. */
  busy: boolean;
}

/** Selects a cell through the pane's runner (one action at a time, failures shown as the pane's error). */
export function cellSelector({ actions, run }: PanelProps): ((sheet: string, cell: string) => void) | null {
  if (!actions) return null;
  return (sheet, cell) => void run("busySelecting", () => actions.selectCell(sheet, cell));
}
