// Writes syntaxes/keepalived.tmLanguage.json from the keyword schema (scripts/gen-tmgrammar.ts),
// and the keepalived-with-Jinja/Go/ERB grammars that include it.
//   node scripts/gen-tmgrammar.mjs           write the grammar
//   node scripts/gen-tmgrammar.mjs --check   exit 1 when the committed grammar is out of date
// The builder is TypeScript that imports the schema, so it is bundled with esbuild and run here.
import { build } from "esbuild";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const bundle = await build({
  entryPoints: [join(root, "scripts/gen-tmgrammar.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  write: false,
  logLevel: "warning",
});
const moduleUrl = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`;
const { renderGrammar, renderTemplateGrammars } = await import(moduleUrl);
// The keepalived grammar, then keepalived-with-Jinja/Go/ERB, which include it by scope.
const outputs = [{ file: "syntaxes/keepalived.tmLanguage.json", text: renderGrammar() }, ...renderTemplateGrammars()];

for (const { file, text } of outputs) {
  const path = join(root, file);
  if (process.argv.includes("--check")) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (current !== text) {
      console.error(`${file} is out of date: run node scripts/gen-tmgrammar.mjs`);
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${file} (${text.length} bytes)`);
  }
}
