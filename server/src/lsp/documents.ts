/**
 * Open documents and their analyses: one analysis per document version, kept until the text,
 * a file it includes, or the settings change. Files are read through the open buffers first,
 * so an unsaved include is seen as the editor shows it.
 */
import { TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { FileHost } from "../../../grammar/index.js";
import { analyseDocument, type AnalysedDocument } from "../service/index.js";
import type { ServerEnvironment } from "./environment.js";
import type { SettingsStore } from "./settings.js";
import { pathOf, uriOfPath } from "./uris.js";

interface Entry {
  readonly version: number;
  readonly doc: AnalysedDocument;
  /** Paths of every file the analysis read. */
  readonly files: ReadonlySet<string>;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, Entry>();
  /** Open documents by path, for includes and peers read from the buffers. */
  private readonly byPath = new Map<string, string>();
  /** Open documents whose last analysis read a file, by the file's path (kept across invalidations). */
  private readonly includers = new Map<string, Set<string>>();

  /** Files that are not open: the disk under Node, nothing but the open documents in a browser. */
  private readonly closedFiles: FileHost;

  readonly host: FileHost = {
    readFile: (path) => {
      const uri = this.byPath.get(path);
      const open = uri !== undefined ? this.documents.get(uri) : undefined;
      return open ? open.getText() : this.closedFiles.readFile(path);
    },
    glob: (pattern, cwd) => this.closedFiles.glob(pattern, cwd),
    readDirectory: (dir) => this.closedFiles.readDirectory(dir),
    stat: (path) => this.closedFiles.stat(path),
  };

  constructor(
    private readonly settings: SettingsStore,
    environment: ServerEnvironment,
  ) {
    this.closedFiles = environment.files(() => this.openPaths());
  }

  /** Paths of the open documents. */
  openPaths(): string[] {
    return [...this.byPath.keys()].filter((p) => this.isOpen(this.byPath.get(p)!));
  }

  opened(uri: string): void {
    this.byPath.set(pathOf(uri), uri);
  }

  closed(uri: string): void {
    this.byPath.delete(pathOf(uri));
    this.analyses.delete(uri);
    for (const set of this.includers.values()) set.delete(uri);
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  openUris(): string[] {
    return this.documents.keys();
  }

  uriOf = (path: string): string => this.byPath.get(path) ?? uriOfPath(path);

  openUriOfPath(path: string): string | undefined {
    const uri = this.byPath.get(path);
    return uri !== undefined && this.isOpen(uri) ? uri : undefined;
  }

  /** The document's analysis at its current version; undefined for a document that is not open. */
  analysed(uri: string): AnalysedDocument | undefined {
    const text = this.documents.get(uri);
    if (!text) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === text.version) return cached.doc;
    // Let go of the old version first: while the new tree is built, the old one is garbage the
    // young-generation collections can skip instead of copying and promoting it.
    this.analyses.delete(uri);
    const path = pathOf(uri);
    const s = this.settings.for(path);
    const doc = analyseDocument(path, text.getText(), {
      host: this.host,
      uri,
      version: text.version,
      uriOf: this.uriOf,
      rules: s.rules,
      ...(s.targetVersion ? { targetVersion: s.targetVersion } : {}),
    });
    const files = new Set(doc.analysis.config.files.map((f) => f.path));
    this.analyses.set(uri, { version: text.version, doc, files });
    for (const f of files) if (f !== path) (this.includers.get(f) ?? this.includers.set(f, new Set()).get(f)!).add(uri);
    return doc;
  }

  /** Drops analyses that read `path` (other than the document at that path itself); returns their URIs. */
  invalidateReaders(path: string): string[] {
    const out: string[] = [];
    for (const [uri, e] of this.analyses) {
      if (pathOf(uri) !== path && e.files.has(path)) {
        this.analyses.delete(uri);
        out.push(uri);
      }
    }
    return out;
  }

  /** An open document that includes the file at `path`, analysed now, if there is one. */
  includerOf(path: string): AnalysedDocument | undefined {
    for (const uri of this.includers.get(path) ?? []) {
      if (pathOf(uri) === path) continue;
      const doc = this.analysed(uri);
      if (doc && doc.analysis.config.files.some((f) => f.path === path)) return doc;
    }
    return undefined;
  }

  invalidateAll(): void {
    this.analyses.clear();
  }
}
