#!/usr/bin/env node
// Language server latency and memory, measured through the built dist/server.js over stdio:
//   * one-character edit → published diagnostics on a ~10k-line file (p50/p95), alone in its
//     folder, and again with its backup node beside it and open (cluster rules on every edit)
//   * hover and completion latency on that file (p50/p95)
//   * server memory (RSS, and its peak) with a ~100k-line file open
// Files come from ../shared/tools/gen-config.mjs (deterministic). Edits are paced like typing
// (one every PACE_MS), since edits closer together than the server's quiet time are one burst.
//
//   node bench/lsp.mjs            table on stdout (bench/run.mjs shows it as its language server section)
//   KALINT_SERVER=path/server.js node bench/lsp.mjs   measure another build of the server
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { percentile, table } from "./measure.mjs";
import { templateText, templateVars } from "./template-input.mjs";

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-languageserver-protocol/node");

const SERVER = resolve(process.env.KALINT_SERVER || "dist/server.js");
const GEN = resolve("../shared/tools/gen-config.mjs");
const EDITS = 60;
const REQUESTS = 300;
const PACE_MS = 120;
/** Targets from issue 7. */
const TARGETS = { editP95Ms: 50, hoverP95Ms: 10, completionP95Ms: 10, failoverHoverP95Ms: 20, renderedEditP95Ms: 100 };

if (!existsSync(SERVER)) {
  console.error(`bench/lsp.mjs: ${SERVER} is missing; run npm run build`);
  process.exit(2);
}
if (!existsSync(GEN)) {
  console.error(`bench/lsp.mjs: ${GEN} is missing; cannot generate the benchmark files`);
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(dir) {
  const child = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    for (const w of [...waiters])
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(performance.now());
      }
  });
  conn.onRequest("workspace/configuration", (p) => p.items.map(() => ({})));
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  const diagnostics = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  return {
    child,
    conn,
    diagnostics,
    async init() {
      await conn.sendRequest("initialize", {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: { workspace: { configuration: true } },
      });
      await conn.sendNotification("initialized", {});
    },
    async stop() {
      await conn.sendRequest("shutdown", null).catch(() => undefined);
      await conn.sendNotification("exit").catch(() => undefined);
      await sleep(100);
      child.kill();
      conn.dispose();
    },
  };
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: kb("VmRSS") / 1024, peakMB: kb("VmHWM") / 1024 };
}

const generate = (...args) => execFileSync(process.execPath, [GEN, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

/** EDITS one-character edits typed (then deleted) at line `target`, column `col`, paced like typing: each edit's latency to its diagnostics. */
async function typeAt(server, uri, target, col) {
  const edits = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const change =
      i % 2 === 0
        ? { range: { start: { line: target, character: col }, end: { line: target, character: col } }, text: "0" }
        : { range: { start: { line: target, character: col }, end: { line: target, character: col + 1 } }, text: "" };
    const done = server.diagnostics(uri, version);
    const start = performance.now();
    await server.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
    edits.push((await done) - start);
    await sleep(PACE_MS);
  }
  return edits;
}

/** Edit latency on the 10k-line file; with `peer`, its backup node is in the folder and open too. */
async function latency(dir, { peer = false } = {}) {
  // With its peer, the pair also has 100 vrrp_instances each, for the failover hover.
  const text = generate("--virtual-servers", "385", ...(peer ? ["--instances", "100"] : []));
  const path = join(dir, "ten-k.conf");
  writeFileSync(path, text);
  const lines = text.split("\n");
  const server = startServer(dir);
  await server.init();
  if (peer) {
    const backupText = generate("--virtual-servers", "385", "--instances", "100", "--node", "backup");
    const backupPath = join(dir, "ten-k-backup.conf");
    writeFileSync(backupPath, backupText);
    const backupUri = pathToFileURL(backupPath).href;
    const opened = server.diagnostics(backupUri, 1);
    await server.conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri: backupUri, languageId: "keepalived", version: 1, text: backupText },
    });
    await opened;
  }
  const uri = pathToFileURL(path).href;
  const first = server.diagnostics(uri, 1);
  const t0 = performance.now();
  await server.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });
  const openMs = (await first) - t0;

  // one character typed into (then deleted from) a `weight` value in the middle of the file
  const target = lines.findIndex((l, i) => i > lines.length / 2 && /^\s+weight \d+$/.test(l));
  const col = lines[target].length;
  const edits = await typeAt(server, uri, target, col);
  if (peer) {
    // Hover on a vrrp_instance with its peer open: the failover table (issue 16), one simulation per cluster.
    const instanceLines = lines
      .map((l, i) => [l, i])
      .filter(([l]) => /^vrrp_instance\s/.test(l))
      .map(([, i]) => i);
    const failoverHover = [];
    let table = false;
    for (let i = 0; i < REQUESTS && instanceLines.length; i++) {
      const line = instanceLines[(i * 7919) % instanceLines.length];
      const start = performance.now();
      const h = await server.conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line, character: 3 } });
      failoverHover.push(performance.now() - start);
      table ||= JSON.stringify(h ?? "").includes("Failover of");
    }
    await server.stop();
    return { lines: lines.length, openMs, edits, failoverHover, table };
  }

  const keywordLines = lines
    .map((l, i) => [l, i])
    .filter(([l]) => /^\s+(lb_algo|delay_loop|weight|protocol|lb_kind)\b/.test(l))
    .map(([, i]) => i);
  const timed = async (method, params) => {
    const start = performance.now();
    await server.conn.sendRequest(method, params);
    return performance.now() - start;
  };
  const hover = [];
  const completion = [];
  for (let i = 0; i < REQUESTS; i++) {
    const line = keywordLines[(i * 7919) % keywordLines.length];
    const character = lines[line].search(/\S/) + 2;
    hover.push(await timed("textDocument/hover", { textDocument: { uri }, position: { line, character } }));
    // completion after a keyword and a space (enum values) and at a line start (keywords of the block)
    const endOfKeyword = lines[line].search(/\S/) + lines[line].trim().split(/\s+/)[0].length + 1;
    completion.push(
      await timed("textDocument/completion", { textDocument: { uri }, position: { line, character: i % 2 ? endOfKeyword : 0 } }),
    );
  }
  await server.stop();
  return { lines: lines.length, openMs, edits, hover, completion };
}

