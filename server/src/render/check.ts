/**
 * Render mode's analysis (docs/templates.md, Render mode): each node's rendering linted as the plain file it is, the
 * nodes compared as one cluster by the same cluster rules as `kalint diff MASTER BACKUP`, and
 * every finding moved back to the template line (and partial) that wrote the rendered line,
 * naming its node. A finding every node shares is reported once, without a node; the template's
 * static findings come too, and a rendered finding of the same code on the same template line
 * as a static one is not repeated.
 */
import { dirname, join } from "node:path";
import {
  diagnostic,
  refusalMessage,
  SourceText,
  type Diagnostic,
  type FileHost,
  type RelatedInformation,
  type TemplateLayer,
} from "../../../grammar/index.js";
import { analyze, sortDiagnostics, type Analysis, type AnalyzeOptions } from "../analysis/analyze.js";
import { checkFleet } from "../cluster/check.js";
import { structuralDifferences } from "../cluster/differences.js";
import { nodeOf } from "../cluster/nodes.js";
import { buildCluster } from "../cluster/pairing.js";
import type { Cluster, ClusterNode } from "../cluster/types.js";
import { prepareTemplate, renderNode, type PreparedTemplate, type RenderedNode } from "./render.js";
import type { Origin } from "./markers.js";
import type { NodeVars } from "./vars.js";

export interface RenderModeOptions {
  readonly host: FileHost;
  /** The template's text when it is not the file's (an editor buffer). */
  readonly text?: string;
  readonly templatePath?: readonly string[];
  /** Settings for the rendered nodes and the static analysis (rules, target version). */
  readonly analyze: Omit<AnalyzeOptions, "host" | "text" | "template">;
  /** Compare the nodes as one cluster (diff); false for check of one node. */
  readonly cluster: boolean;
  /** `text` read as a Jinja2 template already (the editor's own analysis of the buffer): not scanned again. */
  readonly layer?: TemplateLayer;
  /** Skip the structural differences table (the editor shows none). */
  readonly differences?: false;
  /** The template's static findings when the caller has them already (the editor's own analysis). */
  readonly statics?: readonly Diagnostic[];
  /** How messages name a template file (the editor: relative to its workspace folder, as the CLI run there does); default as given. */
  readonly displayPath?: (path: string) => string;
}

/** One node's rendering, its analysis as a cluster node, and where its lines came from. */
export interface RenderedClusterNode {
  readonly vars: NodeVars;
  readonly rendered: RenderedNode;
  /** The rendered text as a file (its name: the template's, with `@node`). */
  readonly source?: SourceText;
  readonly node?: ClusterNode;
}

export interface Difference {
  readonly path: string;
  readonly master: string | null;
  readonly backup: string | null;
  /** The value on each node, by node name. */
  readonly nodes: Readonly<Record<string, string | null>>;
  readonly expected: boolean;
}

export interface RenderModeResult {
  readonly template: PreparedTemplate;
  readonly nodes: readonly RenderedClusterNode[];
  readonly diagnostics: readonly Diagnostic[];
  readonly differences: readonly Difference[];
}

