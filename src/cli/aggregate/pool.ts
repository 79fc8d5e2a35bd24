/**
 * Scores many files on all cores: this thread and worker threads (worker.ts, compiled to lib/) each score one file
 * at a time (a worker also holds the next few, so that it never waits for this thread between files), and the
 * outcomes are handed on in the files' order whatever thread finished first, so the ranking never depends on
 * timing. At most AHEAD_PER_THREAD files per thread are in flight beyond the next one to hand on, so memory does not
 * grow with the number of files. Without a compiled worker file (tests run the TypeScript sources) or with one
 * thread, files are scored in this thread alone. A thread that dies takes only its current file with it (said as
 * that file's reason), whether it fails with an error or ends by itself.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { FileOutcome, scoreFile, ScoreOptions } from "./score-file";
import { FolderListings } from "../evidence/workbook-evidence";
import { CLI_DIR } from "../cli-dir";

/**
 * Files a worker holds at once: the one it scores and the next ones, enough that it does not wait while this thread
 * scores a file of its own or lays out a unit's sheet.
 */
const PER_THREAD = 4;
/**
 * Files scored ahead of the next one to hand on, per thread. This thread hands outcomes on in order between its own
 * files, so the workers run ahead of it: with 4 a worker waited a tenth of its time (CPU profiles of 200 files).
 */
const AHEAD_PER_THREAD = 16;

/** Why a file has no outcome when the thread scoring it ended by itself. */
function stoppedWhileScoring(lang: ScoreOptions["lang"], code: number): string {
  return lang === "en" ? `the scoring thread stopped (exit code ${code}) while reading this file` : `luồng chấm điểm dừng lại (mã thoát ${code}) khi đang đọc tệp này`;
}

export interface PoolOptions {
  /** Threads that score, this one included (n − 1 worker threads); 1 scores in this thread. Default: one per core. */
  threads?: number;
  /** The compiled worker entry; default: worker.js beside this module, when it exists. */
  workerFile?: string;
}

/**
 * The compiled worker entry, or null (under ts-jest): lib/cli/aggregate/worker-start.js, which loads the worker's
 * bundle when it was built, else lib/cli/aggregate/worker.js.
 */
export function defaultWorkerFile(): string | null {
  const file = join(CLI_DIR, "aggregate", "worker-start.js");
  return existsSync(file) ? file : null;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Below this many files (and no --threads), files are scored in this thread: starting a worker thread loads the
 * reader and the core again (about 0,2 s of CPU each on the 2-core development machine), more than a dozen small
 * workbooks take to score (10-15 ms each).
 */
export const MAIN_THREAD_BELOW = 16;

/** How many threads a run will use for `files` files. */
export function threadsFor(files: number, options: PoolOptions): number {
  const workerFile = options.workerFile ?? defaultWorkerFile();
  if (options.threads === undefined && files < MAIN_THREAD_BELOW) return 1;
  const threads = Math.min(options.threads ?? defaultThreads(), files);
  return workerFile && threads > 1 ? threads : 1;
}

/**
 * Calls `onOutcome` with each file's outcome, in the files' order. Resolves with the number of threads used.
 */
export async function scoreFiles(
  files: string[],
  score: ScoreOptions,
  onOutcome: (outcome: FileOutcome, index: number) => void | Promise<void>,
  options: PoolOptions = {},
): Promise<number> {
  const threads = threadsFor(files.length, options);
  if (threads === 1) {
    const listings: FolderListings = new Map();
    for (let i = 0; i < files.length; i++) await onOutcome(await scoreFile(files[i], score, listings), i);
    return 1;
  }
  const workerFile = (options.workerFile ?? defaultWorkerFile())!;
  // This thread scores too: it would otherwise wait for the workers, and a worker costs its start and its messages.
  const workers = threads - 1;
  const listings: FolderListings = new Map();
  const window = threads * AHEAD_PER_THREAD;
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let dispatched = 0;
  let handing: Promise<void> = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    // Each thread holds the file it scores and, once it has one, the next one: it never waits for this thread.
    const queued = new Map<Worker, number[]>();
    // Files sent to a thread that died before it started them: sent again first.
    const again: number[] = [];
    let live = 0;

    const handOn = () => {
      handing = handing.then(async () => {
        while (done.has(next)) {
          const outcome = done.get(next)!;
          done.delete(next);
          await onOutcome(outcome, next);
          next++;
        }
        pump();
        if (next === files.length) {
          for (const w of queued.keys()) void w.terminate();
          resolve();
        }
      });
      handing.catch(reject);
    };

    const finish = (index: number, outcome: FileOutcome) => {
      done.set(index, outcome);
      handOn();
    };

    const nextFile = (): number | undefined => {
      if (again.length > 0) return again.shift();
      if (dispatched < files.length && dispatched < next + window) return dispatched++;
      return undefined;
    };

    const unexpected = (index: number, e: unknown): FileOutcome => {
      const message = e instanceof Error ? e.message : String(e);
      const reason = score.lang === "en" ? `unexpected error (please report it): ${message}` : `lỗi không mong đợi (xin báo lại cho nhóm phát triển): ${message}`;
      return { file: files[index], units: [], notes: [], skipped: [{ file: files[index], reason }] };
    };

    // This thread's file, scored in a task of its own so that the workers' messages are taken between files.
    let scoringHere = false;
    const scoreHere = () => {
      if (scoringHere) return;
      const index = nextFile();
      if (index === undefined) return;
      scoringHere = true;
      setImmediate(() => {
        scoreFile(files[index], score, listings)
          .catch((e: unknown) => unexpected(index, e))
          .then((outcome) => {
            scoringHere = false;
            finish(index, outcome);
          }, reject);
      });
    };

    const pump = () => {
      // The workers first, the emptiest first, so that no worker waits and files spread evenly; then this thread.
      for (let depth = 0; depth < PER_THREAD; depth++) {
        for (const [worker, list] of queued) {
          if (list.length !== depth) continue;
          const index = nextFile();
          if (index === undefined) return;
          list.push(index);
          worker.postMessage({ index, file: files[index] });
        }
      }
      scoreHere();
    };

    // A thread that dies leaves the pool (no file is given to it any more: it would be lost), takes the file it was
    // scoring with it, and the files it held next are sent again.
    const release = (worker: Worker, why: unknown) => {
      const list = queued.get(worker) ?? [];
      queued.delete(worker);
      const index = list.shift();
      again.unshift(...list);
      if (index !== undefined) finish(index, unexpected(index, why));
    };

    const start = () => {
      const worker = new Worker(workerFile, { workerData: score });
      live++;
      queued.set(worker, []);
      worker.on("message", (message: { index: number; outcome: FileOutcome }) => {
        const list = queued.get(worker);
        const at = list?.indexOf(message.index) ?? -1;
        if (at >= 0) list!.splice(at, 1);
        finish(message.index, message.outcome);
      });
      // At its error (its exit comes later), or at an exit with no error (process.exit in it): sent again, the
      // file would stop every thread started for it, without end.
      worker.on("error", (e) => release(worker, e));
      worker.on("exit", (code) => {
        live--;
        release(worker, new Error(stoppedWhileScoring(score.lang, code)));
        // A thread that died while files remain is replaced.
        if (next < files.length && (again.length > 0 || dispatched < files.length) && live < workers) {
          start();
          pump();
        }
      });
    };

    for (let i = 0; i < workers; i++) start();
    pump();
  });
  await handing;
  return threads;
}
