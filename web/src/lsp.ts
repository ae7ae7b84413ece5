/**
 * The page's side of the language server: the worker (dist/web/kalint-worker.js, the same bundle
 * VS Code for the Web runs) behind @codemirror/lsp-client, plus what that client leaves to us:
 * diagnostics as soon as an edit is made (its own sync waits half a second), quick fixes on
 * each diagnostic from the server's code actions, and every finding kept for the findings list.
 */
import { LSPClient, LSPPlugin, type Transport } from "@codemirror/lsp-client";
import { setDiagnostics, type Action, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import type { Extension } from "@codemirror/state";
import { ViewPlugin, type EditorView } from "@codemirror/view";
import type * as lsp from "vscode-languageserver-protocol";
import { DIFFERENCES_REQUEST, type DifferencesParams, type DifferencesResult } from "../../server/src/protocol.js";

export const ROOT_URI = "file:///playground";
export const LANGUAGE_ID = "keepalived";

/** postMessage carries objects; the client speaks JSON text. */
function workerTransport(worker: Worker): Transport {
  const handlers = new Set<(value: string) => void>();
  worker.addEventListener("message", (e: MessageEvent) => {
    const text = JSON.stringify(e.data);
    for (const h of handlers) h(text);
  });
  return {
    send: (message) => worker.postMessage(JSON.parse(message)),
    subscribe: (h) => void handlers.add(h),
    unsubscribe: (h) => void handlers.delete(h),
  };
}

export interface Published {
  readonly uri: string;
  readonly diagnostics: readonly lsp.Diagnostic[];
}

export interface KalintClient {
  readonly client: LSPClient;
  /** The extension that makes an editor the view of `uri`. */
  plugin(uri: string): Extension;
  setTargetVersion(version: string | undefined): void;
  /** A file closed (its pane was removed or renamed): forget its findings. */
  forget(uri: string): void;
  differences(uri: string): Promise<DifferencesResult>;
}

export type { Difference, DifferencesResult } from "../../server/src/protocol.js";

/** LSP 3.18 allows markup in a message; kalint sends plain text. */
export const messageText = (d: lsp.Diagnostic): string => (typeof d.message === "string" ? d.message : d.message.value);

/** How long after a publish the quick fixes are fetched (a pause in typing). */
const ACTIONS_DELAY_MS = 250;

/** An LSP severity's name: CodeMirror's lint severity, and the word the findings list shows. */
export const SEVERITY = { 1: "error", 2: "warning", 3: "info", 4: "hint" } as const;

const sameRange = (a: lsp.Range, b: lsp.Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/** Applies a workspace edit's changes to the views that show its files. */
function applyEdit(edit: lsp.WorkspaceEdit | undefined, viewOf: (uri: string) => EditorView | null): void {
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
    const view = viewOf(uri);
    const plugin = view && LSPPlugin.get(view);
    if (!view || !plugin) continue;
    const doc = view.state.doc;
    view.dispatch({
      changes: edits.map((e) => ({
        from: plugin.fromPosition(e.range.start, doc),
        to: plugin.fromPosition(e.range.end, doc),
        insert: e.newText,
      })),
      userEvent: "input.fix",
    });
  }
}

export interface KalintOptions {
  onPublish(p: Published): void;
  /** How the page names a file (its pane's name). */
  nameOf(uri: string): string;
}

export function startKalint(workerUrl: string, options: KalintOptions): KalintClient {
  // start-worker.js has usually started it already.
  const started = globalThis as { kalintWorker?: Worker };
  const worker = started.kalintWorker ?? new Worker(workerUrl);
  started.kalintWorker = undefined;
  const settings = (target: string | undefined) => ({ kalint: target ? { targetVersion: target } : {} });
  let client: LSPClient;
  const viewOf = (uri: string) => client.workspace.getFile(uri)?.getView() ?? null;

  /** Each file's own diagnostics as last published (with quick fixes once they arrive). */
  const own = new Map<string, { readonly params: lsp.PublishDiagnosticsParams; diagnostics: CmDiagnostic[] }>();

  /**
   * Another file's finding that names a place in this one (a cluster finding's "peer value"),
   * shown there as an info marker: a VRID mismatch is then visible in both panes.
   */
  const relatedIn = (uri: string, plugin: LSPPlugin): CmDiagnostic[] => {
    const out: CmDiagnostic[] = [];
    const doc = plugin.syncedDoc;
    const clamp = (p: lsp.Position) => (p.line < doc.lines ? plugin.unsyncedChanges.mapPos(plugin.fromPosition(p, doc)) : doc.length);
    for (const [other, { params }] of own) {
      if (other === uri) continue;
      for (const d of params.diagnostics) {
        for (const r of d.relatedInformation ?? []) {
          if (r.location.uri !== uri) continue;
          const where = `${options.nameOf(other)}:${d.range.start.line + 1}`;
          out.push({
            from: clamp(r.location.range.start),
            to: clamp(r.location.range.end),
            severity: "info",
            message: `${r.message}, for ${String(d.code ?? "kalint")} on ${where}: ${messageText(d)}`,
            source: `kalint ${String(d.code ?? "")} (${where})`,
          });
        }
      }
    }
    return out;
  };

  /** The other files in which these findings mark a place (relatedInformation). */
  const markedFiles = (diagnostics: readonly lsp.Diagnostic[] = []) =>
    diagnostics.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location.uri));

  /** Shows a file's diagnostics in its editor: its own, then the markers other files' findings put there. */
  const show = (uri: string) => {
    const view = viewOf(uri);
    const plugin = view && LSPPlugin.get(view);
    if (!view || !plugin) return;
    view.dispatch(setDiagnostics(view.state, [...(own.get(uri)?.diagnostics ?? []), ...relatedIn(uri, plugin)]));
  };

  const actionTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** The server's quick fixes for the diagnostics it just published, attached as lint actions. */
  const withActions = async (plugin: LSPPlugin, params: lsp.PublishDiagnosticsParams) => {
    if (params.diagnostics.length === 0) return;
    const doc = plugin.syncedDoc;
    // One request per line that has findings, as an editor asks at the cursor: the server offers
    // each code's disable comments once per request, so a whole-file request would give them to
    // the first finding of each code only.
    const lines = [...new Set(params.diagnostics.map((d) => d.range.start.line))];
    let actions: (lsp.CodeAction | lsp.Command)[];
    try {
      const answers = await Promise.all(
        lines.map((line) =>
          client.request<lsp.CodeActionParams, (lsp.CodeAction | lsp.Command)[] | null>("textDocument/codeAction", {
            textDocument: { uri: params.uri },
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            context: { diagnostics: params.diagnostics.filter((d) => d.range.start.line === line), only: ["quickfix"] },
          }),
        ),
      );
      actions = answers.flatMap((a) => a ?? []);
    } catch {
      return;
    }
    const entry = own.get(params.uri);
    if (!actions.length || entry?.params !== params || plugin.syncedDoc !== doc) return;
    entry.diagnostics = entry.diagnostics.map((d, i) => {
      const source = params.diagnostics[i]!;
      const mine = actions.filter(
        (a): a is lsp.CodeAction =>
          "edit" in a &&
          !!a.diagnostics?.some(
            (x) => x.code === source.code && messageText(x) === messageText(source) && sameRange(x.range, source.range),
          ),
      );
      const list: Action[] = mine.map((a) => ({ name: a.title, apply: () => applyEdit(a.edit, viewOf) }));
      return list.length ? { ...d, actions: list } : d;
    });
    show(params.uri);
  };

  client = new LSPClient({
    rootUri: ROOT_URI,
    timeout: 10_000,
    // The target version comes with the page's state (setTargetVersion), before any file opens.
    initializationOptions: { settings: {} },
    notificationHandlers: {
      "textDocument/publishDiagnostics": (_client, params: lsp.PublishDiagnosticsParams) => {
        const file = client.workspace.getFile(params.uri);
        if (!file || (params.version != null && params.version !== file.version)) return true;
        const view = file.getView();
        const plugin = view && LSPPlugin.get(view);
        if (!view || !plugin) return true;
        const before = own.get(params.uri)?.params.diagnostics;
        own.set(params.uri, {
          params,
          diagnostics: params.diagnostics.map((item) => ({
            from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.start, plugin.syncedDoc)),
            to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.end, plugin.syncedDoc)),
            severity: SEVERITY[item.severity ?? 1],
            message: messageText(item),
            ...(item.code !== undefined ? { source: `kalint ${String(item.code)}` } : {}),
          })),
        });
        // This file, and the files whose markers its findings add or take away: a publish
        // of one node leaves the markers in unrelated panes as they are.
        for (const uri of new Set([params.uri, ...markedFiles(before), ...markedFiles(params.diagnostics)])) show(uri);
        options.onPublish({ uri: params.uri, diagnostics: params.diagnostics });
        // Fixes are asked for once typing pauses: while keys come, the worker's time goes to diagnostics.
        clearTimeout(actionTimers.get(params.uri));
        actionTimers.set(
          params.uri,
          setTimeout(() => void withActions(plugin, params), ACTIONS_DELAY_MS),
        );
        return true;
      },
      // Warnings the server shows (e.g. "not formatted, the file has syntax errors").
      "window/showMessage": (_client, params: lsp.ShowMessageParams) => {
        document.dispatchEvent(new CustomEvent("kalint-message", { detail: params.message }));
        return true;
      },
    },
    extensions: [
      { clientCapabilities: { textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: {} } } },
    ],
  }).connect(workerTransport(worker));

  // Every edit goes to the server at once (the server debounces bursts itself), so findings follow typing.
  const syncNow = ViewPlugin.define((view) => {
    let queued = false;
    return {
      update(u) {
        if (!u.docChanged || queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          if (LSPPlugin.get(view)) client.sync();
        });
      },
    };
  });

  return {
    client,
    plugin: (uri) => [client.plugin(uri, LANGUAGE_ID), syncNow],
    forget(uri) {
      const gone = own.get(uri)?.params.diagnostics;
      own.delete(uri);
      for (const u of new Set(markedFiles(gone))) show(u);
    },
    setTargetVersion(version) {
      client.notification("workspace/didChangeConfiguration", { settings: settings(version) });
    },
    async differences(uri) {
      client.sync();
      return client.request<DifferencesParams, DifferencesResult>(DIFFERENCES_REQUEST, { textDocument: { uri } });
    },
  };
}
