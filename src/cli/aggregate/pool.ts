/**
 * Scores many files on all cores: worker threads (worker.ts, compiled to lib/) each score one file at a time, and
 * the outcomes are handed on in the files' order whatever thread finished first, so the ranking never depends on
 * timing. At most a few files per thread are in flight beyond the next one to hand on, so memory does not grow with
 * the number of files. Without a compiled worker file (tests run the TypeScript sources) or with one thread, files
 * are scored in this thread. A thread that dies takes only its current file with it (said as that file's reason).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { FileOutcome, scoreFile, ScoreOptions } from "./score-file";

export interface PoolOptions {
  /** Worker threads to use; 1 scores in this thread. Default: one per core. */
  threads?: number;
  /** The compiled worker entry; default: worker.js beside this module, when it exists. */
  workerFile?: string;
}

/** The worker entry beside this module once compiled (lib/cli/aggregate/worker.js), or null. */
export function defaultWorkerFile(): string | null {
  const file = join(__dirname, "worker.js");
  return existsSync(file) ? file : null;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** How many threads a run will use for `files` files. */
export function threadsFor(files: number, options: PoolOptions): number {
  const workerFile = options.workerFile ?? defaultWorkerFile();
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
    for (let i = 0; i < files.length; i++) await onOutcome(await scoreFile(files[i], score), i);
    return 1;
  }
  const workerFile = (options.workerFile ?? defaultWorkerFile())!;
  const window = threads * 4;
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let dispatched = 0;
  let handing: Promise<void> = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    const idle: Worker[] = [];
    const current = new Map<Worker, number>();
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
          for (const w of [...idle, ...current.keys()]) void w.terminate();
          resolve();
        }
      });
      handing.catch(reject);
    };

    const finish = (index: number, outcome: FileOutcome) => {
      done.set(index, outcome);
      handOn();
    };

    const pump = () => {
      while (idle.length > 0 && dispatched < files.length && dispatched < next + window) {
        const worker = idle.pop()!;
        current.set(worker, dispatched);
        worker.postMessage({ index: dispatched, file: files[dispatched] });
        dispatched++;
      }
    };

    const start = () => {
      const worker = new Worker(workerFile, { workerData: score });
      live++;
      worker.on("message", (message: { index: number; outcome: FileOutcome }) => {
        current.delete(worker);
        idle.push(worker);
        finish(message.index, message.outcome);
      });
      worker.on("error", (e) => {
        const index = current.get(worker);
        current.delete(worker);
        if (index !== undefined) {
          const en = score.lang === "en";
          const reason = en ? `unexpected error (please report it): ${e.message}` : `lỗi không mong đợi (xin báo lại cho nhóm phát triển): ${e.message}`;
          finish(index, { file: files[index], units: [], notes: [], skipped: [{ file: files[index], reason }] });
        }
      });
      worker.on("exit", () => {
        live--;
        const wasIdle = idle.indexOf(worker);
        if (wasIdle >= 0) idle.splice(wasIdle, 1);
        // A thread that died while files remain is replaced.
        if (next < files.length && dispatched < files.length && live < threads) {
          start();
          pump();
        }
      });
      idle.push(worker);
    };

    for (let i = 0; i < threads; i++) start();
    pump();
  });
  await handing;
  return threads;
}
