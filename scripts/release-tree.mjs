#!/usr/bin/env node
// Writes the tree of a release commit: what `npm pack` publishes (the two bundles, docs, README),
// plus the GitHub action and the pre-commit hooks, with a package.json that has no dependencies
// and no scripts. Release tags point at such commits, so that `uses: kalint/kalint@vX` and a
// pre-commit `rev: vX` get a runnable dist/kalint.js without building, and without the registry:
// pre-commit's `language: node` runs `npm install` in the hook repository, which on the source
// tree would fetch every devDependency (and still find no dist/, which is not committed).
//
//   npm run build && node scripts/release-tree.mjs OUT-DIR
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: node scripts/release-tree.mjs OUT-DIR\n");
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** What the release adds to the npm package's files. */
const INTEGRATIONS = ["action.yml", "action", ".pre-commit-hooks.yaml"];
const entries = [...new Set([...pkg.files, ...INTEGRATIONS, "package.json"])];
for (const e of entries) {
  if (!existsSync(join(root, e))) {
    process.stderr.write(`release-tree: ${e} is missing${e.startsWith("dist/") ? " (run npm run build first)" : ""}\n`);
    process.exit(1);
  }
}
mkdirSync(out, { recursive: true });
// Everything but .git (OUT-DIR may be a worktree of the release branch) is replaced.
for (const e of readdirSync(out)) if (e !== ".git") rmSync(join(out, e), { recursive: true, force: true });
for (const e of entries) if (e !== "package.json") cpSync(join(root, e), join(out, e), { recursive: true });
const { devDependencies: _dev, scripts: _scripts, ...released } = pkg;
released.files = [...new Set([...pkg.files, ...INTEGRATIONS])];
writeFileSync(join(out, "package.json"), JSON.stringify(released, null, 2) + "\n");
process.stdout.write(`release tree of kalint ${pkg.version} in ${out}\n`);
