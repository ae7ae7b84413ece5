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
import { differencesTable } from "../output/differences.js";
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

/** The differences of two nodes: path, master value, backup value, and whether it is expected. */
export function renderDifferences(differences: readonly Difference[], master: string, backup: string, color: boolean): string {
  return differencesTable(
    differences,
    [
      { title: master, value: (d) => d.master },
      { title: backup, value: (d) => d.backup },
    ],
    `${master} and ${backup}`,
    color,
  );
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
  const differences = structuralDifferences(master, backup, cluster.peerSets).map((d) => ({
    ...d,
    path: hide(d.path)!,
    master: hide(d.master),
    backup: hide(d.backup),
  }));
  return {
    files: o.ids ? [o.files[0]!] : [...o.files],
    diagnostics: checkFleet({ clusters: [cluster] }),
    differences,
    substituted,
    ...(o.format === "text" ? { sections: [renderDifferences(differences, master.label, backup.label, o.color)] } : {}),
  };
}
