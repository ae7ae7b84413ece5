/**
 * The browser language server (dist/web/kalint-worker.js) spoken to directly over postMessage in
 * real Chromium, as VS Code for the Web and the playground speak to it: initialize, open,
 * diagnostics (includes resolved among the open documents, cluster findings between them), hover,
 * and the kalint/differences request.
 */
import type { Server } from "node:http";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { servePlayground } from "../../scripts/playground.mjs";
import { chromiumPath, launchChromium } from "./chromium.js";

const available = chromiumPath() !== undefined;
// CI installs chromium (.ci/run): there a missing browser is a failure, not a skip.
if (!available && process.env.CI) throw new Error("chromium is not installed; .ci/run installs it");
if (!available) console.warn("[browser-server] SKIPPED: chromium is not installed (apt-get install chromium; .ci/run installs it)");

interface Session {
  results: Record<string, unknown>;
  diagnostics: Record<
    string,
    { version?: number; diagnostics: { code?: string; message: string; range: { start: { line: number } } }[] }[]
  >;
}

/** Runs in the page: starts the worker and keeps a tiny JSON-RPC client on globalThis. */
function startWorker(): void {
  const g = globalThis as unknown as {
    lsp: { send(m: object): void; request(method: string, params: object): Promise<unknown>; session: Session };
  };
  const worker = new Worker("/kalint-worker.js");
  const session: Session = { results: {}, diagnostics: {} };
  const pending = new Map<number, (v: unknown) => void>();
  let id = 0;
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data as {
      id?: number;
      method?: string;
      params?: { uri: string; version?: number; diagnostics: [] };
      result?: unknown;
      error?: unknown;
    };
    if (m.method === "textDocument/publishDiagnostics" && m.params) (session.diagnostics[m.params.uri] ??= []).push(m.params);
    else if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(m.error ?? m.result);
    else if (m.id !== undefined && m.method) worker.postMessage({ jsonrpc: "2.0", id: m.id, result: null });
  };
  g.lsp = {
    session,
    send: (m) => worker.postMessage({ jsonrpc: "2.0", ...m }),
    request: (method, params) =>
      new Promise((resolve) => {
        const n = ++id;
        pending.set(n, resolve);
        worker.postMessage({ jsonrpc: "2.0", id: n, method, params });
      }),
  };
}

