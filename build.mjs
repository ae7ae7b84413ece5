// Bundles the CLI and the language server into single files that run with only node present.
import { build } from "esbuild";
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { withCodeCache } from "./scripts/code-cache.mjs";

// docs/rules/*.md become a module, so `kalint explain` works from the single-file bundle.
const ruleDocs = {
  name: "rule-docs",
  setup(b) {
    b.onResolve({ filter: /^virtual:rule-docs$/ }, () => ({ path: "rule-docs", namespace: "virtual" }));
    b.onLoad({ filter: /.*/, namespace: "virtual" }, () => {
      const dir = "docs/rules";
      const docs = {};
      for (const f of existsSync(dir) ? readdirSync(dir) : [])
        if (f.endsWith(".md")) docs[f.slice(0, -3)] = readFileSync(`${dir}/${f}`, "utf8");
      return { contents: `export default ${JSON.stringify(docs)};`, loader: "js", watchFiles: [] };
    });
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  define: { "process.env.KALINT_BUNDLED": '"1"' },
  plugins: [ruleDocs],
};

// The CLI starts once per check, so it keeps its compiled code between runs (scripts/code-cache.mjs);
// the language server starts once per editor session and gains nothing from it.
const bundles = [
  { entry: "server/src/cli/main.ts", out: "dist/kalint.js", codeCache: true },
  { entry: "server/src/lsp/main.ts", out: "dist/server.js", codeCache: false },
].filter((b) => existsSync(b.entry));
await Promise.all(bundles.map((b) => build({ ...common, entryPoints: [b.entry], outfile: b.out, banner: { js: "#!/usr/bin/env node" } })));
// Before the bundle runs, the loader picks its cache by the command words and render-mode options
// and sets the engine's memory bound: read from the modules that define them (both import nothing).
const facts = await build({
  ...common,
  stdin: {
    contents: 'export * from "./server/src/cli/command-words.ts"; export * from "./server/src/render/bounds.ts";',
    resolveDir: ".",
    loader: "ts",
  },
  format: "esm",
  write: false,
  plugins: [],
});
const { COMMAND_NAMES, RENDER_MODE_OPTIONS, ENGINE_MEMORY_PAGES } = await import(
  `data:text/javascript,${encodeURIComponent(facts.outputFiles[0].text)}`
);
const loaderFacts = { kinds: { commands: COMMAND_NAMES, template: RENDER_MODE_OPTIONS }, enginePages: ENGINE_MEMORY_PAGES };
for (const b of bundles) {
  if (b.codeCache) writeFileSync(b.out, withCodeCache(readFileSync(b.out, "utf8").replace(/^#!.*\n/, ""), loaderFacts));
  chmodSync(b.out, 0o755);
}

// Render mode's Jinja2 engine (minijinja, WebAssembly) ships beside the bundles, which read it only
// when a template is rendered (server/src/render/wasm.ts): no start-up pays for it.
copyFileSync("node_modules/minijinja-js/dist/web/minijinja_js_bg.wasm", "dist/minijinja.wasm");

// The browser build: the playground page and the language server as a Web Worker (dist/web/).
const { buildWeb } = await import("./scripts/build-web.mjs");
await buildWeb();
