/**
 * The language service's workspace: the open documents by URI and version with one analysis each
 * (kept until the text, a file it includes, or the settings change), the include graph (which
 * open documents read which files), and the peer index (peer-index.ts). Files are read through
 * the open buffers first, so an unsaved include is seen as the editor shows it, and through the
 * environment's FileHost otherwise: no Node API here, so the language server (lsp/) and a
 * browser front end both drive it, each with its own environment.
 */
import { DeadlineExceeded, diagnostic, formatBytes, refusalMessage, type FileHost, type RuleSetting } from "../../../grammar/index.js";
import type { RenderEntry } from "../analysis/lint-config.js";
import type { Version } from "../schema/types.js";
import { analyseDocument, unanalysed, withClusterDiagnostics, type AnalysedDocument } from "./document.js";
import { PeerIndex, type ClusterResult } from "./peer-index.js";
import type { NodeVars } from "../render/vars.js";
import { loadEntryNodes, renderDocument, renderModeAvailable, type RenderedTemplate } from "./rendered.js";

/** Settings for one document: its rc file's, with the editor's on top. */
export interface DocumentSettings {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly targetVersion?: Version;
  /** Peer groups as absolute paths: the rc file's, then the editor's. */
  readonly peers: readonly (readonly string[])[];
  /** The rc file that applies, if any. */
  readonly rcPath?: string;
  /** Templates whose nodes the rc file names (render mode, docs/templates.md). */
  readonly renders?: readonly RenderEntry[];
}

/** What the workspace needs from its surroundings. */
export interface WorkspaceEnvironment {
  /** Files that are not open in the editor: the disk under Node, nothing but the open documents in a browser. */
  readonly files: FileHost;
  /**
   * True when the open documents are all the files there are (a browser): opening or closing one
   * then changes a folder's set of nodes, so the folder is walked again.
   */
  readonly onlyOpenDocuments?: boolean;
  /** The workspace folders, as paths without a trailing slash. */
  folders(): readonly string[];
  settingsFor(path: string): DocumentSettings;
  /** The path a URI names (a `file:` URI's path; other schemes stay as they are). */
  pathOf(uri: string): string;
  /** The URI of a path no open document has. */
  uriOfPath(path: string): string;
}

/** An open document's text as the front end keeps it (vscode-languageserver's TextDocuments fit). */
export interface OpenTexts {
  /** `tooLarge` says why a document over the limits is kept without its text. */
  get(uri: string): { readonly version: number; getText(): string; readonly tooLarge?: string } | undefined;
  keys(): string[];
}

/** The workspace folder (a path without a trailing slash) that holds `path`, if one does. */
export function folderOf(folders: readonly string[], path: string): string | undefined {
  return folders.find((f) => path.startsWith(f + "/"));
}

/** How long one document's analysis may take (a cooperative deadline; see grammar/limits.ts). */
export const ANALYSIS_BUDGET_MS = 2_000;

interface Entry {
  /** The content generation analysed (see `generations`). */
  readonly generation: number;
  readonly doc: AnalysedDocument;
  /** Paths of every file the analysis read. */
  readonly files: ReadonlySet<string>;
}

/** What the editor shows for one document: its analysis in context, and its cluster peers. */
export interface DocumentView {
  /** The analysis with the findings it shows: its cluster's, or those of the open file that includes it. */
  readonly doc: AnalysedDocument;
  /** Paths of the other nodes of its cluster. */
  readonly peers: readonly string[];
}

