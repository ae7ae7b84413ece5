/**
 * `keepalived-language-server`: the language server over stdio (`--stdio`), Node IPC
 * (`--node-ipc`) or a socket (`--socket=PORT`); vscode-languageserver reads the transport from
 * the command line.
 */
import { createConnection, LSPErrorCodes, ProposedFeatures, type Message, type ResponseMessage } from "vscode-languageserver/node";
import { VERSION } from "../version.js";
import { nodeEnvironment } from "./node-environment.js";
import { startServer } from "./server.js";

const USAGE = "usage: keepalived-language-server --stdio | --node-ipc | --socket=PORT";
const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write(`keepalived-language-server ${VERSION}\n`);
} else if (args.includes("--help") || !args.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe=") || a.startsWith("--clientProcessId"))) {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = args.includes("--help") ? 0 : 2;
} else {
  // A request cancelled before it started (it queued behind a long analysis) is answered at once.
  const cancelUndispatched = (message: Message): ResponseMessage | undefined =>
    "id" in message && (typeof message.id === "number" || typeof message.id === "string")
      ? { jsonrpc: "2.0", id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: "cancelled" } }
      : undefined;
  const connection = createConnection(ProposedFeatures.all, { cancelUndispatched });
  // A bug in one request must not take the editor's server down: report it and carry on.
  process.on("uncaughtException", (e) => connection.console.error(`kalint: internal error: ${e.stack ?? e.message}`));
  startServer(connection, nodeEnvironment);
}
