/**
 * A test client for the built server: spawns `dist/server.js --stdio` (or another transport) and
 * speaks LSP to it through vscode-languageserver-protocol, recording every publishDiagnostics it sends.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

/** The server under test: the build, or another bundle named by KALINT_SERVER (to compare builds). */
export const SERVER = process.env.KALINT_SERVER || "dist/server.js";
export const serverBuilt = (): boolean => existsSync(SERVER);

export interface Published {
  readonly diagnostics: readonly Diagnostic[];
  readonly version: number | undefined;
  readonly at: number;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly published = new Map<string, Published[]>();
  readonly messages: string[] = [];
  stderr = "";
  private waiters: (() => void)[] = [];
  exited: number | null | undefined;

  /**
   * `connect` gives the channel to the server for a transport other than stdio (`--node-ipc`,
   * `--socket=N`); the server's stdin/stdout are then left alone.
   */
  constructor(args: readonly string[] = ["--stdio"], connect?: (server: ChildProcess) => [MessageReader, MessageWriter]) {
    const ipc = args.includes("--node-ipc");
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ipc ? ["pipe", "pipe", "pipe", "ipc"] : ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d) => (this.stderr += String(d)));
    this.process.on("exit", (code) => (this.exited = code));
    const [reader, writer] = connect
      ? connect(this.process)
      : [new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!)];
    this.connection = createProtocolConnection(reader, writer);
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push({ diagnostics: p.diagnostics, version: p.version, at: performance.now() });
      this.published.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification("window/showMessage", (p: { message: string }) => void this.messages.push(p.message));
    this.connection.onNotification("window/logMessage", (p: { message: string }) => void this.messages.push(p.message));
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.listen();
  }

  settings: unknown = {};

  async initialize(rootPath: string, capabilities: ClientCapabilities = {}, settings: unknown = {}): Promise<Record<string, unknown>> {
    this.settings = settings;
    const result = (await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: "root" }],
      capabilities: { workspace: { configuration: true }, ...capabilities },
    })) as { capabilities: Record<string, unknown> };
    await this.connection.sendNotification("initialized", {});
    return result.capabilities;
  }

  open(path: string, text: string, version = 1): string {
    const uri = pathToFileURL(path).href;
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version, text } });
    return uri;
  }

  change(uri: string, version: number, changes: readonly unknown[]): void {
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The next diagnostics for `uri` that satisfy `accept` (by default: any for `version`, if given). */
  async diagnostics(uri: string, accept: (p: Published) => boolean = () => true, timeoutMs = 15_000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (this.published.get(uri) ?? []).find(accept);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async close(): Promise<void> {
    if (this.exited === undefined) {
      try {
        await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]);
        void this.connection.sendNotification("exit");
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        if (this.exited !== undefined) return resolve();
        const t = setTimeout(() => {
          this.process.kill();
          resolve();
        }, 2000);
        this.process.on("exit", () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }
}
