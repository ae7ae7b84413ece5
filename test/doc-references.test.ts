/**
 * Comments and docs point at documents in this repository: a reader of the code has the repo and
 * nothing else. Every `docs/<name>.md` named in the product's sources, scripts or docs exists, and
 * no source cites the outside contract by section number (the docs say the same in kalint's words).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

const ROOT = resolve(__dirname, "..");

/** The tracked text files that explain or are kalint, not third-party samples. */
function tracked(): string[] {
  const out = execFileSync(
    "git",
    ["ls-files", "--", "grammar", "server/src", "client/src", "scripts", "bench", "web", "test", "docs", "README.md"],
    { cwd: ROOT, encoding: "utf8" },
  );
  return out.split("\n").filter((f) => /\.(ts|mts|mjs|md)$/.test(f) && existsSync(join(ROOT, f)));
}

/** A section of the outside contract, as sources cited it: the letters are split so this file does not match. */
const CONTRACT_SECTION = new RegExp(["SP", "EC §|SP", "EC\\.md"].join(""));

/** docs/<name>.md or docs/rules/<code>.md; `CODE` is the placeholder the docs use for any rule. */
const DOC_PATH = /\bdocs\/(?:rules\/)?[a-zA-Z0-9_-]+\.md\b/g;

/** Sample paths that tests feed to name-based detection: names, not references. */
const SAMPLES = new Set(["test/integrations/file-patterns.ts"]);

/**
 * Pages being rewritten on a branch not yet landed (issue 17 rewrites docs/differential.md): their
 * citations are converted when it lands, and the entry goes. Keep this list empty otherwise.
 */
const PENDING = new Set<string>();

test("no source or document cites the outside contract by section", () => {
  const citing = tracked().filter((f) => !PENDING.has(f) && CONTRACT_SECTION.test(readFileSync(join(ROOT, f), "utf8")));
  expect(citing).toEqual([]);
  // A pending page that no longer cites leaves the list, so the list cannot outlive its reason.
  expect([...PENDING].filter((f) => !CONTRACT_SECTION.test(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
});

test("every docs/*.md a source or document names exists in the repository", () => {
  const missing: string[] = [];
  for (const f of tracked()) {
    if (SAMPLES.has(f)) continue;
    const text = readFileSync(join(ROOT, f), "utf8");
    for (const m of text.matchAll(DOC_PATH)) {
      if (m[0].endsWith("/CODE.md")) continue;
      // A URL names the published copy of the same file, so it is checked the same way.
      if (!existsSync(join(ROOT, m[0]))) missing.push(`${f}: ${m[0]}`);
    }
  }
  expect(missing).toEqual([]);
});

test("the check finds what it is for", () => {
  expect(CONTRACT_SECTION.test(`(${"SP" + "EC"} §7)`)).toBe(true);
  expect([..."see docs/usage.md and docs/rules/priority-tie.md".matchAll(DOC_PATH)].map((m) => m[0])).toEqual([
    "docs/usage.md",
    "docs/rules/priority-tie.md",
  ]);
});