export class Workspace {
  private readonly analyses = new Map<string, Entry>();
  /**
   * A number per open document that grows with every change of its content. Analyses are kept
   * by it, not by the client's version, so a client that repeats a version number (or goes
   * back) still gets its new content analysed.
   */
  private readonly generations = new Map<string, number>();
  /** Open documents by path, for includes and peers read from the buffers. */
  private readonly byPath = new Map<string, string>();
  /** Open documents whose last analysis read a file, by the file's path (kept across invalidations). */
  private readonly includers = new Map<string, Set<string>>();
  /** Each open document as its last view showed it (with cluster findings, for code actions), until its text changes. */
  private readonly shown = new Map<string, AnalysedDocument>();
  /** Each open document's cluster peers at its last view, until it closes. */
  private readonly peersOf = new Map<string, readonly string[]>();
  /** Templates the rc file names nodes for, rendered from their document's current analysis (render mode in the editor). */
  private readonly renderings = new Map<
    string,
    { readonly doc: AnalysedDocument; readonly view: RenderedTemplate | { readonly error: string } }
  >();
  /**
   * Each rendered template's nodes, their vars files read: kept while the template is typed in,
   * read again once any file changes or another document opens, changes or closes (it may be a
   * vars file, read through its buffer).
   */
  private readonly renderNodes = new Map<
    string,
    { readonly entry: RenderEntry; readonly nodes: readonly NodeVars[] | { readonly error: string } }
  >();
  readonly peers: PeerIndex;

  /**
   * Files as the workspace sees them: an open document's buffer over what the environment has,
   * and open documents listed in their folders (in a browser they are all the files there are).
   */
  readonly host: FileHost = {
    readFile: (path, maxBytes) => {
      const uri = this.byPath.get(path);
      const open = uri === undefined ? undefined : this.texts.get(uri);
      if (open === undefined) return this.env.files.readFile(path, maxBytes);
      if (open.tooLarge !== undefined)
        return {
          refused: {
            reason: "too-large",
            message: refusalMessage(path, "too-large", open.tooLarge.replace(/^this document/, "the open document")),
          },
        };
      const text = open.getText();
      return text.length > maxBytes
        ? {
            refused: {
              reason: "too-large",
              message: refusalMessage(path, "too-large", `the open document is over ${formatBytes(maxBytes)}`),
            },
          }
        : { text };
    },
    nameOf: (path) => this.env.files.nameOf?.(path) ?? path,
    readDirectory: (dir) => {
      const listed = this.env.files.readDirectory(dir);
      const entries = "error" in listed ? [] : [...listed];
      const names = new Set(entries.map((e) => e.name));
      const prefix = dir.endsWith("/") ? dir : `${dir}/`;
      for (const path of this.byPath.keys()) {
        if (!path.startsWith(prefix) || this.openText(path) === undefined) continue;
        const [name, ...deeper] = path.slice(prefix.length).split("/");
        if (!name || names.has(name)) continue;
        names.add(name);
        entries.push({ name, kind: deeper.length ? "dir" : "file" });
      }
      return entries.length === 0 && "error" in listed ? listed : entries;
    },
    stat: (path) => {
      const text = this.openText(path);
      return this.env.files.stat(path) ?? (text === undefined ? undefined : { kind: "file", size: text.length, realPath: path });
    },
  };

  private openText(path: string): string | undefined {
    const uri = this.byPath.get(path);
    return uri === undefined ? undefined : this.texts.get(uri)?.getText();
  }

  constructor(
    private readonly env: WorkspaceEnvironment,
    private readonly texts: OpenTexts,
  ) {
    this.peers = new PeerIndex({
      host: this.host,
      folders: () => env.folders(),
      settingsFor: (path) => env.settingsFor(path),
      openDocument: (path) => {
        const uri = this.openUriOfPath(path);
        return uri === undefined ? undefined : this.analysed(uri);
      },
    });
  }

  opened(uri: string): void {
    this.byPath.set(this.env.pathOf(uri), uri);
    this.renderNodes.clear();
    if (this.env.onlyOpenDocuments) this.peers.forgetScans();
  }

  closed(uri: string): void {
    const path = this.env.pathOf(uri);
    this.byPath.delete(path);
    this.analyses.delete(uri);
    this.generations.delete(uri);
    this.shown.delete(uri);
    this.peersOf.delete(uri);
    this.forgetRendering(uri);
    this.renderNodes.clear();
    for (const set of this.includers.values()) set.delete(uri);
    this.peers.release(path);
    if (this.env.onlyOpenDocuments) this.peers.forgetScans();
  }

  isOpen(uri: string): boolean {
    return this.texts.get(uri) !== undefined;
  }

