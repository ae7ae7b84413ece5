/** Starts the bundled language server (dist/server.js) under the Node that runs VS Code's extensions. */
import type * as vscode from "vscode";
import { LanguageClient, TransportKind, type ServerOptions } from "vscode-languageclient/node";
import { clientOptions, KEEPALIVED_LANGUAGES } from "./client-options.js";

export { kalintSettings, LANGUAGE_ID } from "./client-options.js";

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  // IPC rather than stdio: nothing the server or a library prints can corrupt the protocol.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const selector = KEEPALIVED_LANGUAGES.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  return new LanguageClient("kalint", "kalint", serverOptions, clientOptions(output, selector, true));
}
