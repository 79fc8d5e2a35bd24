/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
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