  openUris(): string[] {
    return this.texts.keys();
  }

  /** Paths of the open documents. */
  openPaths(): string[] {
    return [...this.byPath].filter(([, uri]) => this.isOpen(uri)).map(([path]) => path);
  }

  /** The URI the editor knows a path by: an open document's, else the path's own. */
  uriOf = (path: string): string => this.byPath.get(path) ?? this.env.uriOfPath(path);

  openUriOfPath(path: string): string | undefined {
    const uri = this.byPath.get(path);
    return uri !== undefined && this.isOpen(uri) ? uri : undefined;
  }

  /** The document's analysis at its current version; undefined for a document that is not open. */
  analysed(uri: string): AnalysedDocument | undefined {
    const text = this.texts.get(uri);
    if (!text) return undefined;
    const generation = this.generations.get(uri) ?? 0;
    const cached = this.analyses.get(uri);
    if (cached && cached.generation === generation) return cached.doc;
    // Let go of the old version first: while the new tree is built, the old one is garbage the
    // young-generation collections can skip instead of copying and promoting it.
    this.analyses.delete(uri);
    const path = this.env.pathOf(uri);
    const s = this.env.settingsFor(path);
    const doc: AnalysedDocument =
      text.tooLarge !== undefined
        ? { uri, path, version: text.version, uriOf: this.uriOf, analysis: unanalysed(path, "", text.tooLarge) }
        : analyseDocument(path, text.getText(), {
            host: this.host,
            uri,
            version: text.version,
            uriOf: this.uriOf,
            rules: s.rules,
            budgetMs: ANALYSIS_BUDGET_MS,
            ...(s.targetVersion ? { targetVersion: s.targetVersion } : {}),
          });
    const files = new Set(doc.analysis.config.files.map((f) => f.path));
    this.analyses.set(uri, { generation, doc, files });
    for (const f of files) if (f !== path) (this.includers.get(f) ?? this.includers.set(f, new Set()).get(f)!).add(uri);
    return doc;
  }

  /** A document's text changed: what was built from the old text is let go before the next analysis. */
  changed(uri: string): void {
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    this.shown.delete(uri);
    for (const other of [...this.renderNodes.keys()]) if (other !== uri) this.renderNodes.delete(other);
    this.peers.release(this.env.pathOf(uri));
  }

  /** Open documents whose findings depend on the file at `path` (that `uri` opens): its includers and cluster peers. */
  dependents(uri: string, path: string): string[] {
    const out = new Set(this.invalidateReaders(path));
    const mine = this.peersOf.get(uri);
    for (const [other, theirs] of this.peersOf) {
      if (other !== uri && (theirs.includes(path) || mine?.includes(this.env.pathOf(other)))) out.add(other);
    }
    return [...out].filter((u) => this.isOpen(u));
  }

  /** The document as its last view showed it (with cluster findings), while that is still current; else its analysis. */
  current(uri: string): AnalysedDocument | undefined {
    const doc = this.analysed(uri);
    const shown = this.shown.get(uri);
    return doc && shown && shown.analysis === doc.analysis ? shown : doc;
  }

  /** Drops analyses that read `path` (other than the document at that path itself); returns their URIs. */
  invalidateReaders(path: string): string[] {
    const out: string[] = [];
    for (const [uri, e] of this.analyses) {
      if (this.env.pathOf(uri) !== path && e.files.has(path)) {
        this.analyses.delete(uri);
        out.push(uri);
      }
    }
    return out;
  }

  /** A file changed on disk: analyses that read it and the peers built from it are redone when next asked. */
  fileChanged(path: string): string[] {
    this.peers.forget(path);
    // A vars file or partial of a rendered template: the templates render again.
    const rendered = [...this.renderings.keys()];
    for (const uri of rendered) this.forgetRendering(uri);
    this.renderNodes.clear();
    return [...new Set([...this.invalidateReaders(path), ...rendered])];
  }

  /** Settings or folders changed: everything is redone when next asked. */
  invalidateAll(): void {
    this.analyses.clear();
    this.peers.forgetAll();
    for (const uri of [...this.renderings.keys()]) this.forgetRendering(uri);
    this.renderNodes.clear();
  }

