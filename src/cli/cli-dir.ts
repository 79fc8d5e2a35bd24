/**
 * The folder of the compiled CLI, lib/cli, whether par runs from tsc's files or from the bundle beside them
 * (scripts/bundle-cli.js writes lib/cli/par.bundle.js): a module's own __dirname differs between the two.
 * Under ts-jest it is src/cli.
 */
export const CLI_DIR: string = __dirname;
