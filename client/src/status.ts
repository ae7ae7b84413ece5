/** The status bar item: the server's state and the kalint findings of the active keepalived file. */
import * as vscode from "vscode";
import { State, type BaseLanguageClient } from "vscode-languageclient";
import { LANGUAGE_ID } from "./client-options.js";

export class KalintStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("kalint.status", vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: "starting" | "running" | "stopped" | "failed" = "starting";
  private detail = "";

  constructor(private readonly client: BaseLanguageClient) {
    this.item.name = "kalint";
    this.item.command = "kalint.showOutput";
    this.subscriptions.push(
      client.onDidChangeState((e) =>
        this.setState(e.newState === State.Running ? "running" : e.newState === State.Starting ? "starting" : "stopped"),
      ),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
  }

  setState(state: KalintStatus["state"], detail = ""): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of this.client.diagnostics?.get(doc.uri) ?? []) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
    const icon = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(circle-slash)", failed: "$(error)" }[this.state];
    this.item.text = this.state === "running" ? `${icon} kalint ${counts.errors}E ${counts.warnings}W` : `${icon} kalint`;
    this.item.tooltip = new vscode.MarkdownString(
      `**kalint** language server: ${this.state}${this.detail ? ` (${this.detail})` : ""}\n\n` +
        `This file: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.infos} info(s)\n\nClick for the kalint output.`,
    );
    this.item.backgroundColor = this.state === "failed" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
