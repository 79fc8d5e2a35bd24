/**
 * node:child_process as the bundled commander sees it (scripts/bundle-cli.js): loaded when commander first uses it,
 * which is only for a subcommand run as its own program, never in par. Loading it (with net, dgram and streams)
 * costs every command's start about 14 ms. Commander uses spawn alone; it is a named export (not `export =`, which
 * an ES module cannot hold: the bundle is built from ES modules).
 */
import type * as ChildProcess from "node:child_process";

let loaded: typeof ChildProcess | null = null;
const load = (): typeof ChildProcess => (loaded ??= require("node:child_process") as typeof ChildProcess);

export const spawn = ((...args: unknown[]) => (load().spawn as (...a: unknown[]) => ChildProcess.ChildProcess)(...args)) as typeof ChildProcess.spawn;
