/**
 * The extension in VS Code for the Web (vscode.dev, github.dev): the same language server, built
 * for a Web Worker (dist/browser-server.js, the playground's kalint-worker.js), started by
 * vscode-languageclient/browser. The open files are the files it knows: includes resolve among
 * them and open nodes of one workspace folder are compared as a cluster. "Compare with peer"
 * asks the server for the differences instead of running the CLI.
 */
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/browser";
import { DIFFERENCES_REQUEST, type DifferencesResult } from "../../server/src/protocol.js";
import { claimedLanguage, clientOptions, KEEPALIVED_LANGUAGES, registerCommands, startFailed } from "./client-options.js";
import { KalintStatus } from "./status.js";

/** The worker global of the extension host (typed here without the DOM library). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("kalint", { log: true });
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, "dist/browser-server.js").toString(true);
  const languageClient = new LanguageClient(
    "kalint",
    "kalint",
    clientOptions(
      output,
      KEEPALIVED_LANGUAGES.map((language) => ({ language })),
      false,
    ),
    new Worker(serverUrl, { name: "kalint language server" }),
  );
  client = languageClient;
  const status = new KalintStatus(languageClient);
  const restart = async () => {
    if (languageClient.isRunning()) await languageClient.stop();
    await languageClient.start();
    status.setState("running");
  };
  registerCommands(context, output, status, restart, () => compareOpenPeers(languageClient));
  let starting: Promise<void> | undefined;
  const start = () => (starting ??= languageClient.start().then(() => status.setState("running"), startFailed(status, output)));
  const consider = (doc: vscode.TextDocument) => {
    if (KEEPALIVED_LANGUAGES.includes(doc.languageId)) {
      void start();
      return;
    }
    // Any scheme: in the browser the files are vscode-vfs:, github: and the like, never file:.
    const language = claimedLanguage(doc);
    if (language) void vscode.languages.setTextDocumentLanguage(doc, language);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  vscode.workspace.textDocuments.forEach(consider);
}

/** The differences between the active file and every other open node of its cluster. */
async function compareOpenPeers(languageClient: LanguageClient): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !KEEPALIVED_LANGUAGES.includes(doc.languageId)) {
    void vscode.window.showWarningMessage("kalint: open a keepalived configuration to compare it with its peers.");
    return;
  }
  const result = await languageClient.sendRequest<DifferencesResult>(DIFFERENCES_REQUEST, { textDocument: { uri: doc.uri.toString() } });
  if (result.peers.length === 0) {
    void vscode.window.showInformationMessage(
      "kalint: no peer is open. In the browser, kalint compares the open files of one folder: open the other node's configuration too.",
    );
    return;
  }
  const here = vscode.workspace.asRelativePath(doc.uri);
  const items = result.peers.flatMap((p) => {
    const there = vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri));
    return p.differences.map((d) => ({
      label: d.path,
      description: `${here}: ${d.master ?? "(absent)"} · ${there}: ${d.backup ?? "(absent)"}`,
      detail: d.expected ? "expected between nodes" : "differs",
    }));
  });
  await vscode.window.showQuickPick(items, {
    title: `kalint diff: ${here} and its open peers, ${items.length} difference(s)`,
    matchOnDescription: true,
  });
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
