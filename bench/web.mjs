#!/usr/bin/env node
// The playground in real headless Chromium (scripts/chromium.mjs), served from dist/web/ by
// scripts/playground.mjs on localhost:
//   * page load → first diagnostics shown (navigation start to the first publish on screen),
//     the first load of a fresh browser and the median of later loads in new tabs
//   * keystroke → updated diagnostics shown, p50/p95, on a 1,000-line node with its backup
//     node in the other pane (cluster rules on every edit); keys paced like typing
//   * bytes the page transfers, as served and gzip-compressed (what a static host sends)
//
//   node bench/web.mjs        table on stdout (bench/run.mjs shows it as its playground section)
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromiumPath, launchChromium } from "../scripts/chromium.mjs";
import { servePlayground } from "../scripts/playground.mjs";
import { stateFragment } from "../scripts/try-it.mjs";
import { percentile, table } from "./measure.mjs";

const GEN = resolve("../shared/tools/gen-config.mjs");
const TARGETS = { loadMs: 1000, keyP95Ms: 50, bytes: 1.5 * 1024 * 1024 };
const LOADS = 7;
const KEYS = 60;
const PACE_MS = 120;

if (!existsSync("dist/web/index.html")) {
  console.error("bench/web.mjs: dist/web/ is missing; run npm run build");
  process.exit(2);
}
if (!chromiumPath()) {
  console.log("NOTICE: chromium is not installed (apt-get install chromium); playground figures skipped");
  process.exit(0);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const milestones = (page) => page.evaluate(() => globalThis.__kalint);
const waitForDiagnostics = (page) => page.waitForFunction(() => globalThis.__kalint?.firstDiagnostics !== undefined, { timeout: 30_000 });

/** One load of `url` in a new tab: ms to the first diagnostics and every response's body size. */
async function load(browser, url) {
  const page = await browser.newPage();
  const bodies = [];
  page.on("response", async (r) => {
    try {
      if (r.request().method() === "GET" && r.status() === 200) bodies.push({ url: r.url(), body: await r.buffer() });
    } catch {
      // a body the page no longer holds (redirect, navigation): not part of the load
    }
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  await waitForDiagnostics(page);
  const m = await milestones(page);
  await sleep(200);
  return { page, ms: m.firstDiagnostics, script: m.start, initialized: m.initialized, bodies };
}

const { server, url } = await servePlayground({ port: 0 });
const browser = await launchChromium();
const rows = [];
try {
  // ---- load
  const loads = [];
  const phases = [];
  let transfer;
  for (let i = 0; i < LOADS; i++) {
    const l = await load(browser, url);
    loads.push(l.ms);
    if (i > 0) phases.push(l);
    transfer ??= l.bodies;
    await l.page.close();
  }
  const later = loads.slice(1);
  rows.push({ figure: "page load → first diagnostics, fresh browser", value: `${loads[0].toFixed(0)} ms`, target: "-", met: "-" });
  const median = percentile(later, 50);
  rows.push({
    figure: `page load → first diagnostics, median of ${later.length} loads`,
    value: `${median.toFixed(0)} ms`,
    target: `< ${TARGETS.loadMs} ms`,
    met: median < TARGETS.loadMs ? "yes" : "NO",
  });
  rows.push({ figure: "  slowest of those loads", value: `${Math.max(...later).toFixed(0)} ms`, target: "-", met: "-" });
  const phase = (pick) => `${percentile(phases.map(pick), 50).toFixed(0)} ms`;
  rows.push({ figure: "  of which: page script running (median)", value: phase((l) => l.script), target: "-", met: "-" });
  rows.push({ figure: "  worker initialized (median)", value: phase((l) => l.initialized), target: "-", met: "-" });

  // ---- bytes
  const raw = transfer.reduce((n, b) => n + b.body.length, 0);
  const gz = transfer.reduce((n, b) => n + gzipSync(b.body, { level: 9 }).length, 0);
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  rows.push({ figure: `page bytes, ${transfer.length} files as served`, value: kib(raw), target: "-", met: "-" });
  rows.push({
    figure: "page bytes, gzip-compressed",
    value: kib(gz),
    target: `< ${kib(TARGETS.bytes)}`,
    met: gz < TARGETS.bytes ? "yes" : "NO",
  });
  for (const b of transfer.sort((a, c) => c.body.length - a.body.length).slice(0, 3))
    rows.push({
      figure: `  ${new URL(b.url).pathname.slice(1)}`,
      value: `${kib(b.body.length)} (${kib(gzipSync(b.body, { level: 9 }).length)} gz)`,
      target: "-",
      met: "-",
    });

  // ---- keystrokes on a 1,000-line node with its peer
  const generate = (...args) => execFileSync(process.execPath, [GEN, ...args], { encoding: "utf8" });
  const master = generate("--virtual-servers", "37", "--instances", "2");
  const backup = generate("--virtual-servers", "37", "--instances", "2", "--node", "backup");
  const lines = master.split("\n").length - 1;
  const { page } = await load(
    browser,
    `${url}${stateFragment([
      { name: "lb1.conf", text: master },
      { name: "lb2.conf", text: backup },
    ])}`,
  );
  await page.waitForFunction(() => globalThis.__kalint.publishes.some((p) => p.uri.endsWith("/lb2.conf")), { timeout: 30_000 });
  // A new line under `advert_int 1` of the first instance: each key changes what the line says.
  await page.click(".pane:nth-child(1) .cm-content");
  await page.keyboard.down("Control");
  await page.keyboard.press("Home");
  await page.keyboard.up("Control");
  const advert = master.split("\n").findIndex((l) => l.trim() === "advert_int 1");
  for (let i = 0; i < advert; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await sleep(300);
  const text = "garp_master_delay 5 garp_master_refresh 60 garp_lower_prio_repeat 2";
  // The keystroke's moment is when the page receives it (the event's own time stamp), not when
  // this process asks Chromium to press it: the round trip through the DevTools protocol is not
  // the page's latency.
  await page.evaluate(() => document.addEventListener("keydown", (e) => (globalThis.__kalint.keyAt = e.timeStamp), true));
  const latencies = [];
  for (let i = 0; i < KEYS; i++) {
    const key = text[i % text.length];
    await page.evaluate(() => (globalThis.__kalint.keyAt = undefined));
    await page.keyboard.press(key === " " ? "Space" : key);
    const latency = await page
      .waitForFunction(
        () => {
          const k = globalThis.__kalint;
          const shown = k.keyAt !== undefined && k.publishes.find((p) => p.uri.endsWith("/lb1.conf") && p.at > k.keyAt);
          return shown ? shown.at - k.keyAt : false;
        },
        { timeout: 5000, polling: "raf" },
      )
      .then((h) => h.jsonValue())
      .catch(() => undefined);
    if (latency !== undefined) latencies.push(latency);
    await sleep(PACE_MS);
  }
  await page.close();
  const p95 = percentile(latencies, 95);
  rows.push({
    figure: `keystroke → diagnostics shown, ${lines}-line node + peer, p50`,
    value: `${percentile(latencies, 50).toFixed(1)} ms`,
    target: "-",
    met: "-",
  });
  rows.push({
    figure: `  p95 (${latencies.length} of ${KEYS} keys answered)`,
    value: `${p95.toFixed(1)} ms`,
    target: `< ${TARGETS.keyP95Ms} ms`,
    met: p95 < TARGETS.keyP95Ms && latencies.length === KEYS ? "yes" : "NO",
  });
} finally {
  await browser.close();
  server.close();
}
rows.push({ figure: "machine load average (1 min) after the run", value: loadavg()[0].toFixed(1), target: "-", met: "-" });
table(rows);
