// Builds the VS Code extension package (.vsix) offline: the client bundled by esbuild twice (for
// VS Code's Node extension host, and for VS Code for the Web's worker extension host), the server
// and CLI bundles from dist/ (run `node build.mjs` first; the browser server is
// dist/web/kalint-worker.js), the grammar and the language configuration, staged in a folder of
// their own so no node_modules tree can slip in.
//   node scripts/package-vsix.mjs [--out FILE.vsix] [--staging DIR] [--dist DIR]
// --dist takes server.js and kalint.js from another folder than dist/.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
};
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
const manifest = JSON.parse(readFileSync(join(root, "client/package.json"), "utf8"));
const staging = option("--staging", join(root, ".vsix-build"));
const out = option("--out", join(root, `${manifest.name}-${version}.vsix`));
const dist = option("--dist", join(root, "dist"));

for (const f of ["server.js", "kalint.js", "minijinja.wasm", "web/kalint-worker.js"])
  if (!existsSync(join(dist, f))) {
    console.error(`package-vsix: ${join(dist, f)} is missing; run \`node build.mjs\` (or \`npm run package\`) first`);
    process.exit(2);
  }

rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, "dist"), { recursive: true });
mkdirSync(join(staging, "syntaxes"), { recursive: true });

/** One entry of the client: for VS Code's Node extension host, or for the browser's worker one. */
const bundleClient = (entry, outfile, platform) =>
  build({
    entryPoints: [join(root, entry)],
    outfile: join(staging, outfile),
    bundle: true,
    platform,
    target: platform === "node" ? "node20" : "es2022",
    format: "cjs",
    external: ["vscode"],
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
await bundleClient("client/src/extension.ts", "dist/extension.js", "node");
// The browser entry: vscode-languageclient/browser in the web extension host, no Node built-ins.
await bundleClient("client/src/browser.ts", "dist/browser.js", "browser");
const copies = {
  [join(dist, "server.js")]: "dist/server.js",
  [join(dist, "web/kalint-worker.js")]: "dist/browser-server.js",
  [join(dist, "kalint.js")]: "dist/kalint.js",
  [join(dist, "minijinja.wasm")]: "dist/minijinja.wasm",
  "syntaxes/keepalived.tmLanguage.json": "syntaxes/keepalived.tmLanguage.json",
  "syntaxes/keepalived-jinja.tmLanguage.json": "syntaxes/keepalived-jinja.tmLanguage.json",
  "syntaxes/keepalived-go.tmLanguage.json": "syntaxes/keepalived-go.tmLanguage.json",
  "syntaxes/keepalived-erb.tmLanguage.json": "syntaxes/keepalived-erb.tmLanguage.json",
  "client/language-configuration.json": "language-configuration.json",
  "client/README.md": "README.md",
  "client/LICENSE": "LICENSE",
};
for (const [from, to] of Object.entries(copies)) copyFileSync(resolve(root, from), join(staging, to));
// The extension carries the version of the package it is built from.
writeFileSync(join(staging, "package.json"), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);

const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");
mkdirSync(dirname(out), { recursive: true });
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", out], {
  cwd: staging,
  stdio: ["ignore", "inherit", "inherit"],
});
console.log(`${out} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
