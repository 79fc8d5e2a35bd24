/**
 * Work for Excel as steps with estimated sizes, grouped into as few syncs as the payload budget allows.
 *
 * A step queues its actions when its group is sent (so a step never holds a proxy from another sync: it looks its
 * sheet up by name), and reads what it loaded after that sync. Steps run in order. A group that Excel refuses for
 * its size is split in two and sent again; a single step that is still too large splits itself when it can.
 * Nothing else is retried.
 */
import { isPayloadError, SYNC_BYTE_BUDGET } from "./payload";

export interface Step {
  /** Estimated bytes the step adds to the request and to the response. */
  request: number;
  response: number;
  /** Queues the step's actions (called again when its group is sent again). */
  queue(): void;
  /** After its sync: reads back what it loaded. */
  done?(): void;
  /** The same work as smaller steps, for a step too large to go in one sync. */
  split?(): Step[] | null;
}

export interface StepRun {
  /** Syncs made, including those refused for their size. */
  syncs: number;
}

const fits = (request: number, response: number, budget: number) => request <= budget && response <= budget;

function expand(steps: Step[], budget: number): Step[] {
  const out: Step[] = [];
  for (const step of steps) {
    const parts = !fits(step.request, step.response, budget) && step.split ? step.split() : null;
    if (parts && parts.length > 1) out.push(...expand(parts, budget));
    else out.push(step);
  }
  return out;
}

/** Consecutive steps whose summed estimates stay within the budget (a step above it goes alone). */
export function groupSteps(steps: Step[], budget = SYNC_BYTE_BUDGET): Step[][] {
  const groups: Step[][] = [];
  let group: Step[] = [];
  let request = 0;
  let response = 0;
  for (const step of expand(steps, budget)) {
    if (group.length > 0 && !fits(request + step.request, response + step.response, budget)) {
      groups.push(group);
      group = [];
      request = 0;
      response = 0;
    }
    group.push(step);
    request += step.request;
    response += step.response;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function send(context: Excel.RequestContext, group: Step[], run: StepRun): Promise<void> {
  for (const step of group) step.queue();
  run.syncs++;
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    const parts = group.length > 1 ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)] : (group[0].split?.() ?? []).map((s) => [s]);
    if (parts.length < 2) throw e;
    for (const part of parts) await send(context, part, run);
    return;
  }
  for (const step of group) step.done?.();
}

/** Runs the steps in as few syncs as their estimates allow; resolves when all are done. */
export async function runSteps(context: Excel.RequestContext, steps: Step[], budget = SYNC_BYTE_BUDGET): Promise<StepRun> {
  const run: StepRun = { syncs: 0 };
  for (const group of groupSteps(steps, budget)) await send(context, group, run);
  return run;
}
