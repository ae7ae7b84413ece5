import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

// The same docs module build.mjs embeds into the bundles, read from disk for tests.
const ruleDocs = {
  name: "rule-docs",
  resolveId: (id: string) => (id === "virtual:rule-docs" ? "\0virtual:rule-docs" : undefined),
  load(id: string) {
    if (id !== "\0virtual:rule-docs") return undefined;
    const docs: Record<string, string> = {};
    for (const f of readdirSync("docs/rules")) if (f.endsWith(".md")) docs[f.slice(0, -3)] = readFileSync(`docs/rules/${f}`, "utf8");
    return `export default ${JSON.stringify(docs)};`;
  },
};

/**
 * Tests that run one file at a time (the "serial" project below): end-to-end tests in real
 * editors and Chromium, and the hostile-input tests, which bound each input's CPU time and peak
 * memory (on 2 cores shared with other test files, the same run costs up to 1.4 times the CPU).
 */
const SERIAL_TESTS = [
  "test/client/vscode-e2e.test.ts",
  "test/lsp/neovim.test.ts",
  "test/web/playground.test.ts",
  "test/integrations/editors.test.ts",
  "test/hostile/cli.test.ts",
  "test/hostile/lsp.test.ts",
];

export default defineConfig({
  plugins: [ruleDocs],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: SERIAL_TESTS } },
      // One file at a time after the rest (`npm test` runs this project second), so no other test
      // takes the CPU from a window whose reactions are waited for, or from a run whose CPU time
      // and memory are measured.
      { extends: true, test: { name: "serial", include: SERIAL_TESTS, fileParallelism: false } },
    ],
  },
});
