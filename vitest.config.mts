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

/** End-to-end tests in real editors and Chromium (see the "editors" project below). */
const EDITOR_TESTS = ["test/client/vscode-e2e.test.ts", "test/lsp/neovim.test.ts", "test/web/playground.test.ts", "test/integrations/editors.test.ts"];

export default defineConfig({
  plugins: [ruleDocs],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: EDITOR_TESTS } },
      // Real editors and a real browser (../shared/tools, Chromium): they run one file at a time
      // after the rest (`npm test` runs this project second), so no other test takes the CPU
      // from a window while its reactions are timed and waited for.
      { extends: true, test: { name: "editors", include: EDITOR_TESTS, fileParallelism: false } },
    ],
  },
});
