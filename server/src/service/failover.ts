/**
 * The failover simulation in the editor: a hover on a `vrrp_instance` (its keyword or name) or on
 * a tracked script (its definition's name, or its line in a track_script block) shows what happens
 * on each failure of this node; a code lens above each instance sums it up; the failover map is
 * the simulation's HTML page. All of it reads one simulation per cluster (simulateCluster).
 */
import type { CodeLens, Position } from "vscode-languageserver-types";
import type { Cluster, ClusterNode } from "../cluster/types.js";
import type { VrrpInstance } from "../model/types.js";
import { failoverTable, lensSummary } from "../simulate/explain.js";
import { renderHtml } from "../simulate/render.js";
import { simulateCluster } from "../simulate/scenarios.js";
import { nodeName } from "../simulate/setup.js";
import { rootOf, type AnalysedDocument } from "./document.js";
import { offsetOf, rangeOf } from "./positions.js";

export interface FailoverContext {
  readonly cluster: Cluster;
  /** The document's own node in the cluster. */
  readonly self: ClusterNode;
}

/** The command the code lenses run: the client opens the failover map of the document. */
export const SHOW_FAILOVER_MAP = "kalint.showFailoverMap";

const inside = (s: { start: number; end: number }, offset: number) => offset >= s.start && offset <= s.end;

/** The instance (and tracked object) the position names, if any. */
function target(doc: AnalysedDocument, offset: number): { instance: VrrpInstance; track?: string } | undefined {
  const root = rootOf(doc);
  const model = doc.analysis.model;
  for (const instance of model.instances) {
    if (instance.block.file !== root) continue;
    if (inside(instance.block.keyword, offset) || (instance.nameWord && inside(instance.nameWord, offset))) return { instance };
    for (const t of instance.tracks) {
      const w = t.line.words[0];
      if (w && w.file === root && inside(w, offset)) return { instance, track: t.kind === "interface" ? `if:${t.name}` : t.name };
    }
  }
  // A vrrp_script (or tracked file/process) definition's name: the first instance that tracks it.
  for (const d of model.definitions) {
    if (!d.nameWord || d.nameWord.file !== root || !inside(d.nameWord, offset)) continue;
    if (d.kind !== "vrrp_script" && d.kind !== "vrrp_track_file" && d.kind !== "vrrp_track_process") return undefined;
    const instance = model.instances.find(
      (i) => i.tracks.some((t) => t.name === d.name) || i.syncGroup?.tracks.some((t) => t.name === d.name),
    );
    return instance ? { instance, track: d.name } : undefined;
  }
  return undefined;
}

/** Markdown for the hover at `position`, or undefined when it names no instance or tracked object. */
export function failoverHover(doc: AnalysedDocument, position: Position, context: FailoverContext): string | undefined {
  const found = target(doc, offsetOf(rootOf(doc), position));
  if (!found) return undefined;
  const { setup, result } = simulateCluster(context.cluster);
  const set = setup.instances.find((i) => i.peer.instance === found.instance);
  if (!set) return undefined;
  const table = failoverTable(setup, result, nodeName(context.self), setup.sets[set.set]!, found.track);
  return table || undefined;
}

/** One lens above each instance of the document: the verdicts of this node's failures. */
export function failoverLenses(doc: AnalysedDocument, context: FailoverContext, uri: string): CodeLens[] {
  const root = rootOf(doc);
  const { result } = simulateCluster(context.cluster);
  const title = lensSummary(result, nodeName(context.self));
  return doc.analysis.model.instances
    .filter((i) => i.block.file === root)
    .map((i) => ({ range: rangeOf(i.block.keyword), command: { title, command: SHOW_FAILOVER_MAP, arguments: [uri] } }));
}

/** The failover map of the document's cluster: one self-contained HTML page. */
export function failoverMap(context: FailoverContext): string {
  const { result } = simulateCluster(context.cluster);
  return renderHtml(result, `Failover map: ${result.nodes.join(", ")}`);
}
