// The browser build (dist/web/): the playground page and the language server as a Web Worker,
// static files that need nothing from elsewhere at run time. Called by build.mjs.
//   dist/web/index.html, style.css, app.js     the page (CodeMirror 6 + @codemirror/lsp-client)
//   dist/web/kalint-worker.js                  the language server (also the extension's browser server)
//   dist/web/rules/CODE.html                   each rule's docs page, linked from the findings
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { marked } from "marked";
import { tryItLink, withoutTryItLink } from "./try-it.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The few Node modules the analysis imports, mapped to browser modules (web/shims/): POSIX paths,
 * file URLs, the address and UTF-8 tests, and a file system in which nothing exists. Any other
 * Node import fails the build, so nothing else can creep into the worker.
 */
const SHIMMED = ["path", "url", "net", "buffer", "fs"];
const nodeShims = {
  name: "node-shims",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (a) => {
      const name = a.path.slice("node:".length);
      if (!SHIMMED.includes(name))
        return { errors: [{ text: `${a.path} is not available in the browser build (imported by ${a.importer})` }] };
      return { path: join(root, "web/shims", `${name}.ts`) };
    });
  },
};

const browser = {
  bundle: true,
  platform: "browser",
  format: "iife",
  target: ["chrome111", "firefox111", "safari16.4"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  // `${_ENV NAME}` reads the environment: a page has none.
  define: { "process.env.KALINT_BUNDLED": '"1"', "process.env": "{}" },
};

/** Rule codes with a docs page. */
const documented = () =>
  readdirSync(join(root, "docs/rules"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3))
    .sort();

async function playgroundFacts(codes) {
  const bundle = await build({
    entryPoints: [join(root, "web/facts.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "warning",
  });
  const { playgroundFacts } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);
  return playgroundFacts(codes);
}

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** docs/rules/CODE.md as a page of the site, its "try it" link pointing at this copy of the playground. */
function rulePage(code, markdown) {
  const link = tryItLink(markdown, "../index.html");
  const body = marked.parse(withoutTryItLink(markdown), { async: false });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${escapeHtml(code)}: kalint rule</title><link rel="stylesheet" href="../style.css"></head>
<body class="rule-page"><main>
<p><a href="../index.html">kalint playground</a>${link ? ` · <a class="try-it" href="${escapeHtml(link)}">Try it in the playground</a>` : ""}</p>
${body}</main></body></html>
`;
}

export async function buildWeb(out = join(root, "dist/web")) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "rules"), { recursive: true });
  const codes = documented();
  const facts = await playgroundFacts(codes);
  const factsModule = {
    name: "playground-facts",
    setup(b) {
      b.onResolve({ filter: /^virtual:playground-facts$/ }, () => ({ path: "playground-facts", namespace: "virtual" }));
      b.onLoad({ filter: /.*/, namespace: "virtual" }, () => ({ contents: `export default ${JSON.stringify(facts)};`, loader: "js" }));
    },
  };
  const [worker, app] = await Promise.all([
    build({
      ...browser,
      entryPoints: [join(root, "server/src/lsp/browser-main.ts")],
      outfile: join(out, "kalint-worker.js"),
      plugins: [nodeShims],
      inject: [join(root, "web/shims/buffer-global.ts")],
    }),
    build({
      ...browser,
      entryPoints: [join(root, "web/src/main.ts")],
      outfile: join(out, "app.js"),
      plugins: [factsModule],
      loader: { ".conf": "text" },
    }),
    build({ ...browser, entryPoints: [join(root, "web/src/start-worker.ts")], outfile: join(out, "start-worker.js") }),
  ]);
  for (const f of ["index.html", "style.css"]) copyFileSync(join(root, "web", f), join(out, f));
  for (const code of codes)
    writeFileSync(join(out, "rules", `${code}.html`), rulePage(code, readFileSync(join(root, "docs/rules", `${code}.md`), "utf8")));
  return { worker: worker.metafile, app: app.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb();
  if (!existsSync(join(root, "dist/web/index.html"))) process.exit(1);
}
