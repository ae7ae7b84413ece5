/**
 * "kalint: Show failover map": asks the language server for the failover simulation of the
 * active file and its peers (the same page `kalint simulate --format html` writes) and shows it
 * in a webview beside the editor. Code lenses above each vrrp_instance run it too.
 */
import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { FAILOVER_MAP_COMMAND, type FailoverMapReply } from "../../server/src/protocol.js";

export async function showFailoverMap(
  client: LanguageClient,
  ready: () => Promise<void>,
  uri?: string,
): Promise<vscode.WebviewPanel | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!target) {
    void vscode.window.showWarningMessage("kalint: open a keepalived file to see its failover map");
    return undefined;
  }
  await ready();
  const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: FAILOVER_MAP_COMMAND,
    arguments: [target],
  })) as FailoverMapReply | null;
  if (!answer?.html) {
    void vscode.window.showWarningMessage(`kalint: no failover map: ${answer?.reason ?? "the language server gave none"}`);
    return undefined;
  }
  const name = target.split("/").pop() ?? target;
  // No scripts: the page is a table with inline styles only.
  const panel = vscode.window.createWebviewPanel(
    "kalint.failoverMap",
    `Failover map: ${decodeURIComponent(name)}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: false },
  );
  panel.webview.html = answer.html;
  return panel;
}
