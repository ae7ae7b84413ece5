/** What the Node and the browser extension share: the language, the settings, the client options. */
import * as vscode from "vscode";
import type { DocumentSelector, LanguageClientOptions } from "vscode-languageclient";
import { looksLikeKeepalived, templateLanguage, TEMPLATE_LANGUAGES } from "./detect.js";

export const LANGUAGE_ID = "keepalived";
/** keepalived and its templates (client/src/detect.ts claims them); the server reads templates as templates. */
export const KEEPALIVED_LANGUAGES: readonly string[] = [LANGUAGE_ID, ...Object.values(TEMPLATE_LANGUAGES)];

/** The `kalint.*` settings as the server receives them at start (and on every change). */
export function kalintSettings(scope?: vscode.Uri) {
  const c = vscode.workspace.getConfiguration("kalint", scope);
  return {
    targetVersion: c.get<string>("targetVersion", ""),
    peers: c.get<string[][]>("peers", []),
    rules: c.get<Record<string, string>>("rules", {}),
  };
}

export function clientOptions(output: vscode.LogOutputChannel, documentSelector: DocumentSelector, watch: boolean): LanguageClientOptions {
  return {
    documentSelector,
    synchronize: {
      // didChangeConfiguration carries the kalint section; peers and rc files are watched so
      // cluster findings follow edits made outside the editor.
      configurationSection: "kalint",
      ...(watch
        ? {
            fileEvents: [
              vscode.workspace.createFileSystemWatcher("**/.kalintrc.json"),
              vscode.workspace.createFileSystemWatcher("**/*.conf"),
            ],
          }
        : {}),
    },
    initializationOptions: { settings: kalintSettings() },
    outputChannel: output,
    diagnosticCollectionName: "kalint",
  };
}

/** Languages VS Code gives keepalived files by their name (`.conf` is claimed by Properties). */
const GUESSED_LANGUAGES: ReadonlySet<string> = new Set(["properties", "plaintext", "ini"]);
/** Languages other extensions give templates by their extension (`.j2`, `.erb`, `.tmpl`). */
const TEMPLATE_GUESSES: ReadonlySet<string> = new Set([
  "plaintext",
  "jinja",
  "jinja-html",
  "ansible",
  "erb",
  "ruby",
  "go-template",
  "gotmpl",
  "helm",
]);

/**
 * The language kalint gives a document VS Code opened under another one (a keepalived file or
 * template recognised by its content), or undefined to leave it be. A language the user chose
 * in `files.associations` is left alone.
 */
export function claimedLanguage(doc: vscode.TextDocument): string | undefined {
  if (!GUESSED_LANGUAGES.has(doc.languageId) && !TEMPLATE_GUESSES.has(doc.languageId)) return undefined;
  const associations = vscode.workspace.getConfiguration("files", doc).get<Record<string, string>>("associations", {});
  if (Object.values(associations).includes(doc.languageId)) return undefined;
  const template = TEMPLATE_GUESSES.has(doc.languageId) ? templateLanguage(doc.fileName, doc.getText()) : undefined;
  if (template) return template;
  return GUESSED_LANGUAGES.has(doc.languageId) && looksLikeKeepalived(doc.getText()) ? LANGUAGE_ID : undefined;
}

/** The commands both entries have; restarting and comparing are done the entry's own way. */
export function registerCommands(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  status: { setState(state: "starting"): void } & vscode.Disposable,
  restart: () => Promise<void>,
  compare: (clicked?: vscode.Uri, selected?: vscode.Uri[]) => Promise<void>,
): void {
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("kalint.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("kalint.restartServer", async () => {
      status.setState("starting");
      await restart();
    }),
    vscode.commands.registerCommand("kalint.compareWithPeer", compare),
  );
}

/** What a server that did not start leaves: the status and a line in the output. */
export function startFailed(
  status: { setState(state: "failed", detail: string): void },
  output: vscode.LogOutputChannel,
): (e: unknown) => void {
  return (e) => {
    const message = e instanceof Error ? e.message : String(e);
    status.setState("failed", message);
    output.error(`the kalint language server did not start: ${message}`);
  };
}