  /**
   * The document rendered for each node its rc file's `templates` entry names (a Jinja2 template
   * only), at its current version; an error when a vars file cannot be read; undefined for any
   * other document.
   */
  rendering(uri: string): RenderedTemplate | { readonly error: string } | undefined {
    const doc = this.analysed(uri);
    if (!doc || doc.analysis.config.raw.template?.engine !== "jinja" || !renderModeAvailable()) return undefined;
    const s = this.env.settingsFor(doc.path);
    const entry = s.renders?.find((e) => e.template === doc.path);
    if (!entry) return undefined;
    const cached = this.renderings.get(uri);
    // By analysis, not client version: new content (even under a repeated version number) renders again.
    if (cached && cached.doc === doc) return cached.view;
    this.forgetRendering(uri);
    let known = this.renderNodes.get(uri);
    if (known?.entry !== entry) this.renderNodes.set(uri, (known = { entry, nodes: loadEntryNodes(entry, this.host) }));
    const nodes = known.nodes;
    const view =
      "error" in nodes
        ? nodes
        : renderDocument(doc, entry, nodes, this.host, {
            rules: s.rules,
            displayPath: this.peers.displayPath,
            ...(s.targetVersion ? { targetVersion: s.targetVersion } : {}),
          });
    this.renderings.set(uri, { doc, view });
    return view;
  }

  /** The document's nodes when they rendered (for hover, lenses and a node's text). */
  rendered(uri: string): RenderedTemplate | undefined {
    const view = this.rendering(uri);
    return view && "result" in view ? view : undefined;
  }

  /** Lets a rendering go, with the engine memory its templates hold. */
  private forgetRendering(uri: string): void {
    const old = this.renderings.get(uri)?.view;
    this.renderings.delete(uri);
    if (old && "result" in old) old.result.template.set.free();
  }

  /** An open document that includes the file at `path`, analysed now, if there is one. */
  includerOf(path: string): AnalysedDocument | undefined {
    for (const uri of this.includers.get(path) ?? []) {
      if (this.env.pathOf(uri) === path) continue;
      const doc = this.analysed(uri);
      if (doc && doc.analysis.config.files.some((f) => f.path === path)) return doc;
    }
    return undefined;
  }

  /**
   * The document as the editor shows it: a file another open document includes is checked in
   * that document's context; any other with its cluster's peers, when it has some.
   */
  view(uri: string): DocumentView | undefined {
    const doc = this.analysed(uri);
    if (!doc) return undefined;
    let view: DocumentView;
    const rendering = this.rendering(uri);
    const includer = rendering ? undefined : this.includerOf(doc.path);
    if (rendering) {
      // Render mode: the nodes' findings at the template's lines, each naming its node.
      const shown =
        "result" in rendering
          ? rendering.result.diagnostics.filter((d) => d.file.path === doc.path)
          : [
              ...doc.analysis.diagnostics,
              diagnostic(
                { file: doc.analysis.config.root, start: 0, end: 0 },
                "template-render-unsupported",
                `render mode: ${rendering.error}`,
              ),
            ];
      view = { doc: withClusterDiagnostics(doc, shown), peers: [] };
    } else if (includer) {
      const all = includer.clusterDiagnostics ?? includer.analysis.diagnostics;
      view = {
        doc: withClusterDiagnostics(
          doc,
          all.filter((d) => d.file.path === doc.path),
        ),
        peers: [],
      };
    } else {
      let cluster: ClusterResult;
      try {
        cluster = this.peers.check(doc);
      } catch (e) {
        if (!(e instanceof DeadlineExceeded)) throw e;
        // The cluster check ran out of time: the document's own findings show, without its peers.
        cluster = { peers: [] };
      }
      view = { doc: cluster.diagnostics ? withClusterDiagnostics(doc, cluster.diagnostics) : doc, peers: cluster.peers };
    }
    this.shown.set(uri, view.doc);
    this.peersOf.set(uri, view.peers);
    return view;
  }
}
