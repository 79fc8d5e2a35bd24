/**
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(...)` calls to functions.ts. office.js
 * defines that global; should it be missing (office.js not loaded, tests), a no-op stand-in keeps the bundle
 * (and the task pane that shares it) running. Excel's own object is never replaced.
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === "undefined") {
  scope.CustomFunctions = { associate: () => undefined };
}
export {};
