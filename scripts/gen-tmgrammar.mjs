// Writes syntaxes/keepalived.tmLanguage.json from the keyword schema (scripts/gen-tmgrammar.ts).
//   node scripts/gen-tmgrammar.mjs           write the grammar
//   node scripts/gen-tmgrammar.mjs --check   exit 1 when the committed grammar is out of date
// The builder is TypeScript that imports the schema, so it is bundled with esbuild and run here.
import { build } from "esbuild";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "syntaxes/keepalived.tmLanguage.json");

const bundle = await build({
  entryPoints: [join(root, "scripts/gen-tmgrammar.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  logLevel: "warning",
});
const moduleUrl = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`;
const { renderGrammar } = await import(moduleUrl);
const text = renderGrammar();

if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== text) {
    console.error("syntaxes/keepalived.tmLanguage.json is out of date: run node scripts/gen-tmgrammar.mjs");
    process.exit(1);
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target.slice(root.length + 1)} (${text.length} bytes)`);
}
