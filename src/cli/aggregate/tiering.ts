/**
 * When V8 optimises a function: once it has run for its interrupt budget (67 584 bytes of bytecode by default, a
 * setting made for pages that run for minutes). `par aggregate` of up to 300 workbooks is over in seconds, and with
 * the default each thread's optimising compiler spends more CPU than the optimised code saves: on 200 workbooks a
 * run took about 4,5 s of CPU with it and 3,5 s with the budget below. With it, only what stays hot is optimised.
 * A longer run (thousands of workbooks, minutes) keeps V8's default: there the optimised code pays for itself.
 *
 * Set before the worker threads start: they share the process's V8 flags. V8 accepts a code cache only when it was
 * made under the same flags, so the worker's cache is trained by `par aggregate` (scripts/bundle-cli.js), which sets
 * it too; the command line's cache is made by `par validate`, and it is read before any command runs.
 */
import { setFlagsFromString } from "node:v8";

export const INTERRUPT_BUDGET = 1_000_000;

export function optimiseOnlyWhatStaysHot(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
