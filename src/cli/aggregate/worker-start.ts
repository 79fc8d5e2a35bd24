/**
 * The entry of `par aggregate`'s worker threads (pool.ts): the worker's bundle with its code cache when the build
 * made one (scripts/bundle-cli.js), else the worker compiled file by file.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { requireBundle } from "../bundle-loader";

const bundle = join(__dirname, "worker.bundle.js");
if (existsSync(bundle)) requireBundle(bundle);
else require("./worker");