describe.skipIf(!available)("the language server in a Chromium Web Worker", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  const request = (method: string, params: object) =>
    page.evaluate(
      (m, p) => (globalThis as unknown as { lsp: { request(m: string, p: object): Promise<unknown> } }).lsp.request(m, p),
      method,
      params,
    );
  const notify = (method: string, params: object) =>
    page.evaluate(
      (m, p) => (globalThis as unknown as { lsp: { send(m: object): void } }).lsp.send({ method: m, params: p }),
      method,
      params,
    );
  const published = (uri: string) =>
    page.evaluate((u) => (globalThis as unknown as { lsp: { session: Session } }).lsp.session.diagnostics[u] ?? [], uri);
  async function lastPublished(uri: string, version: number) {
    await page.waitForFunction(
      (u, v) => ((globalThis as unknown as { lsp: { session: Session } }).lsp.session.diagnostics[u] ?? []).some((p) => p.version === v),
      { timeout: 15_000 },
      uri,
      version,
    );
    return (await published(uri)).filter((p) => p.version === version).at(-1)!.diagnostics;
  }
  const open = (uri: string, text: string, version = 1) =>
    notify("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version, text } });

  beforeAll(async () => {
    let url: string;
    ({ server, url } = await servePlayground({ port: 0 }));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${url}rules/vrid-mismatch.html`, { waitUntil: "load" });
    await page.evaluate(startWorker);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  test("initialize: the same capabilities as the Node server, plus kalint/differences", async () => {
    const result = (await request("initialize", {
      processId: null,
      rootUri: "file:///ws",
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    })) as {
      capabilities: Record<string, unknown>;
      serverInfo: { name: string };
    };
    await notify("initialized", {});
    expect(result.serverInfo.name).toBe("keepalived-language-server");
    expect(result.capabilities).toMatchObject({
      hoverProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: expect.anything(),
      completionProvider: expect.anything(),
    });
  });

  test("diagnostics: a typo, an include found among the open documents, one that is not", async () => {
    await open(
      "file:///ws/vrrp.conf",
      "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    advert_int 1\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n",
    );
    await open(
      "file:///ws/main.conf",
      "global_defs {\n    router_id lb1\n    notifcation_email_from ops@example.com\n}\ninclude vrrp.conf\ninclude conf.d/*.conf\n",
    );
    const main = await lastPublished("file:///ws/main.conf", 1);
    expect(main.map((d) => [d.code, d.range.start.line])).toEqual(
      expect.arrayContaining([
        ["unknown-keyword", 2],
        ["include-not-found", 5],
      ]),
    );
    // vrrp.conf is open, so `include vrrp.conf` found it: no finding on line 5 (0-based 4).
    expect(main.some((d) => d.range.start.line === 4)).toBe(false);
  });

  test("documents named by non-file URIs (VS Code for the Web): an include finds the open file it names", async () => {
    await open(
      "vscode-vfs://github/acme/lb/conf.d/vrrp.conf",
      "vrrp_instance VI_9 {\n    interface eth0\n    virtual_router_id 9\n    priority 100\n}\n",
    );
    await open(
      "vscode-vfs://github/acme/lb/main.conf",
      "global_defs {\n    router_id lb1\n}\ninclude conf.d/*.conf\ninclude missing/*.conf\n",
    );
    const main = await lastPublished("vscode-vfs://github/acme/lb/main.conf", 1);
    expect(main.filter((d) => d.code === "include-not-found").map((d) => d.range.start.line)).toEqual([4]);
  });

  test("hover: a keyword's documentation from the schema", async () => {
    const hover = (await request("textDocument/hover", {
      textDocument: { uri: "file:///ws/vrrp.conf" },
      position: { line: 2, character: 8 },
    })) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toContain("virtual_router_id");
    expect(hover?.contents.value).toMatch(/1\D+255/);
  });

  test("cluster: two open nodes are peers; a VRID mismatch is found and kalint/differences lists it", async () => {
    const node = (state: string, vrid: number, priority: number) =>
      `vrrp_instance VI_1 {\n    state ${state}\n    interface eth0\n    virtual_router_id ${vrid}\n    priority ${priority}\n    virtual_ipaddress {\n        198.51.100.7/24\n    }\n}\n`;
    await open("file:///ws/pair/lb1.conf", node("MASTER", 60, 150));
    await open("file:///ws/pair/lb2.conf", node("BACKUP", 61, 100));
    await page.waitForFunction(
      () =>
        ((globalThis as unknown as { lsp: { session: Session } }).lsp.session.diagnostics["file:///ws/pair/lb2.conf"] ?? []).some((p) =>
          p.diagnostics.some((d) => d.code === "vrid-mismatch"),
        ),
      { timeout: 15_000 },
    );
    const differences = (await request("kalint/differences", { textDocument: { uri: "file:///ws/pair/lb1.conf" } })) as {
      peers: { uri: string; differences: { path: string; master: string; backup: string; expected: boolean }[] }[];
    };
    const peer = differences.peers.find((p) => p.uri === "file:///ws/pair/lb2.conf");
    expect(peer?.differences).toContainEqual({
      path: "vrrp_instance VI_1 > virtual_router_id",
      master: "60",
      backup: "61",
      expected: false,
    });
  });

  test("an edit is analysed again and published with its version", async () => {
    await notify("textDocument/didChange", {
      textDocument: { uri: "file:///ws/main.conf", version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 26 } }, text: "notification_email_from" }],
    });
    const main = await lastPublished("file:///ws/main.conf", 2);
    expect(main.some((d) => d.code === "unknown-keyword")).toBe(false);
  });
});
