/**
 * `keepalived-language-server`: the language server over stdio (`--stdio`), Node IPC
 * (`--node-ipc`) or a socket (`--socket=PORT`); vscode-languageserver reads the transport from
 * the command line.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

const USAGE = "usage: keepalived-language-server --stdio | --node-ipc | --socket=PORT";
const args = process.argv.slice(2);

if (args.includes("--version")) {
  process.stdout.write("keepalived-language-server 0.1.0\n");
} else if (args.includes("--help") || !args.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe=") || a.startsWith("--clientProcessId"))) {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = args.includes("--help") ? 0 : 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A bug in one request must not take the editor's server down: report it and carry on.
  process.on("uncaughtException", (e) => connection.console.error(`kalint: internal error: ${e.stack ?? e.message}`));
  startServer(connection);
}