/**
 * Edit latency in a rendered template (issue 15): a 1,000-line Jinja2 template whose two nodes
 * `.kalintrc.json` names, so every edit renders both nodes, lints them, compares them as a cluster
 * and maps the findings back to the template.
 */
async function renderedLatency(dir) {
  const text = templateText(1000);
  const path = join(dir, "keepalived.conf.j2");
  writeFileSync(path, text);
  for (const node of ["lb1", "lb2"]) writeFileSync(join(dir, `${node}.yml`), templateVars(node, text, ["192.0.2"]));
  writeFileSync(
    join(dir, ".kalintrc.json"),
    JSON.stringify({ templates: { "keepalived.conf.j2": { nodes: { lb1: ["lb1.yml"], lb2: ["lb2.yml"] } } } }),
  );
  const server = startServer(dir);
  await server.init();
  const uri = pathToFileURL(path).href;
  const first = server.diagnostics(uri, 1);
  const t0 = performance.now();
  await server.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived-jinja", version: 1, text } });
  const openMs = (await first) - t0;
  const lines = text.split("\n");
  const target = lines.findIndex((l, i) => i > lines.length / 2 && /^\s+advert_int \d+$/.test(l));
  const col = lines[target].length;
  const edits = await typeAt(server, uri, target, col);
  await server.stop();
  return { lines: lines.length, openMs, edits };
}

async function memory(dir) {
  const text = generate("--virtual-servers", "3846");
  const path = join(dir, "hundred-k.conf");
  writeFileSync(path, text);
  const server = startServer(dir);
  await server.init();
  const before = memoryOf(server.child.pid);
  const uri = pathToFileURL(path).href;
  const done = server.diagnostics(uri, 1);
  const t0 = performance.now();
  await server.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });
  const openMs = (await done) - t0;
  const start = performance.now();
  await server.conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 50_000, character: 6 } });
  const hoverMs = performance.now() - start;
  await sleep(200);
  const after = memoryOf(server.child.pid);
  await server.stop();
  return {
    lines: text.split("\n").length,
    bytes: Buffer.byteLength(text),
    openMs,
    hoverMs,
    idleMB: before.rssMB,
    rssMB: after.rssMB,
    peakMB: after.peakMB,
  };
}

const dir = mkdtempSync(join(tmpdir(), "kalint-bench-lsp-"));
try {
  // Separate folders: the server treats the keepalived files of a folder as one fleet.
  const l = await latency(mkdtempSync(join(dir, "ten-")));
  const lp = await latency(mkdtempSync(join(dir, "pair-")), { peer: true });
  const m = await memory(mkdtempSync(join(dir, "hundred-")));
  const rt = await renderedLatency(mkdtempSync(join(dir, "rendered-")));
  const stats = (list) => ({ p50: percentile(list, 50), p95: percentile(list, 95), max: Math.max(...list) });
  const ms = (x) => `${x.toFixed(1)} ms`;
  const row = (figure, list, target) => {
    const s = stats(list);
    return { figure, p50: ms(s.p50), p95: ms(s.p95), max: ms(s.max), target: `p95 <= ${target} ms`, met: s.p95 <= target ? "yes" : "NO" };
  };
  console.log(`${l.lines}-line file: open to first diagnostics ${ms(l.openMs)}`);
  table([
    row(`edit → diagnostics (${EDITS} edits)`, l.edits, TARGETS.editP95Ms),
    row("  the same, backup node open", lp.edits, TARGETS.editP95Ms),
    ...(lp.failoverHover.length
      ? [
          row(
            `hover on vrrp_instance with failover table${lp.table ? "" : " (NO TABLE SHOWN)"} (${lp.failoverHover.length})`,
            lp.failoverHover,
            TARGETS.failoverHoverP95Ms,
          ),
        ]
      : []),
    row(`rendered template (${rt.lines} lines, 2 nodes) edit → diagnostics (${EDITS} edits)`, rt.edits, TARGETS.renderedEditP95Ms),
    row(`hover (${REQUESTS})`, l.hover, TARGETS.hoverP95Ms),
    row(`completion (${REQUESTS})`, l.completion, TARGETS.completionP95Ms),
  ]);
  console.log(
    `${m.lines}-line file (${(m.bytes / 1e6).toFixed(1)} MB): open to diagnostics ${ms(m.openMs)}, first hover ${ms(m.hoverMs)}, RSS ${m.rssMB.toFixed(0)} MB (idle ${m.idleMB.toFixed(0)} MB, peak ${m.peakMB.toFixed(0)} MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
