/**
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` calls to functions.ts. office.js
 * defines that global; should it be missing (office.js not loaded, tests), a no-op stand-in keeps the bundle
 * (and the task pane that shares it) running. Excel's own object is never replaced.
 */
const scope = globalThis as { CustomFunctions?: unknown };

/** Whether Excel's custom functions runtime (or a test's stand-in of it) was there when the bundle loaded. */
export const inFunctionsRuntime = typeof scope.CustomFunctions !== "undefined";

if (!inFunctionsRuntime) {
  scope.CustomFunctions = { associate: () => undefined };
}
