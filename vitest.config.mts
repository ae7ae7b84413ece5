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

export default defineConfig({
  plugins: [ruleDocs],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
