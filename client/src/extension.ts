/**
 * The kalint VS Code extension: recognises keepalived files, starts the bundled language server
 * once one is open, and adds the compare command, a status bar item and an output channel.
 */
import { appendFileSync } from "node:fs";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { compareWithPeer } from "./compare.js";
import { claimedLanguage, KEEPALIVED_LANGUAGES, registerCommands, startFailed } from "./client-options.js";
import { showFailoverMap } from "./failover-map.js";
import { RENDER_SCHEME, RenderedNodeProvider, showRendering } from "./rendering.js";
import { createLanguageClient } from "./language-client.js";
import { KalintStatus } from "./status.js";

let client: LanguageClient | undefined;

const OUR_LANGUAGES: ReadonlySet<string> = new Set(KEEPALIVED_LANGUAGES);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel("kalint", { log: true });
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  const status = new KalintStatus(languageClient);
  registerCommands(
    context,
    output,
    status,
    () => languageClient.restart(),
    (clicked, selected) => compareWithPeer(context, output, clicked, selected),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand("kalint.showFailoverMap", (uri?: string | vscode.Uri) =>
      showFailoverMap(languageClient, () => start(), uri?.toString()),
    ),
  );
  const renderings = new RenderedNodeProvider(languageClient, () => start());
  context.subscriptions.push(
    renderings,
    vscode.workspace.registerTextDocumentContentProvider(RENDER_SCHEME, renderings),
    vscode.commands.registerCommand("kalint.showRendering", (template: string, node: string) => showRendering(template, node)),
    vscode.workspace.onDidChangeTextDocument((e) => renderings.refresh(e.document.uri.toString())),
  );

  let starting: Promise<void> | undefined;
  const start = () => {
    const requested = Date.now();
    return (starting ??= languageClient.start().then(
      () => {
        const readyMs = Date.now() - requested;
        status.setState("running", `ready in ${readyMs} ms`);
        output.info(`kalint language server ready in ${readyMs} ms (extension ${context.extension.packageJSON.version as string})`);
        recordTiming("server-ready", readyMs);
        // Set by test/client/vscode-e2e.test.ts: show the failover map of the first file, for its screenshot.
        if (process.env.KALINT_VSCODE_SHOW_MAP === "1") {
          setTimeout(() => {
            const asked = Date.now();
            void (vscode.commands.executeCommand("kalint.showFailoverMap") as Thenable<vscode.WebviewPanel | undefined>).then((panel) => {
              if (panel) recordTiming("failover-map", Date.now() - asked);
            });
          }, 1500);
        }
        // Set by test/client/vscode-e2e.test.ts: open a node's rendering of the active template, as its lens does, and record the text shown.
        const node = process.env.KALINT_VSCODE_SHOW_RENDERING;
        if (node) {
          setTimeout(() => {
            const template = vscode.window.activeTextEditor?.document.uri.toString();
            if (!template) return;
            const asked = Date.now();
            void (vscode.commands.executeCommand("kalint.showRendering", template, node) as Thenable<vscode.TextEditor>).then((editor) => {
              recordTiming("rendering", Date.now() - asked, { text: editor.document.getText(), scheme: editor.document.uri.scheme });
            });
          }, 1500);
        }
      },
      startFailed(status, output),
    ));
  };

  const consider = (doc: vscode.TextDocument) => {
    if (OUR_LANGUAGES.has(doc.languageId)) {
      void start();
      return;
    }
    const language = doc.uri.scheme === "file" ? claimedLanguage(doc) : undefined;
    if (language) void vscode.languages.setTextDocumentLanguage(doc, language);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  vscode.workspace.textDocuments.forEach(consider);
  recordTiming("activate", Date.now() - activated);
}

/** Set by test/client/vscode-e2e.test.ts to measure start-up in a real VS Code. */
function recordTiming(event: string, ms: number, detail: Record<string, string> = {}): void {
  const file = process.env.KALINT_VSCODE_TIMING;
  if (file) appendFileSync(file, `${JSON.stringify({ event, ms, ...detail })}\n`);
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
