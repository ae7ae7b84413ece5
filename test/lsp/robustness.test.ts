/**
 * Hostile input never crashes the server or leaves it unresponsive: malformed positions, unknown
 * documents, edits past the end, huge and binary documents. After each, a plain hover must still
 * be answered.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverBuilt, TestClient } from "./client.js";

let dir: string;
let client: TestClient;
let uri: string;
const FEATURES = [
  "textDocument/hover",
  "textDocument/completion",
  "textDocument/definition",
  "textDocument/references",
  "textDocument/prepareRename",
  "textDocument/documentSymbol",
  "textDocument/foldingRange",
  "textDocument/formatting",
  "textDocument/semanticTokens/full",
  "textDocument/documentLink",
  "textDocument/codeAction",
  "textDocument/rename",
];

async function stillAlive(): Promise<void> {
  const h = await client.request<{ contents: { value: string } } | null>("textDocument/hover", {
    textDocument: { uri },
    position: { line: 1, character: 6 },
  });
  expect(h?.contents.value).toContain("**state**");
  expect(client.exited).toBeUndefined();
  // Answers may be empty, but nothing may have failed inside the server.
  expect(client.messages.filter((m) => /internal error|failed/.test(m))).toEqual([]);
}

beforeAll(async () => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-robust-"));
  client = new TestClient();
  await client.initialize(dir);
  uri = client.open(join(dir, "ok.conf"), "vrrp_instance A {\n    state MASTER\n}\n");
  await client.diagnostics(uri);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("malformed positions and ranges in every request", async () => {
  const positions = [{ line: -1, character: -1 }, { line: 1e9, character: 1e9 }, { line: 0.5, character: "x" }, null, {}];
  for (const method of FEATURES) {
    for (const position of positions) {
      const range = { start: position, end: { line: -3, character: 2 } };
      await client
        .request(method, {
          textDocument: { uri },
          position,
          range,
          newName: "B",
          context: { diagnostics: [], includeDeclaration: true },
          options: { tabSize: 4, insertSpaces: true },
        })
        .catch((e: { code?: number }) => expect([-32803, -32602]).toContain(e.code));
    }
  }
  await stillAlive();
});

test("requests for documents that are not open, or with no document at all", async () => {
  for (const method of FEATURES) {
    const result = await client.request(method, {
      textDocument: { uri: "file:///no/such/file.conf" },
      position: { line: 0, character: 0 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newName: "x",
      context: { diagnostics: [] },
    });
    expect(
      result === null || (Array.isArray(result) && result.length === 0) || (typeof result === "object" && "data" in (result as object)),
    ).toBe(true);
    await client.request(method, {}).catch(() => undefined);
    await client.request(method, { textDocument: { uri: "not a uri at all" }, position: { line: 0, character: 0 } }).catch(() => undefined);
  }
  client.change("file:///never/opened.conf", 2, [{ text: "x" }]);
  await stillAlive();
});

test("edits past the end of the document, overlapping and backwards ranges", async () => {
  const edited = client.open(join(dir, "edited.conf"), "global_defs {\n}\n");
  await client.diagnostics(edited);
  client.change(edited, 2, [
    { range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: "vrrp_instance X {\n" },
    { range: { start: { line: 1, character: 50 }, end: { line: 0, character: 2 } }, text: "}" },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "" },
  ]);
  const p = await client.diagnostics(edited, (x) => x.version === 2);
  expect(Array.isArray(p.diagnostics)).toBe(true);
  await stillAlive();
});

test("a huge document is analysed and the server stays responsive", async () => {
  const lines = Array.from(
    { length: 50_000 },
    (_, i) => `virtual_server 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} 80 {\n    real_server 10.9.0.1 80 {\n    }\n}`,
  );
  const huge = client.open(join(dir, "huge.conf"), lines.join("\n"));
  await client.diagnostics(huge, () => true, 60_000);
  const started = performance.now();
  await stillAlive();
  expect(performance.now() - started).toBeLessThan(5_000);
  // one very long line too
  const long = client.open(join(dir, "long.conf"), `global_defs {\n    router_id ${"x".repeat(2_000_000)}\n}\n`);
  expect((await client.diagnostics(long, () => true, 60_000)).diagnostics.length).toBeGreaterThan(0);
  await stillAlive();
});

test("binary content: NULs, control characters, lone surrogates", async () => {
  let bytes = "";
  let seed = 7;
  for (let i = 0; i < 20_000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes += String.fromCharCode(seed % 0xffff);
  }
  const binary = client.open(join(dir, "binary.conf"), `\0\u0001{{}}}\uD800 "\n${bytes}`);
  await client.diagnostics(binary, () => true, 30_000);
  for (const method of FEATURES) {
    await client
      .request(method, {
        textDocument: { uri: binary },
        position: { line: 1, character: 10 },
        range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
        newName: "n",
        context: { diagnostics: [] },
        options: { tabSize: 4, insertSpaces: true },
      })
      .catch(() => undefined);
  }
  await stillAlive();
});

test("pathological nesting: 100,000 braces deep, 100,000 @id prefixes, a definition that names itself", async () => {
  const documents = {
    "deep.conf": `virtual_server 10.0.0.1 80 {\n${"real_server 10.9.0.1 80 {\n".repeat(100_000)}${"}\n".repeat(100_001)}`,
    "anonymous.conf": `${"{".repeat(100_000)}\n${"}".repeat(100_000)}\n`,
    "prefixes.conf": `${"@a ".repeat(100_000)}vrrp_instance V {\n}\n`,
    "selfref.conf": "$A=1 \\\n${A}\n$A\n$B=${B} \\\n${B}\n$B\n",
  };
  for (const [name, text] of Object.entries(documents)) {
    const doc = client.open(join(dir, name), text);
    const published = await client.diagnostics(doc, () => true, 60_000);
    expect(published.diagnostics.length, name).toBeGreaterThan(0);
    for (const method of FEATURES) {
      for (const line of [0, 1, 50, 70_000]) {
        await client
          .request(method, {
            textDocument: { uri: doc },
            position: { line, character: 2 },
            range: { start: { line: 0, character: 0 }, end: { line, character: 0 } },
            newName: "n",
            context: { diagnostics: [], includeDeclaration: true },
            options: { tabSize: 4, insertSpaces: true },
          })
          .catch((e: { code?: number }) => expect([-32803, -32602]).toContain(e.code));
      }
    }
  }
  await stillAlive();
}, 120_000);