export function checkRendered(path: string, nodes: readonly NodeVars[], options: RenderModeOptions): RenderModeResult {
  // The template's own analysis (unless the caller has its findings) read the template once: its text and layer are rendered.
  const own = options.statics ? undefined : staticAnalysis(path, options);
  const read = own?.config.raw.template
    ? { text: own.config.root.text, layer: own.config.raw.template }
    : { ...(options.text !== undefined ? { text: options.text } : {}), ...(options.layer ? { layer: options.layer } : {}) };
  const template = prepareTemplate(path, {
    host: options.host,
    ...read,
    ...(options.templatePath ? { templatePath: options.templatePath } : {}),
  });
  const done: RenderedClusterNode[] = nodes.map((vars) => {
    const rendered = renderNode(template, vars);
    if (!rendered.ok) return { vars, rendered };
    // Named as a node file of the template's folder (lb1.conf): the failover simulation names nodes by file.
    const name = join(dirname(path), `${vars.name}.conf`);
    const host = renderedHost(name, rendered.text);
    const a = analyze(name, { ...options.analyze, host, text: rendered.text, template: "none", standalone: !options.cluster });
    // Cluster messages name places on other nodes as label:line; the label marks them for mapping.
    const node = nodeOf(name, a, { rules: options.analyze.rules ?? {} }, () => `${PLACE}${vars.name}`);
    return { vars, rendered, source: a.config.root, node };
  });
  const found: { d: Diagnostic; node: string }[] = [];
  const clusterNodes = done.flatMap((n) => (n.node ? [n.node] : []));
  // One cluster of the rendered nodes, for the cluster rules and the differences table alike.
  const cluster = clusterNodes.length >= 2 ? buildCluster(clusterNodes) : undefined;
  const raw = options.cluster && cluster ? checkFleet({ clusters: [cluster] }) : clusterNodes.flatMap((n) => n.diagnostics);
  const bySource = new Map<SourceText, RenderedClusterNode>();
  for (const n of done) if (n.source) bySource.set(n.source, n);
  for (const d of raw) {
    const owner = bySource.get(d.file);
    // The rendered file's includes are the target host's files: not kalint's to find.
    if (!owner || d.code === "include-not-found") continue;
    const mapped = mapDiagnostic(d, owner, template, bySource, options.displayPath ?? ((p) => p));
    if (mapped) found.push({ d: mapped, node: owner.vars.name });
  }
  // Nodes that did not render: their faults, in the template, under the rule settings as any finding.
  for (const n of done) {
    if (n.rendered.ok) continue;
    for (const f of n.rendered.faults) {
      const setting = options.analyze.rules?.[f.code];
      if (setting === "off") continue;
      const file = template.files[f.file]!;
      const start = Math.min(file.text.length, file.offsetAt({ line: f.line, character: f.column }));
      const d = diagnostic({ file, start, end: Math.min(file.text.length, start + f.width) }, f.code, f.message);
      found.push({ d: setting && setting !== d.severity ? { ...d, severity: setting } : d, node: n.vars.name });
    }
  }
  const diagnostics = merge(
    found,
    nodes.map((n) => n.name),
    own ? staticFindings(own) : [...options.statics!],
  );
  return { template, nodes: done, diagnostics, differences: options.differences === false || !cluster ? [] : differencesOf(done, cluster) };
}

/** A rendered node as the only file there is: its includes name the target host's paths, which kalint neither has nor reads. */
export function renderedHost(name: string, text: string): FileHost {
  return {
    readFile: (p) => (p === name ? { text } : { refused: { reason: "missing", message: refusalMessage(p, "missing") } }),
    readDirectory: () => ({ error: "no such file or directory" }),
    stat: (p) => (p === name ? { kind: "file", size: text.length, realPath: name } : undefined),
  };
}

/** The template read as it is (docs/templates.md), with its partials. */
function staticAnalysis(path: string, options: RenderModeOptions): Analysis {
  return analyze(path, {
    ...options.analyze,
    host: options.host,
    ...(options.text !== undefined ? { text: options.text } : {}),
    template: "jinja",
    ...(options.templatePath ? { templatePath: options.templatePath } : {}),
  });
}

