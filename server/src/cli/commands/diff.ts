/**
 * `kalint diff MASTER BACKUP` and `kalint diff FILE --ids A,B`: the two nodes as one cluster.
 * Both nodes' own diagnostics, the cluster rules, and every structural difference between them.
 */
import { checkFleet } from "../../cluster/check.js";
import { structuralDifferences, type Difference } from "../../cluster/differences.js";
import { loadNode } from "../../cluster/nodes.js";
import { buildCluster } from "../../cluster/pairing.js";
import type { ClusterNode } from "../../cluster/types.js";
import { redacts, UsageError, type CliOptions } from "../args.js";
import { scrubText } from "../../analysis/disclosure.js";
import { readInput } from "../inputs.js";
import type { Report } from "../output/report.js";
import { paint } from "../output/text.js";
import { analyzeOptions, settingsFor } from "../settings.js";
import { isRenderMode, runRenderMode } from "./render.js";

/** The file as one node for each of `ids`. */
function readNodes(path: string, o: CliOptions, ids: readonly (string | undefined)[]): ClusterNode[] {
  const text = readInput(path);
  const settings = settingsFor(path, o);
  return ids.map((id) => loadNode(path, { ...analyzeOptions(settings, id), text }));
}

export function loadDiffNodes(o: CliOptions): ClusterNode[] {
  if (o.files.includes("-")) throw new UsageError("diff reads files, not standard input");
  if (o.ids) {
    if (o.ids.length !== 2) throw new UsageError("diff --ids takes exactly two ids (MASTER,BACKUP); use fleet --ids for more");
    if (o.files.length !== 1) throw new UsageError("diff --ids takes one file that holds both nodes");
    return readNodes(o.files[0]!, o, o.ids);
  }
  return o.files.flatMap((f) => readNodes(f, o, [o.configId]));
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The differences side by side: path, master value, backup value, and whether it is expected. */
export function renderDifferences(differences: readonly Difference[], master: string, backup: string, color: boolean): string {
  if (differences.length === 0) return `No structural differences between ${master} and ${backup}.`;
  const expected = differences.filter((d) => d.expected).length;
  const show = (v: string | null) => v ?? "(absent)";
  const pathWidth = Math.min(72, Math.max(4, ...differences.map((d) => d.path.length)));
  const valueWidth = (pick: (d: Difference) => string, title: string) => Math.min(36, Math.max(title.length, ...differences.map((d) => pick(d).length)));
  const mw = valueWidth((d) => show(d.master), master);
  const bw = valueWidth((d) => show(d.backup), backup);
  const lines = [
    `Differences between ${master} and ${backup}: ${differences.length} (${expected} expected between nodes)`,
    paint(color, "1", `  ${fit("path", pathWidth)}  ${fit(master, mw)}  ${fit(backup, bw)}`),
  ];
  for (const d of differences) {
    const row = `  ${fit(d.path, pathWidth)}  ${fit(show(d.master), mw)}  ${fit(show(d.backup), bw)}`;
    lines.push(d.expected ? paint(color, "90", `${row}  expected`) : `${paint(color, "33", row)}  ${paint(color, "33", "differs")}`);
  }
  return lines.join("\n");
}

export function runDiff(o: CliOptions): Report {
  if (isRenderMode(o)) return runRenderMode(o, true);
  const nodes = loadDiffNodes(o);
  const cluster = buildCluster(nodes);
  const [master, backup] = nodes as [ClusterNode, ClusterNode];
  // The values compared are the nodes' own: environment values (and with redaction, every
  // substituted value) are left out as they are in messages.
  const substituted = nodes.flatMap((n) => n.config.substituted);
  const hide = (v: string | null) => (v === null ? v : scrubText(v, substituted, { redact: redacts(o) }));
  const differences = structuralDifferences(master, backup, cluster.peerSets).map((d) => ({ ...d, path: hide(d.path)!, master: hide(d.master), backup: hide(d.backup) }));
  return {
    files: o.ids ? [o.files[0]!] : [...o.files],
    diagnostics: checkFleet({ clusters: [cluster] }),
    differences,
    substituted,
    ...(o.format === "text" ? { sections: [renderDifferences(differences, master.label, backup.label, o.color)] } : {}),
  };
}
