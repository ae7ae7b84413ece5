/** Starts the bundled language server (dist/server.js) under the Node that runs VS Code's extensions. */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

export const LANGUAGE_ID = "keepalived";
/** keepalived templates (client/src/detect.ts claims them); the server reads them as templates. */
const TEMPLATE_LANGUAGE_IDS = ["keepalived-jinja", "keepalived-go", "keepalived-erb"];

/** The `kalint.*` settings as the server receives them at start (and on every change). */
export function kalintSettings(scope?: vscode.Uri) {
  const c = vscode.workspace.getConfiguration("kalint", scope);
  return {
    targetVersion: c.get<string>("targetVersion", ""),
    peers: c.get<string[][]>("peers", []),
    rules: c.get<Record<string, string>>("rules", {}),
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  // IPC rather than stdio: nothing the server or a library prints can corrupt the protocol.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [LANGUAGE_ID, ...TEMPLATE_LANGUAGE_IDS].flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    synchronize: {
      // didChangeConfiguration carries the kalint section; peers and rc files are watched so
      // cluster findings follow edits made outside the editor.
      configurationSection: "kalint",
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.kalintrc.json"),
        vscode.workspace.createFileSystemWatcher("**/*.conf"),
      ],
    },
    initializationOptions: { settings: kalintSettings() },
    outputChannel: output,
    diagnosticCollectionName: "kalint",
  };
  return new LanguageClient("kalint", "kalint", serverOptions, clientOptions);
}
