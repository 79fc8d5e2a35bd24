/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // A guard against a hung test, not a speed goal (speed is measured by npm run bench): a busy 2-core CI machine
  // can take well over jest's default 5 s for a test that writes and reads several workbooks.
  testTimeout: 120_000,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true } }],
  },
  // office-addin-manifest pulls ESM-only packages (strip-bom, uuid), also as nested copies.
  transformIgnorePatterns: ["node_modules/(?!(.*/)?(strip-bom|uuid)/)"],
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/asset-stub.js" },
};
