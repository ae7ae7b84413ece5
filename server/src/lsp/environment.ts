/**
 * What the language server reaches outside the documents the editor has open. Under Node that
 * is the disk; in a browser worker (the playground, VS Code for the Web) there is no disk and
 * the open documents are all the files there are. Everything else in lsp/ is the same code.
 */
import type { FileHost } from "../../../grammar/index.js";

export interface ServerEnvironment {
  /**
   * Files that are not open in the editor; `openPaths` lists the open documents' paths. A
   * workspace folder's peers are found by walking it through this host (grammar/config-files.ts,
   * the walker of `kalint fleet DIR`).
   */
  files(openPaths: () => readonly string[]): FileHost;
  /**
   * True when the open documents are all the files there are (a browser): then opening or
   * closing one changes every folder's set of nodes, so scans are not kept and every open
   * document's cluster findings are redone.
   */
  readonly onlyOpenDocuments: boolean;
  /** Runs `fn` on a later turn of the event loop (after messages already queued); returns a cancel. */
  later(fn: () => void): () => void;
}

/** The last segment of a path or URI. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);
