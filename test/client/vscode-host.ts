// Drives a real VS Code (code-server, installed by ../shared/tools/vscode-host/setup.sh) in
// headless Chromium, for the extension's end-to-end test. The shared probe script does the same
// with fixed pauses (type the file name, wait 1.2 s, press Enter); on a busy 2-core machine the
// file search often answers after that, no editor opens, and the run proves nothing. This driver
// waits for what a person waits for instead: the quick-open box, the file among its results, an
// editor with a language in the status bar, the extension's server, and a Problems panel that
// has stopped changing.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { launchChromium } from "../../scripts/chromium.mjs";
import { sleep, waitFor } from "../support/wait.js";

/** One line the extension wrote; `text` and `scheme`: the document it opened (a rendered template's node). */
export interface TimingEvent {
  readonly event: string;
  readonly ms: number;
  readonly text?: string;
  readonly scheme?: string;
}

export interface HostView {
  /** The Problems panel's rows, as their accessible labels. */
  readonly problems: readonly string[];
  /** The status bar's language item (present only while an editor is open). */
  readonly language: readonly string[];
  readonly status: readonly string[];
  /** What the extension recorded (KALINT_VSCODE_TIMING): activation, server ready, map shown. */
  readonly timings: readonly TimingEvent[];
  /** The text of every webview's page (a webview is a frame in a frame of the workbench). */
  readonly webviews: readonly string[];
}

export interface OpenOptions {
  readonly hostDir: string;
  readonly vsix: string;
  readonly folder: string;
  /** The file to open, relative to the folder. */
  readonly file: string;
  /** Where the screenshot and the logs go. */
  readonly out: string;
  /** Extra environment of code-server (and so of the extension host). */
  readonly env?: Record<string, string>;
  /** When the view is complete (beyond the editor being open and the panel being stable). */
  readonly until?: (view: HostView) => boolean;
}

/**
 * User settings of the fresh profile: a window with no Welcome page, no Chat panel and no tips,
 * so nothing but the driver takes the keyboard at start.
 */
const QUIET_WINDOW = {
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readTimings(file: string): HostView["timings"] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TimingEvent);
}

async function view(page: Page, timingFile: string): Promise<HostView> {
  const problems = await page.$$eval(".markers-panel .monaco-list-row", (rows) =>
    rows.map((r) => r.getAttribute("aria-label") ?? r.textContent ?? ""),
  );
  const status = await page.$$eval(".statusbar-item", (items) => items.map((i) => (i.textContent ?? "").trim()).filter(Boolean));
  const language = await page.$$eval(".statusbar-item[id*='editor.mode']", (items) => items.map((i) => (i.textContent ?? "").trim()));
  const webviews: string[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.evaluate<[], () => string>("document.body ? document.body.innerText : ''").catch(() => "");
    if (text.trim()) webviews.push(text);
  }
  return { problems, status, language, timings: readTimings(timingFile), webviews };
}

async function chord(page: Page, ...keys: ("Control" | "Shift" | "KeyP" | "KeyM")[]): Promise<void> {
  for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
  await page.keyboard.press(keys[keys.length - 1]!);
  for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
}

/** Opens `file` through Go to File, as a person does, until an editor for it shows. */
async function openFile(page: Page, file: string): Promise<boolean> {
  const name = file.split("/").pop()!;
  // A result's label is the file's name, then its folder when it is in one ("keepalived.conf.j2 templates, file results").
  const folder = file.split("/").slice(0, -1).join("/");
  const label = folder ? `${name} ${folder}` : name;
  for (let attempt = 0; attempt < 6; attempt++) {
    await page.keyboard.press("Escape");
    await chord(page, "Control", "KeyP");
    const box = await waitFor(() => page.$(".quick-input-widget:not([style*='display: none']) input"), 10_000);
    if (!box) continue;
    await page.keyboard.type(file);
    // The file search answers in its own time: wait until the file is among the results.
    const found = await waitFor(
      () =>
        page.$$eval(
          ".quick-input-list .monaco-list-row",
          (rows, n) => (rows.some((r) => (r.getAttribute("aria-label") ?? "").split(",")[0]!.trim() === n) ? true : undefined),
          label,
        ),
      30_000,
    );
    if (!found) continue;
    await page.keyboard.press("Enter");
    const opened = await waitFor(async () => ((await page.$$(".statusbar-item[id*='editor.mode']")).length > 0 ? true : undefined), 20_000);
    if (opened) return true;
  }
  return false;
}

