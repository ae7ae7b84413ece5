/**
 * The one analysed document every feature reads: a buffer's text at one version, analysed once
 * by the same engine as `kalint check`. Features never parse again; they walk `raw` (the file
 * as written, for editing) or the model (the effective configuration, for meaning).
 */
import { pathToFileURL } from "node:url";
import {
  DeadlineExceeded,
  diagnostic,
  parse,
  SourceText,
  type ConfigFile,
  type Diagnostic,
  type EffectiveConfig,
  type FileHost,
  type RuleSetting,
} from "../../../grammar/index.js";
import { analyze, type Analysis } from "../analysis/analyze.js";
import { buildModel } from "../model/build.js";
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
  /** Analysis time in milliseconds after which the document gets a note instead of findings. */
  readonly budgetMs?: number;
  readonly targetVersion?: Version;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly version?: number;
  readonly uri?: string;
  readonly uriOf?: (path: string) => string;
}

const fileUri = (path: string): string => pathToFileURL(path).href;

export function analyseDocument(path: string, text: string, options: DocumentOptions): AnalysedDocument {
  let analysis: Analysis;
  try {
    analysis = analyze(path, {
      host: options.host,
      text,
      rootShown: true,
      ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
      ...(options.targetVersion ? { targetVersion: options.targetVersion } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
    });
  } catch (e) {
    if (!(e instanceof DeadlineExceeded)) throw e;
    analysis = unanalysed(
      path,
      text,
      `kalint stopped analysing this document after ${e.budgetMs / 1000} s (its limit per document), so it shows no findings and most features are off for it; what makes it slow is usually an include pattern that matches very many files, or a very large file`,
    );
  }
  const uriOf = options.uriOf ?? fileUri;
  return { uri: options.uri ?? uriOf(path), path, version: options.version ?? 0, analysis, uriOf };
}

/**
 * An analysis of nothing, with one finding saying why: for a document kalint will not analyse
 * (too large, or too slow to analyse). Positions still map onto the text, so requests on it
 * are answered, emptily.
 */
export function unanalysed(path: string, text: string, message: string): Analysis {
  const root = new SourceText(path, text, { truncated: true });
  const raw: ConfigFile = { kind: "file", source: root, children: [], comments: [], diagnostics: [] };
  const note = diagnostic({ file: root, start: 0, end: 0 }, "resource-limit", message);
  const config: EffectiveConfig = {
    root,
    raw,
    file: raw,
    files: [root],
    includes: [],
    parameters: new Map(),
    substituted: [],
    diagnostics: [note],
  };
  return { config, model: buildModel(raw), diagnostics: [note], partials: [] };
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
