/**
 * The hostile input classes through the language server: each is opened as a document (the
 * bytes of a message too big to keep are written raw, as a client would send them), must get
 * its finding, and a request must be answered right after it: the server never freezes on one
 * document. A document whose analysis runs past the server's time budget (the suite shares a
 * loaded machine) may instead get the note that analysis stopped; that is bounded too. Each
 * class gets a server of its own, so the peak memory measured is that class's (a server's peak
 * is a high-water mark: one shared server would report the largest class for every later one).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serverBuilt, TestClient } from "../lsp/client.js";
import { INPUTS } from "./inputs.js";

const MAX_RSS_MB = 500;
let work: string;
let client: TestClient;
let settled: string;
const measured: string[] = [];

const text = (m: string | { value: string }): string => (typeof m === "string" ? m : m.value);

/** The server's peak resident memory so far, in MB (Linux). */
function serverPeakMB(): number {
  if (client.exited !== undefined) return Infinity;
  const status = readFileSync(`/proc/${client.process.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? "0") / 1024;
}

/** Sends a didOpen of `unit` × `count`, its body written in pieces (never built whole). */
async function openHuge(uri: string, unit: string, count: number): Promise<void> {
  const prefix = Buffer.from(
    `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":${JSON.stringify(uri)},"languageId":"keepalived","version":1,"text":"`,
  );
  const suffix = Buffer.from(`"}}}`);
  const escaped = JSON.stringify(unit).slice(1, -1);
  const stdin = client.process.stdin!;
  const write = (b: Buffer | string) => new Promise<void>((resolve) => (stdin.write(b) ? resolve() : stdin.once("drain", () => resolve())));
  await write(`Content-Length: ${prefix.length + Buffer.byteLength(escaped) * count + suffix.length}\r\n\r\n`);
  await write(prefix);
  const per = 1 << 16;
  const block = Buffer.from(escaped.repeat(per));
  for (let left = count; left > 0; left -= per) await write(left >= per ? block : Buffer.from(escaped.repeat(left)));
  await write(suffix);
}

/** A fresh server for the next case. */
async function startServer(): Promise<void> {
  await client?.close();
  client = new TestClient();
  await client.initialize(work);
  // Settled: the server has asked for its settings and been answered before raw bytes are written.
  settled = client.open(join(work, "settle.conf"), "global_defs {\n}\n");
  await client.diagnostics(settled);
}

beforeAll(() => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  work = mkdtempSync(join(tmpdir(), "kalint-hostile-lsp-"));
});

afterAll(async () => {
  await client?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  if (measured.length)
    console.log(
      `hostile inputs, language server (input | open to diagnostics s | hover s | server peak MB | finding):\n${measured.join("\n")}`,
    );
});

describe.runIf(serverBuilt())("the language server on hostile inputs", () => {
  const cases = INPUTS.filter((i) => i.lsp !== undefined);
  test.each(cases.map((i) => [i.name, i] as const))(
    "%s",
    async (_, input) => {
      await startServer();
      const dir = mkdtempSync(join(work, "case-"));
      try {
        const path = join(dir, input.make(dir));
        const uri = pathToFileURL(path).href;
        const started = performance.now();
        // Raw bytes must not interleave with a message the client still has queued: a request
        // answered means everything sent before it was written.
        if (input.huge) {
          await client.request("textDocument/hover", { textDocument: { uri: settled }, position: { line: 0, character: 0 } });
          await openHuge(uri, input.huge.unit, input.huge.count);
        } else client.open(path, readFileSync(path, "utf8"));
        const published = await client.diagnostics(
          uri,
          (p) => input.lsp === "*" || p.diagnostics.some((d) => d.code === input.lsp || /stopped analysing/.test(text(d.message))),
          60_000,
        );
        const opened = (performance.now() - started) / 1000;
        const hoverStarted = performance.now();
        await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 1 } });
        const hovered = (performance.now() - hoverStarted) / 1000;
        const finding = published.diagnostics.find((d) => d.code === input.lsp) ??
          published.diagnostics.find((d) => /stopped analysing/.test(text(d.message))) ?? { code: "(none in the document)", message: "" };
        measured.push(
          `${input.name} | ${opened.toFixed(2)} | ${hovered.toFixed(2)} | ${Math.round(serverPeakMB())} | ${finding.code}: ${text(finding.message).slice(0, 100)}`,
        );
        // At most 100 of a code per document, plus the one that counts the rest.
        expect(published.diagnostics.filter((d) => d.code === finding.code).length).toBeLessThanOrEqual(101);
        expect(hovered).toBeLessThan(5);
        if (input.secret) expect(JSON.stringify(published.diagnostics)).not.toContain(input.secret);
        await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(client.exited).toBeUndefined();
      expect(serverPeakMB()).toBeLessThan(MAX_RSS_MB);
    },
    120_000,
  );

  test("a keystroke in a document whose include matches 10,000 files does not read them all again", async () => {
    await startServer();
    const dir = mkdtempSync(join(work, "glob-"));
    try {
      mkdirSync(join(dir, "d"));
      for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, "d", `f${i}.conf`), `# ${i}\n`);
      const path = join(dir, "k.conf");
      const text = "include d/*.conf\nglobal_defs {\n    router_id a\n}\n";
      const uri = client.open(path, text);
      await client.diagnostics(uri, (p) => p.version === 1, 60_000);
      const times: number[] = [];
      for (let v = 2; v <= 6; v++) {
        const started = performance.now();
        client.change(uri, v, [{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } }, text: "x" }]);
        await client.diagnostics(uri, (p) => p.version === v, 60_000);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[2]!;
      console.log(`keystroke to diagnostics with 10,000 included files: median ${median.toFixed(0)} ms`);
      expect(median).toBeLessThan(2_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
