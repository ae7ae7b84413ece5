/**
 * A rendered template's node, opened read-only: the code lens "rendered: lb1" above a template
 * whose nodes `.kalintrc.json` names runs `kalint.showRendering`, which opens
 * `kalint-render:/<template path>?node=lb1&template=<uri>`; the content comes from the language
 * server's `kalint.renderedNode` command, so it is the rendering the diagnostics were made from.
 */
import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { RENDERED_NODE_COMMAND, type RenderedNodeReply } from "../../server/src/protocol.js";

export const RENDER_SCHEME = "kalint-render";

export class RenderedNodeProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = new URLSearchParams(uri.query);
    await this.ready();
    const answer = (await this.client.sendRequest(ExecuteCommandRequest.type, {
      command: RENDERED_NODE_COMMAND,
      arguments: [q.get("template"), q.get("node")],
    })) as RenderedNodeReply | null;
    return answer?.text ?? `# kalint: no rendering: ${answer?.reason ?? "the language server gave none"}\n`;
  }

  /** The template changed: its open renderings are stale. */
  refresh(template: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === RENDER_SCHEME && new URLSearchParams(doc.uri.query).get("template") === template) this.changed.fire(doc.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function showRendering(template: string, node: string): Promise<vscode.TextEditor> {
  const path = vscode.Uri.parse(template).path;
  const uri = vscode.Uri.from({
    scheme: RENDER_SCHEME,
    path: `${path} (${node})`,
    query: new URLSearchParams({ template, node }).toString(),
  });
  const doc = await vscode.workspace.openTextDocument(uri);
  // Rendered keepalived: highlighted as keepalived (the scheme is read-only).
  await vscode.languages.setTextDocumentLanguage(doc, "keepalived");
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
