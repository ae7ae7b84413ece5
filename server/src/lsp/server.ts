/**
 * The protocol wiring: each handler finds the document's analysis and calls the language
 * service. Every request yields once first, so a `$/cancelRequest` already on the wire is seen,
 * and no request can throw through to the connection: a failure is logged and answered empty.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import * as service from "../service/index.js";
import type { AnalysedDocument } from "../service/index.js";
import { baseName, type ServerEnvironment } from "./environment.js";
import { DEFAULT_LIMITS, formatBytes } from "../../../grammar/index.js";
import { boundedDocuments, oversizedReason } from "./bounded-documents.js";
import type { SkippedMessage } from "./transport.js";
import { DiagnosticsPublisher } from "./publisher.js";
import { readClientSettings, SettingsStore } from "./settings.js";
import { pathOf, uriOfPath } from "./uris.js";
import { warmUp } from "./warm-up.js";
import { VERSION } from "../version.js";
import {
  DIFFERENCES_REQUEST,
  FAILOVER_MAP_COMMAND,
  RENDERED_NODE_COMMAND,
  type DifferencesParams,
  type DifferencesResult,
  type FailoverMapReply,
  type RenderedNodeReply,
} from "../protocol.js";

export interface ServerOptions {
  /** Edits closer together than this are analysed once, after the pause. */
  readonly quietMs?: number;
  /**
   * When to warm the analyser up (see warm-up.ts): right after initialize (default), once the
   * first diagnostics are out (where start-up itself is slow, as in a browser worker, the first
   * document must not wait behind it), or never.
   */
  readonly warmUp?: "initialize" | "after-first-publish" | "never";
}

/**
 * The largest message read from stdio: a document at the per-file limit, as JSON. A bigger one
 * is read past without being kept (transport.ts), and the document it carried gets a note.
 */
export const MAX_MESSAGE_BYTES = DEFAULT_LIMITS.fileBytes + 1024 * 1024;

export interface RunningServer {
  /** The transport skipped a message (malformed, or too large to keep). */
  messageSkipped(skipped: SkippedMessage): void;
  /** Whether the client asked the server to shut down (for the exit status when input ends). */
  shutDown(): boolean;
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");

export function startServer(connection: Connection, environment: ServerEnvironment, options: ServerOptions = {}): RunningServer {
  let folders: string[] = [];
  let shutDown = false;
  let snippets = false;
  let pullConfiguration = false;
  let watchRegistration = false;
  let folderEvents = false;
  let configRegistration = false;
  let stopWarmUp = (): void => undefined;
  const tick = () => new Promise<void>((resolve) => environment.later(resolve));

  const log = (message: string) => connection.console.error(message);
  let warmedUp = false;
  const startWarmUp = () => {
    if (warmedUp) return;
    warmedUp = true;
    stopWarmUp = warmUp(environment.later, (e) => log(`kalint: warm-up failed: ${describe(e)}`));
  };
  // A notification, not window/showMessageRequest: nothing waits for the user to dismiss it.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  const settings = new SettingsStore(warn, () => folders);
  const documents = new TextDocuments(boundedDocuments);
  const texts: service.OpenTexts = {
    get(uri) {
      const doc = documents.get(uri);
      const tooLarge = doc && oversizedReason(doc);
      return tooLarge === undefined ? doc : { version: doc!.version, getText: () => "", tooLarge };
    },
    keys: () => documents.keys(),
  };
  // Files that are not open come from the environment (the disk, or in a browser nothing but the open documents).
  const workspace: service.Workspace = new service.Workspace(
    {
      files: environment.files(() => workspace.openPaths()),
      onlyOpenDocuments: environment.onlyOpenDocuments,
      folders: () => folders,
      settingsFor: (path) => settings.for(path),
      pathOf,
      uriOfPath,
    },
    texts,
  );

  const publish = (uri: string) => {
    const view = workspace.view(uri);
    if (!view) return;
    // A newer version arrived while this one was analysed (a template renders every node): its own publish is queued.
    if (documents.get(uri)?.version !== view.doc.version) return;
    void connection.sendDiagnostics({ uri, version: view.doc.version, diagnostics: service.diagnostics(view.doc) });
    if (options.warmUp === "after-first-publish") startWarmUp();
  };
  const publisher = new DiagnosticsPublisher({
    quietMs: options.quietMs ?? 75,
    publish,
    onError: (uri, e) => log(`kalint: diagnostics for ${uri} failed: ${describe(e)}`),
  });

  function handle<P extends { textDocument: { uri: string } }, R>(empty: R, run: (doc: AnalysedDocument, params: P) => R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      await tick();
      if (token.isCancellationRequested) return cancelled();
      try {
        const doc = workspace.current(params?.textDocument?.uri);
        if (!doc) return empty;
        // The analysis may have taken a while: look again for a cancel that arrived meanwhile.
        await tick();
        if (token.isCancellationRequested) return cancelled();
        return run(doc, params);
      } catch (e) {
        if (e instanceof service.RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, e.message);
        log(`kalint: request failed: ${describe(e)}`);
        return empty;
      }
    };
  }

