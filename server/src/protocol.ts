/**
 * The messages kalint's language server adds to LSP, in one place for both sides: the server
 * (lsp/server.ts), the VS Code extension's two entries (client/src) and the playground's worker
 * client (web/src). It imports nothing, so a browser build can read it without Node's types.
 */

/** One setting compared between two nodes of a cluster: its path and each node's value. */
export interface Difference {
  readonly path: string;
  readonly master: string | null;
  readonly backup: string | null;
  /** A setting that must or may differ between nodes (priority, unicast_src_ip, ...). */
  readonly expected: boolean;
}

/** The request behind `kalint diff` in an editor: the document against each peer. */
export const DIFFERENCES_REQUEST = "kalint/differences";
export interface DifferencesParams {
  readonly textDocument: { readonly uri: string };
}
export interface DifferencesResult {
  readonly peers: readonly { readonly uri: string; readonly differences: readonly Difference[] }[];
}

/** The command behind "kalint: Show failover map": `[uri]` → the html page of the document's cluster. */
export const FAILOVER_MAP_COMMAND = "kalint.failoverMap";
export interface FailoverMapReply {
  readonly html: string | null;
  /** Why there is no page, when `html` is null. */
  readonly reason?: string;
}

/** The command behind a rendered template's node lens: `[uri, node]` → that node's rendering. */
export const RENDERED_NODE_COMMAND = "kalint.renderedNode";
export interface RenderedNodeReply {
  readonly text: string | null;
  /** Why there is no rendering, when `text` is null. */
  readonly reason?: string;
}
