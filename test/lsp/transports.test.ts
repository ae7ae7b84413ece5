/**
 * The server's other transports: Node IPC (`--node-ipc`, how VS Code may start it) and a socket
 * (`--socket=PORT`: the server connects to a port the client listens on). Each is driven through
 * one round trip of every kind: initialize, a published diagnostic, a request, shutdown and exit.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { serverBuilt, TestClient } from "./client.js";

let dir: string;

beforeAll(() => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-transport-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Everything a session needs, over whatever channel the client was built with. */
async function roundTrip(client: TestClient, name: string): Promise<void> {
  const caps = await client.initialize(dir);
  expect(caps).toHaveProperty("hoverProvider", true);
  const uri = client.open(join(dir, name), "vrrp_instance VI_1 {\n    priority 300\n}\n");
  const published = await client.diagnostics(uri);
  expect(published.diagnostics.map((d) => d.code)).toContain("out-of-range");
  const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", {
    textDocument: { uri },
    position: { line: 1, character: 6 },
  });
  expect(hover.contents.value).toContain("**priority**");
  await client.close();
  expect(client.exited).toBe(0);
}

test("--node-ipc", async () => {
  const client = new TestClient(["--node-ipc"], (server) => [new IPCMessageReader(server), new IPCMessageWriter(server)]);
  await roundTrip(client, "ipc.conf");
  expect(client.stderr).toBe("");
});

test("--socket=PORT", async () => {
  const listener: Server = createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const port = (listener.address() as { port: number }).port;
  // The server dials in after it starts; until then messages wait in the pipes.
  const fromServer = new PassThrough();
  const toServer = new PassThrough();
  let socket: Socket | undefined;
  listener.once("connection", (s) => {
    socket = s;
    s.pipe(fromServer);
    toServer.pipe(s);
  });
  try {
    const client = new TestClient([`--socket=${port}`], () => [new StreamMessageReader(fromServer), new StreamMessageWriter(toServer)]);
    await roundTrip(client, "socket.conf");
    expect(socket).toBeDefined();
    expect(client.stderr).toBe("");
  } finally {
    socket?.destroy();
    listener.close();
  }
});
