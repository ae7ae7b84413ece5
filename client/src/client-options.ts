/** What the Node and the browser extension share: the language, the settings, the client options. */
import * as vscode from "vscode";
import type { DocumentSelector, LanguageClientOptions } from "vscode-languageclient";
import { TEMPLATE_LANGUAGES } from "./detect.js";

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
      ...(watch ? { fileEvents: [vscode.workspace.createFileSystemWatcher("**/.kalintrc.json"), vscode.workspace.createFileSystemWatcher("**/*.conf")] } : {}),
    },
    initializationOptions: { settings: kalintSettings() },
    outputChannel: output,
    diagnosticCollectionName: "kalint",
  };
}
