/**
 * The one analysed document every feature reads: a buffer's text at one version, analysed once
 * by the same engine as `kalint check`. Features never parse again; they walk `raw` (the file
 * as written, for editing) or the model (the effective configuration, for meaning).
 */
import { pathToFileURL } from "node:url";
import { parse, type ConfigFile, type Diagnostic, type FileHost, type RuleSetting, type SourceText } from "../../../grammar/index.js";
import { analyze, type Analysis } from "../analysis/analyze.js";
import type { Version } from "../schema/types.js";

export interface AnalysedDocument {
  readonly uri: string;
  /** The file path the analysis knows the document by (includes resolve against it). */
  readonly path: string;
  readonly version: number;
  readonly analysis: Analysis;
  /**
   * Every diagnostic of the node when it is checked together with its peers (its own and the
   * cluster rules', settled together so a disable comment for a cluster code counts as used).
   * Absent when the node has no peers: then the analysis's own diagnostics are the answer.
   */
  readonly clusterDiagnostics?: readonly Diagnostic[];
  /** Turns a path the analysis met (an include, a peer) into the URI the editor knows it by. */
  uriOf(path: string): string;
}

export interface DocumentOptions {
  readonly host: FileHost;
  readonly targetVersion?: Version;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly version?: number;
  readonly uri?: string;
  readonly uriOf?: (path: string) => string;
}

const fileUri = (path: string): string => pathToFileURL(path).href;

export function analyseDocument(path: string, text: string, options: DocumentOptions): AnalysedDocument {
  const analysis = analyze(path, {
    host: options.host,
    text,
    ...(options.targetVersion ? { targetVersion: options.targetVersion } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  const uriOf = options.uriOf ?? fileUri;
  return { uri: options.uri ?? uriOf(path), path, version: options.version ?? 0, analysis, uriOf };
}

/** The same document seen as one node of a cluster (the cluster check runs after the analysis). */
export function withClusterDiagnostics(doc: AnalysedDocument, all: readonly Diagnostic[]): AnalysedDocument {
  return { ...doc, clusterDiagnostics: all };
}

export const rootOf = (doc: AnalysedDocument): SourceText => doc.analysis.config.root;
export const rawOf = (doc: AnalysedDocument): ConfigFile => doc.analysis.config.raw;

/** Included files as written, parsed once each when a feature first needs one. */
const includedTrees = new WeakMap<SourceText, ConfigFile>();

/** Every file the analysis read, as written (the document's own first, then its includes in reading order). */
export function rawTrees(doc: AnalysedDocument): ConfigFile[] {
  const root = rawOf(doc);
  return doc.analysis.config.files.map((file) => {
    if (file === root.source) return root;
    let tree = includedTrees.get(file);
    if (!tree) includedTrees.set(file, (tree = parse(file)));
    return tree;
  });
}
