/**
 * Reading LSP messages from a byte stream (server/src/lsp/transport.ts): a malformed header or
 * body costs that message only, an oversized one is read past without being kept, and the
 * server answers the next request; through the built server, with raw bytes on stdin.
 */
import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { expect, test } from "vitest";
import { ResyncingMessageReader, type SkippedMessage } from "../../server/src/lsp/transport.js";
import { SERVER, serverBuilt } from "./client.js";

const frame = (o: unknown, length?: number): Buffer => {
  const body = Buffer.from(JSON.stringify(o));
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? body.length}\r\n\r\n`), body]);
};
const msg = (id: number) => ({ jsonrpc: "2.0", id, method: "ping", params: {} });

function reader(maxMessageBytes = 1 << 20) {
  const stream = new PassThrough();
  const got: unknown[] = [];
  const skipped: SkippedMessage[] = [];
  new ResyncingMessageReader(stream, { maxMessageBytes, onSkipped: (s) => skipped.push(s) }).listen((m) => got.push(m));
  return { stream, got, skipped, ids: () => got.map((m) => (m as { id: number }).id) };
}

const flushed = () => new Promise((r) => setTimeout(r, 50));

test("bad headers and bodies are skipped and reading goes on at the next Content-Length", async () => {
  const r = reader();
  const bytes = Buffer.concat([
    frame(msg(1)),
    Buffer.from('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":99}'),
    frame(msg(2)),
    Buffer.from("Content-Type: x\r\n\r\n"),
    frame(msg(3)),
    Buffer.from("Content-Length: 5\r\n\r\n{bad}"),
    frame(msg(4)),
    Buffer.from("Content-Length: 2\r\n\r\n[]"),
    Buffer.from("garbage before a header "),
    frame(msg(5)),
    Buffer.from(`Content-Length: 9\r\n\r\n${"x".repeat(9)}`),
    frame(msg(6)),
  ]);
  // One byte at a time: every split of a header and a body is met.
  for (const b of bytes) r.stream.write(Buffer.from([b]));
  await flushed();
  expect(r.ids()).toEqual([1, 2, 3, 4, 5, 6]);
  // The unusable header, then its body (read as garbage before the next header), then the
  // header without a length; two bodies that are not JSON objects; garbage; a body of x's.
  expect(r.skipped.map((s) => s.reason)).toEqual(["header", "header", "header", "json", "json", "header", "json"]);
});

test("a header that never ends is dropped after 8 KB; a body over the limit is read past, its document named", async () => {
  const r = reader(1000);
  r.stream.write(Buffer.from("X".repeat(20_000)));
  r.stream.write(frame(msg(1)));
  const big = {
    jsonrpc: "2.0",
    method: "textDocument/didOpen",
    params: { textDocument: { uri: "file:///big%20one.conf", languageId: "keepalived", version: 1, text: "a".repeat(5000) } },
  };
  const bytes = frame(big);
  for (let at = 0; at < bytes.length; at += 333) r.stream.write(bytes.subarray(at, at + 333));
  r.stream.write(frame(msg(2)));
  await flushed();
  expect(r.ids()).toEqual([1, 2]);
  expect(r.skipped.at(-1)).toEqual({
    reason: "size",
    bytes: bytes.length - bytes.indexOf("{"),
    method: "textDocument/didOpen",
    uri: "file:///big%20one.conf",
  });
});

test.runIf(serverBuilt())(
  "the built server answers after malformed messages, and analyses a repeated version's new text",
  async () => {
    const server = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    server.stdout.on("data", (d) => (out += String(d)));
    const replies = () =>
      out
        .split(/Content-Length: \d+\r\n\r\n/)
        .filter(Boolean)
        .map((s) => JSON.parse(s) as { id?: number; method?: string; params?: { version?: number; diagnostics?: { code: string }[] } });
    const until = async (pred: () => boolean) => {
      for (const end = Date.now() + 30_000; Date.now() < end && !pred();) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      const uri = "file:///kalint-transport-test/a.conf";
      server.stdin.write(
        frame({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }),
      );
      server.stdin.write(Buffer.from('Content-Length: -1\r\n\r\n{"jsonrpc":"2.0","id":50,"method":"shutdown"}'));
      server.stdin.write(Buffer.from("Content-Length: 3\r\n\r\n{x}"));
      server.stdin.write(frame({ jsonrpc: "2.0", method: "initialized", params: {} }));
      server.stdin.write(
        frame({
          jsonrpc: "2.0",
          method: "textDocument/didOpen",
          params: { textDocument: { uri, languageId: "keepalived", version: 5, text: "global_defs {\n    router_id a\n}\n" } },
        }),
      );
      await until(() => replies().some((m) => m.method === "textDocument/publishDiagnostics"));
      // The client sends the same version again, then a lower one, each with new text.
      server.stdin.write(
        frame({
          jsonrpc: "2.0",
          method: "textDocument/didChange",
          params: { textDocument: { uri, version: 5 }, contentChanges: [{ text: "global_defs {\n    bogus_one 1\n}\n" }] },
        }),
      );
      await until(() => replies().some((m) => m.params?.diagnostics?.some((d) => d.code === "unknown-keyword")));
      server.stdin.write(
        frame({
          jsonrpc: "2.0",
          method: "textDocument/didChange",
          params: { textDocument: { uri, version: 3 }, contentChanges: [{ text: "global_defs {\n    router_id b\n    router_id c\n}\n" }] },
        }),
      );
      await until(() => replies().some((m) => m.params?.diagnostics?.some((d) => d.code === "duplicate-keyword")));
      server.stdin.write(
        frame({
          jsonrpc: "2.0",
          id: 2,
          method: "textDocument/hover",
          params: { textDocument: { uri }, position: { line: 1, character: 6 } },
        }),
      );
      await until(() => replies().some((m) => m.id === 2));
      const all = replies();
      expect(all.find((m) => m.id === 1)).toBeDefined();
      expect(all.some((m) => m.id === 50)).toBe(false);
      expect(all.some((m) => m.params?.diagnostics?.some((d) => d.code === "unknown-keyword"))).toBe(true);
      expect(all.some((m) => m.params?.diagnostics?.some((d) => d.code === "duplicate-keyword"))).toBe(true);
      expect(all.find((m) => m.id === 2)).toMatchObject({ id: 2, result: expect.anything() });
    } finally {
      server.kill();
    }
  },
  60_000,
);
