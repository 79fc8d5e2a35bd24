/** A worker thread of `par aggregate` (pool.ts): scores the files it is sent, one at a time in the order sent, and posts each outcome. */
import { parentPort, workerData } from "node:worker_threads";
import { scoreFile, ScoreOptions } from "./score-file";
import { FolderListings } from "../evidence/workbook-evidence";
import { CODE_CACHE_EVENT } from "../bundle-loader";

const options = workerData as ScoreOptions;
/** Folders listed in this run (a thread lives for one run). */
const listings: FolderListings = new Map();

interface Job {
  index: number;
  file: string;
}

/** Files sent while one is being scored wait their turn: one file at a time, in the order sent. */
const jobs: Job[] = [];
let busy = false;

async function work(): Promise<void> {
  busy = true;
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const outcome = await scoreFile(job.file, options, listings);
    parentPort?.postMessage({ index: job.index, outcome });
    // The build's training run (scripts/bundle-cli.js): bundle-loader.ts saves what this thread compiled.
    if (process.env.PAR_CODE_CACHE === "write") process.emit(CODE_CACHE_EVENT as "exit", 0);
  }
  busy = false;
}

parentPort?.on("message", (job: Job) => {
  jobs.push(job);
  if (!busy) void work();
});