/**
 * Opens `folder` and `file` in a fresh code-server with the .vsix installed, shows the Problems
 * panel, and returns what it shows once the extension's server is ready and the panel has not
 * changed for two seconds (and `until` holds), or what it shows after three minutes.
 */
export async function openInVsCode(o: OpenOptions): Promise<HostView & { opened: boolean }> {
  const cs = join(o.hostDir, "cs/node_modules/.bin/code-server");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(o.hostDir, "node24/node_modules/.bin")}:${process.env.PATH ?? ""}`,
    ...o.env,
  };
  rmSync(o.out, { recursive: true, force: true });
  mkdirSync(o.out, { recursive: true });
  const timingFile = join(o.out, "timing.jsonl");
  env.KALINT_VSCODE_TIMING = timingFile;
  const tmp = mkdtempSync(join(tmpdir(), "kalint-vscode-host-"));
  const userData = join(tmp, "ud");
  const extensions = join(tmp, "ext");
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    execFileSync(cs, ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", o.vsix], {
      env,
      stdio: "pipe",
      timeout: 120_000,
    });
    mkdirSync(join(userData, "User"), { recursive: true });
    writeFileSync(join(userData, "User/settings.json"), JSON.stringify(QUIET_WINDOW, null, 2));
    const port = await freePort();
    const log = openSync(join(o.out, "code-server.log"), "w");
    // Its own process group, so that everything it starts (extension host, language server) ends with it.
    server = spawn(
      cs,
      [
        "--auth",
        "none",
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--disable-workspace-trust",
        "--disable-telemetry",
        "--user-data-dir",
        userData,
        "--extensions-dir",
        extensions,
      ],
      { env, detached: true, stdio: ["ignore", log, log] },
    );
    closeSync(log);
    const url = `http://127.0.0.1:${port}`;
    const up = await waitFor(
      () =>
        fetch(url).then(
          () => true,
          () => undefined,
        ),
      60_000,
      500,
    );
    if (!up) throw new Error(`code-server did not answer on ${url} within 60 s (see ${join(o.out, "code-server.log")})`);
    browser = await launchChromium();
    const page = await browser.newPage();
    // Tall enough that the Problems panel renders every row of the examples (its list is virtual).
    await page.setViewport({ width: 1400, height: 1400 });
    await page.goto(`${url}/?folder=${encodeURIComponent(o.folder)}`, { waitUntil: "domcontentloaded", timeout: 90_000 });
    await page.waitForSelector(".monaco-workbench", { timeout: 90_000 });
    const opened = await openFile(page, o.file);
    await chord(page, "Control", "Shift", "KeyM");
    await page.waitForSelector(".markers-panel", { timeout: 20_000 }).catch(() => undefined);
    let last = "";
    let stableSince = Date.now();
    const final = await waitFor(
      async () => {
        const v = await view(page, timingFile);
        const key = JSON.stringify(v.problems);
        if (key !== last) {
          last = key;
          stableSince = Date.now();
        }
        const ready = v.timings.some((t) => t.event === "server-ready");
        return ready && Date.now() - stableSince >= 2_000 && (o.until?.(v) ?? true) ? v : undefined;
      },
      180_000,
      500,
    );
    await page.screenshot({ path: join(o.out, "screenshot.png") });
    const v = final ?? (await view(page, timingFile));
    writeFileSync(join(o.out, "problems.json"), JSON.stringify(v, null, 1));
    return { ...v, opened };
  } finally {
    await browser?.close().catch(() => undefined);
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!gone) {
        try {
          process.kill(-server.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}