/** The template's own static findings, without a node; a partial included twice is seen once. */
function staticFindings(analysis: Analysis): Diagnostic[] {
  const seen = new Set<string>();
  return analysis.diagnostics.filter((d) => {
    const key = `${d.file.path}\0${d.start}\0${d.end}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PLACE = "\uE030";
const PLACE_RE = /\uE030([^:\uE030]+):(\d+)/g;

/** `lb1:15` (line 15 of lb1's rendering) as `lb1 at templates/keepalived.conf.j2:18`. */
function mapPlaces(
  message: string,
  t: PreparedTemplate,
  bySource: ReadonlyMap<SourceText, RenderedClusterNode>,
  shown: (path: string) => string,
): string {
  if (!message.includes(PLACE)) return message;
  return message
    .replace(PLACE_RE, (_m, name: string, line: string) => {
      const n = [...bySource.values()].find((x) => x.vars.name === name);
      const o = n?.rendered.ok ? n.rendered.origins[Number(line) - 1] : undefined;
      return o ? `${name} at ${shown(t.files[o.file]!.path)}:${o.line + 1}` : name;
    })
    .replaceAll(PLACE, "");
}

/** A rendered finding at the template line that wrote it; related places likewise, naming their node. */
function mapDiagnostic(
  d: Diagnostic,
  owner: RenderedClusterNode,
  t: PreparedTemplate,
  bySource: ReadonlyMap<SourceText, RenderedClusterNode>,
  shown: (path: string) => string,
): Diagnostic | undefined {
  const at = mapSpan(d.file, d.start, d.end, owner, t);
  if (!at) return undefined;
  const related: RelatedInformation[] = [];
  for (const r of d.related ?? []) {
    const other = bySource.get(r.file);
    const span = other ? mapSpan(r.file, r.start, r.end, other, t) : undefined;
    const message = mapPlaces(r.message, t, bySource, shown);
    if (span && other) related.push({ ...span, message: other === owner ? message : `${message} (on ${other.vars.name})` });
  }
  const { fix: _fix, related: _related, ...rest } = d;
  void _fix;
  void _related;
  return { ...rest, ...at, message: mapPlaces(d.message, t, bySource, shown), ...(related.length ? { related } : {}) };
}

function mapSpan(
  file: SourceText,
  start: number,
  end: number,
  owner: RenderedClusterNode,
  t: PreparedTemplate,
): { file: SourceText; start: number; end: number } | undefined {
  if (!owner.rendered.ok) return undefined;
  const pos = file.positionAt(start);
  const origin: Origin | undefined = owner.rendered.origins[pos.line] ?? owner.rendered.origins.find((o) => o !== undefined);
  if (!origin) return undefined;
  const target = t.files[origin.file]!;
  const lineText = target.lineText(origin.line);
  const lineStart = target.offsetAt({ line: origin.line, character: 0 });
  // The rendered words, when the template line writes them literally; else the line's text.
  const words = file.text.slice(start, Math.min(end, file.offsetAt({ line: pos.line + 1, character: 0 }))).replace(/\r?\n$/, "");
  const col = words.trim() ? lineText.indexOf(words.trim()) : -1;
  if (col >= 0) return { file: target, start: lineStart + col, end: lineStart + col + words.trim().length };
  const first = Math.max(0, lineText.search(/\S/));
  return { file: target, start: lineStart + first, end: lineStart + Math.max(first + 1, lineText.trimEnd().length) };
}

/** One finding per template place and message: without a node when every node has it, else one per node. */
function merge(found: readonly { d: Diagnostic; node: string }[], names: readonly string[], statics: readonly Diagnostic[]): Diagnostic[] {
  const staticAt = new Set(statics.map((d) => `${d.file.path}\0${d.file.positionAt(d.start).line}\0${d.code}`));
  const groups = new Map<string, { d: Diagnostic; nodes: string[] }>();
  for (const { d, node } of found) {
    if (staticAt.has(`${d.file.path}\0${d.file.positionAt(d.start).line}\0${d.code}`)) continue;
    const key = `${d.file.path}\0${d.start}\0${d.end}\0${d.code}\0${d.message}`;
    const g = groups.get(key);
    if (g) {
      if (!g.nodes.includes(node)) g.nodes.push(node);
    } else groups.set(key, { d, nodes: [node] });
  }
  const out: Diagnostic[] = [...statics];
  for (const { d, nodes } of groups.values()) {
    if (names.length > 1 && names.every((n) => nodes.includes(n))) out.push(d);
    else if (names.length === 1) out.push({ ...d, node: nodes[0]! });
    else for (const n of nodes) out.push({ ...d, node: n });
  }
  return sortDiagnostics(out);
}

/** Structural differences of the rendered nodes (the cluster of them all), keyed by path, each node's value by name. */
function differencesOf(done: readonly RenderedClusterNode[], cluster: Cluster): Difference[] {
  const nodes = done.flatMap((n) => (n.node ? [{ name: n.vars.name, node: n.node }] : []));
  const byPath = new Map<string, { expected: boolean; values: Record<string, string | null> }>();
  const first = nodes[0]!;
  for (const other of nodes.slice(1)) {
    for (const d of structuralDifferences(first.node, other.node, cluster.peerSets)) {
      const e = byPath.get(d.path) ?? { expected: d.expected, values: {} };
      e.values[first.name] = d.master;
      e.values[other.name] = d.backup;
      byPath.set(d.path, e);
    }
  }
  return [...byPath].map(([path, e]) => {
    const values: Record<string, string | null> = {};
    // A node not in a pair's difference has the first node's value.
    for (const n of nodes) values[n.name] = n.name in e.values ? e.values[n.name]! : (e.values[first.name] ?? null);
    return { path, master: values[first.name] ?? null, backup: values[nodes[1]!.name] ?? null, nodes: values, expected: e.expected };
  });
}
