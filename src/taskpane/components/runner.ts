/** One busy state for the whole pane: an action runs alone, its failure becomes the pane's error. */
import * as React from "react";
import { UiStrings } from "../i18n";

/** Which busy label shows while the action runs (a key of the strings, so it follows a language switch). */
export type BusyKey = Extract<keyof UiStrings, `busy${string}`>;

/** Runs `task` unless another action is running; resolves to its value, or null when refused or failed. */
export type Runner = <T>(busy: BusyKey, task: () => Promise<T>) => Promise<{ value: T } | null>;

export interface RunnerState {
  run: Runner;
  busy: BusyKey | null;
  /** The last failure (any thrown value), shown with errorText in the current language. */
  error: { cause: unknown } | null;
  dismissError: () => void;
}

export function useRunner(): RunnerState {
  const running = React.useRef(false);
  const [busy, setBusy] = React.useState<BusyKey | null>(null);
  const [error, setError] = React.useState<{ cause: unknown } | null>(null);

  const run = React.useCallback<Runner>(async (label, task) => {
    // A ref, not state: two clicks in the same tick must not both start.
    if (running.current) return null;
    running.current = true;
    setBusy(label);
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
  }, []);

  const dismissError = React.useCallback(() => setError(null), []);
  return { run, busy, error, dismissError };
}
