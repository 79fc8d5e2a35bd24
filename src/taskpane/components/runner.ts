/** One busy state for the whole pane: an action runs alone, its failure becomes the error of the tab it came from. */
import * as React from "react";
import { UiStrings } from "../i18n";

/** Which busy label shows while the action runs (a key of the strings, so it follows a language switch). */
export type BusyKey = Extract<keyof UiStrings, `busy${string}`>;

/** Runs `task` unless another action is running; resolves to its value, or null when refused or failed. */
export type Runner = <T>(busy: BusyKey, task: () => Promise<T>) => Promise<{ value: T } | null>;

export interface RunnerState {
  /** The runner of the pane; `scope` names where the action was started (a tab), so its messages show there. */
  run: Runner;
  runIn: (scope: string) => Runner;
  busy: BusyKey | null;
  /** The last failure (any thrown value), shown with errorText in the current language. */
  error: { cause: unknown } | null;
  /** Where the running or last failed action was started (null for the pane's own runner). */
  scope: string | null;
  dismissError: () => void;
}

export function useRunner(): RunnerState {
  const running = React.useRef(false);
  const [busy, setBusy] = React.useState<BusyKey | null>(null);
  const [error, setError] = React.useState<{ cause: unknown } | null>(null);
  const [scope, setScope] = React.useState<string | null>(null);

  const start = React.useCallback(
    (where: string | null): Runner =>
      async (label, task) => {
        // A ref, not state: two clicks in the same tick must not both start.
        if (running.current) return null;
        running.current = true;
        setBusy(label);
        setScope(where);
        // A new action clears the previous one's message.
        setError(null);
        try {
          return { value: await task() };
        } catch (cause) {
          setError({ cause });
          return null;
        } finally {
          running.current = false;
          setBusy(null);
        }
      },
    [],
  );

  const run = React.useMemo(() => start(null), [start]);
  const scoped = React.useRef(new Map<string, Runner>());
  const runIn = React.useCallback(
    (where: string) => {
      let found = scoped.current.get(where);
      if (!found) scoped.current.set(where, (found = start(where)));
      return found;
    },
    [start],
  );
  const dismissError = React.useCallback(() => setError(null), []);
  return { run, runIn, busy, error, scope, dismissError };
}
