/** A worker thread of `par aggregate` (pool.ts): scores the files it is sent, one at a time, and posts each outcome. */
import { parentPort, workerData } from "node:worker_threads";
import { scoreFile, ScoreOptions } from "./score-file";

const options = workerData as ScoreOptions;

parentPort?.on("message", (job: { index: number; file: string }) => {
  void scoreFile(job.file, options).then((outcome) => parentPort?.postMessage({ index: job.index, outcome }));
});