  const refreshAll = () => {
    workspace.invalidateAll();
    publisher.now(workspace.openUris());
  };

  /** Asks the client for `kalint.*`; true when the settings changed. */
  const fetchSettings = async (): Promise<boolean> => {
    if (!pullConfiguration) return false;
    try {
      return settings.setClient(readClientSettings(await connection.workspace.getConfiguration("kalint")));
    } catch (e) {
      log(`kalint: could not read settings: ${describe(e)}`);
      return false;
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    pullConfiguration = caps.workspace?.configuration === true;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    configRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = folderUris.map(pathOf).map((p) => p.replace(/\/+$/, ""));
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init && typeof init === "object")
      settings.setClient(readClientSettings((init.settings as { kalint?: unknown } | undefined)?.kalint ?? init.settings ?? init));
    // While the client sets itself up and before the user types, so the first edits are fast too.
    if ((options.warmUp ?? "initialize") === "initialize") startWarmUp();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["$"] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        semanticTokensProvider: { legend: service.SEMANTIC_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, service.FIX_ALL_KIND] },
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FAILOVER_MAP_COMMAND, RENDERED_NODE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "keepalived-language-server", version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    // The folder-change event exists only when the client said it sends it.
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOf(f.uri).replace(/\/+$/, ""))];
        refreshAll();
      });
    }
    if (configRegistration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    if (watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: "**/*.conf" }, { globPattern: "**/.kalintrc.json" }, { globPattern: "**/keepalived*" }],
        })
        .catch(() => undefined);
    }
    // Documents opened meanwhile were analysed with the defaults; redo them only if that was wrong.
    if (await fetchSettings()) refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { kalint?: unknown } | null | undefined)?.kalint;
    const changed = pushed !== undefined ? settings.setClient(readClientSettings(pushed)) : await fetchSettings();
    if (changed) refreshAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let all = false;
    for (const c of params.changes) {
      const path = pathOf(c.uri);
      if (baseName(path) === ".kalintrc.json") {
        settings.forgetRcFiles();
        all = true;
      } else if (c.type !== FileChangeType.Changed) all = true; // include globs may now match differently
      workspace.fileChanged(path);
    }
    if (all) refreshAll();
    else publisher.now(workspace.openUris());
  });

  /** Documents whose content event is their opening (TextDocuments fires open, then content). */
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    workspace.opened(e.document.uri);
    opening.add(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const path = pathOf(uri);
    // Nothing built from the old text is needed any more: let it go before the next analysis.
    workspace.changed(uri);
    // An opening is not typing: the first edit after it must not count as part of a burst, or
    // it would wait out the quiet time whenever the opening's analysis was quick.
    // Where the open documents are all the files there are, an opening or a closing changes every folder's nodes.
    if (opening.delete(uri))
      publisher.now(environment.onlyOpenDocuments ? [uri, ...workspace.openUris()] : [uri, ...workspace.dependents(uri, path)]);
    else publisher.changed(uri, workspace.dependents(uri, path));
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const also = environment.onlyOpenDocuments ? workspace.openUris().filter((u) => u !== uri) : workspace.dependents(uri, pathOf(uri));
    workspace.closed(uri);
    publisher.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (also.length) publisher.now(also);
  });

  connection.onHover(
    handle(null, (doc, p) => {
      const rendered = workspace.rendered(p.textDocument.uri);
      if (rendered) {
        const value = service.renderHover(doc, rendered, doc.analysis.config.root.offsetAt(p.position));
        if (value) return value;
      }
      const base = service.hover(doc, p.position);
      const cluster = workspace.peers.clusterOf(doc);
      const failover = cluster ? service.failoverHover(doc, p.position, cluster) : undefined;
      if (!failover) return base;
      const before = base && typeof base.contents === "object" && "value" in base.contents ? `${base.contents.value}\n\n---\n\n` : "";
      return { contents: { kind: "markdown", value: before + failover }, ...(base?.range ? { range: base.range } : {}) };
    }),
  );
  connection.onCodeLens(
    handle([], (doc, p) => {
      const rendered = workspace.rendered(p.textDocument.uri);
      if (rendered) return service.renderLenses(rendered, p.textDocument.uri);
      const cluster = workspace.peers.clusterOf(doc);
      return cluster ? service.failoverLenses(doc, cluster, p.textDocument.uri) : [];
    }),
  );
  // The client's "kalint: Show failover map" asks for the page of a document's cluster.
  connection.onExecuteCommand((params): RenderedNodeReply | FailoverMapReply | null => {
    if (params.command === RENDERED_NODE_COMMAND) {
      const [uri, node] = params.arguments ?? [];
      const view = typeof uri === "string" ? workspace.rendered(uri) : undefined;
      const text = view && typeof node === "string" ? service.renderedText(view, node) : undefined;
      return text !== undefined
        ? { text }
        : {
            text: null,
            reason: view
              ? `no node '${String(node)}' in this template's .kalintrc.json entry`
              : "not a template whose nodes .kalintrc.json names",
          };
    }
    if (params.command !== FAILOVER_MAP_COMMAND) return null;
    const uri = params.arguments?.[0];
    const doc = typeof uri === "string" ? workspace.current(uri) : undefined;
    const cluster = doc ? workspace.peers.clusterOf(doc) : undefined;
    return cluster
      ? { html: service.failoverMap(cluster) }
      : {
          html: null,
          reason: doc ? "this file has no peers: open its folder, or list them in kalint.peers" : "not an open keepalived file",
        };
  });
  connection.onCompletion(handle(null, (doc, p) => service.completion(doc, p.position, { snippets })));
  connection.onDefinition(handle([], (doc, p) => service.definition(doc, p.position)));
  connection.onReferences(handle([], (doc, p) => service.references(doc, p.position, p.context?.includeDeclaration !== false)));
  connection.onPrepareRename(handle(null, (doc, p) => service.prepareRename(doc, p.position)));
  connection.onRenameRequest(handle(null, (doc, p) => service.rename(doc, p.position, String(p.newName))));
  connection.onDocumentSymbol(handle([], (doc) => service.documentSymbols(doc)));
  connection.onFoldingRanges(handle([], (doc) => service.foldingRanges(doc)));
  connection.onDocumentLinks(handle([], (doc) => service.documentLinks(doc)));
  connection.onCodeAction(handle([], (doc, p) => service.codeActions(doc, p.range, p.context?.only)));
  connection.languages.semanticTokens.on(handle({ data: [] }, (doc) => service.semanticTokens(doc)));
  connection.onDocumentFormatting(
    handle([], (doc) => {
      const result = service.formatting(doc);
      if ("edits" in result) return result.edits;
      if ("template" in result) {
        warn(`kalint: ${baseName(pathOf(doc.uri))} is a template (${result.template}); kalint never reformats a template`);
        return [];
      }
      const first = result.refused[0];
      const where = first ? ` (line ${first.file.positionAt(first.start).line + 1}: ${first.message})` : "";
      warn(`kalint: not formatted, the file has syntax errors${where}`);
      return [];
    }),
  );

  // `kalint diff` in the editor: the structural differences between a document and each other
  // node of its cluster (the playground's differences table; the Compare command in a browser).
  connection.onRequest(
    DIFFERENCES_REQUEST,
    handle<DifferencesParams, DifferencesResult>({ peers: [] }, (doc) => ({
      peers: workspace.peers.differences(doc).map((p) => ({ uri: workspace.uriOf(p.peer), differences: p.differences })),
    })),
  );

  connection.onShutdown(() => {
    shutDown = true;
    stopWarmUp();
    publisher.dispose();
  });
  documents.listen(connection);
  connection.listen();

  /** Skipped messages are logged, at most a few of each reason: a flood must not flood the log too. */
  const loggedSkips = new Map<string, number>();
  return {
    shutDown: () => shutDown,
    messageSkipped(skipped) {
      const n = (loggedSkips.get(skipped.reason) ?? 0) + 1;
      loggedSkips.set(skipped.reason, n);
      const what = {
        header: "a message without a usable Content-Length header",
        json: "a message that is not a JSON object",
        size: `a message of ${formatBytes(skipped.bytes)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} kalint reads`,
      }[skipped.reason];
      if (n <= 5) log(`kalint: skipped ${what}${skipped.method ? ` (${skipped.method})` : ""}`);
      // The document that message opened or changed would otherwise show stale findings, or none.
      if (skipped.reason === "size" && skipped.uri && /^textDocument\/did(Open|Change)$/.test(skipped.method ?? "")) {
        const doc = workspace.analysed(skipped.uri);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const message = `kalint did not receive this document: its last ${skipped.method === "textDocument/didOpen" ? "opening" : "change"} was ${formatBytes(skipped.bytes)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} kalint reads in one message; close and reopen it once it is smaller`;
        void connection.sendDiagnostics({
          uri: skipped.uri,
          ...(doc ? { version: doc.version } : {}),
          diagnostics: [{ range, severity: 1, code: "resource-limit", source: "kalint", message }],
        });
      }
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
