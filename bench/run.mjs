#!/usr/bin/env node
// `npm run bench`: runs each section in order and prints its figures. A section is a module
// exporting { title, run(ctx) }; add new ones (LSP latency, fmt, ...) to the list below. Sections
// share `ctx`: the input files and each other's results. Timings never make this fail.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cli } from "./cli.mjs";
import { fleet } from "./fleet-section.mjs";
import { inputs } from "./inputs.mjs";
import { keepalived } from "./keepalived.mjs";
import { lsp } from "./lsp-section.mjs";
import { web } from "./web-section.mjs";
import { parse } from "./parse.mjs";
import { render } from "./render-section.mjs";
import { simulate } from "./simulate-section.mjs";
import { summary } from "./summary.mjs";
import { caCertificatesApart } from "./measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sections = [inputs, parse, cli, render, keepalived, fleet, simulate, lsp, web, summary];
const only = process.argv.slice(2);

const ctx = { root, dir: join(root, ".bench"), files: [], results: {} };
console.log(`kalint bench: node ${process.version}, ${new Date().toISOString()}`);
caCertificatesApart();
for (const section of sections) {
  if (only.length && section !== inputs && !only.some((o) => section.title.startsWith(o))) continue;
  console.log(`\n== ${section.title}`);
  try {
    await section.run(ctx);
  } catch (e) {
    console.log(`NOTICE: section failed: ${e instanceof Error ? e.stack : e}`);
  }
}
