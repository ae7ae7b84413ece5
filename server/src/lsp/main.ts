/**
 * `keepalived-language-server`: the language server over stdio (`--stdio`), Node IPC
 * (`--node-ipc`) or a socket (`--socket=PORT`); vscode-languageserver reads the transport from
 * the command line.
 */
import {
  createConnection,
  LSPErrorCodes,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type Message,
  type ResponseMessage,
} from "vscode-languageserver/node";
import { setFlagsFromString } from "node:v8";
import { ENGINE_MEMORY_PAGES } from "../render/bounds.js";
import { VERSION } from "../version.js";
import { nodeEnvironment } from "./node-environment.js";
import { MAX_MESSAGE_BYTES, startServer } from "./server.js";
import { ResyncingMessageReader, type SkippedMessage } from "./transport.js";

// A workspace's template renders on every keystroke: bound the Jinja2 engine's memory before it loads (render/bounds.ts).
setFlagsFromString(`--wasm-max-mem-pages=${ENGINE_MEMORY_PAGES}`);

const USAGE = "usage: keepalived-language-server --stdio | --node-ipc | --socket=PORT";
const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write(`keepalived-language-server ${VERSION}\n`);
} else if (
  args.includes("--help") ||
  !args.some(
    (a) =>
      a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe=") || a.startsWith("--clientProcessId"),
  )
) {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = args.includes("--help") ? 0 : 2;
} else {
  // A request cancelled before it started (it queued behind a long analysis) is answered at once.
  const cancelUndispatched = (message: Message): ResponseMessage | undefined =>
    "id" in message && (typeof message.id === "number" || typeof message.id === "string")
      ? { jsonrpc: "2.0", id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: "cancelled" } }
      : undefined;
  let skipped = (_: SkippedMessage): void => undefined;
  let connection: Connection;
  if (args.includes("--stdio")) {
    // Our own reader over stdin: a malformed or oversized message is skipped, not fatal (transport.ts).
    const reader = new ResyncingMessageReader(process.stdin, { maxMessageBytes: MAX_MESSAGE_BYTES, onSkipped: (s) => skipped(s) });
    connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), { cancelUndispatched });
    // What vscode-languageserver does for --stdio: stdout carries the protocol, so console output
    // goes to stderr, and the server ends with its input.
    for (const name of ["log", "info", "warn", "error", "debug"] as const)
      console[name] = (...a: unknown[]) => void process.stderr.write(`${a.map(String).join(" ")}\n`);
    const end = () => process.exit(server.shutDown() ? 0 : 1);
    process.stdin.on("end", end);
    process.stdin.on("close", end);
  } else connection = createConnection(ProposedFeatures.all, { cancelUndispatched });
  // A bug in one request must not take the editor's server down: report it and carry on.
  process.on("uncaughtException", (e) => connection.console.error(`kalint: internal error: ${e.stack ?? e.message}`));
  const server = startServer(connection, nodeEnvironment);
  skipped = (s) => server.messageSkipped(s);
}
