/**
 * `kalint fleet FILE|DIR...`: every node of every cluster. Files are grouped into clusters by
 * shared addresses (and rc-file `peers`), each cluster gets the cluster rules, and VRIDs are
 * compared across clusters that share a segment.
 */
import { resolve } from "node:path";
import { checkFleet } from "../../cluster/check.js";
import { findVridCollisions } from "../../cluster/collisions.js";
import { groupIntoClusters, summarize, type ClusterSummary } from "../../cluster/fleet.js";
import { loadNode } from "../../cluster/nodes.js";
import type { ClusterNode, Fleet } from "../../cluster/types.js";
import { redacts, UsageError, type CliOptions } from "../args.js";
import { scrubText } from "../../analysis/disclosure.js";
import { expandOperands, readInput } from "../inputs.js";
import type { Report } from "../output/report.js";
import { paint } from "../output/text.js";
import { analyzeOptions, settingsFor } from "../settings.js";

function renderSummary(fleet: Fleet, summaries: readonly ClusterSummary[], color: boolean): string {
  const collisions = findVridCollisions(fleet);
  const index = new Map(fleet.clusters.map((c, i) => [c, i + 1]));
  const lines: string[] = [];
  summaries.forEach((s, i) => {
    lines.push(paint(color, "1", `cluster ${i + 1}: ${s.nodes.join(", ")}`));
    const nameWidth = Math.max(4, ...s.instances.map((x) => x.name.length));
    for (const x of s.instances) {
      const vrid = x.vrid === null ? "VRID ?" : `VRID ${x.vrid}`;
      lines.push(
        `  ${x.name.padEnd(nameWidth)}  ${vrid.padEnd(8)}  ${(x.segment ?? "-").padEnd(18)}  VIPs ${x.vips.join(", ") || "-"}  (${x.nodes} of ${s.nodes.length} node${s.nodes.length === 1 ? "" : "s"})`,
      );
    }
    if (s.instances.length === 0) lines.push("  no vrrp_instance");
  });
  if (collisions.length) {
    lines.push(paint(color, "1", "VRID collisions between clusters:"));
    for (const c of collisions) {
      const fix =
        c.suggestion !== undefined
          ? `; suggested free VRID for cluster ${index.get(c.moved.cluster)}: ${c.suggestion}`
          : "; no free VRID left on this segment";
      lines.push(
        paint(
          color,
          "31",
          `  VRID ${c.vrid} on ${c.segment}: cluster ${index.get(c.kept.cluster)} (${c.kept.set.name}) and cluster ${index.get(c.moved.cluster)} (${c.moved.set.name})${fix}`,
        ),
      );
    }
  }
  lines.push(
    `${summaries.length} cluster${summaries.length === 1 ? "" : "s"}, ${fleet.clusters.reduce((n, c) => n + c.nodes.length, 0)} nodes, ${collisions.length} VRID collision${collisions.length === 1 ? "" : "s"}`,
  );
  return lines.join("\n");
}

export function runFleet(o: CliOptions): Report {
  if (o.files.includes("-")) throw new UsageError("fleet reads files and directories, not standard input");
  const files = expandOperands(o.files, o.template !== "none");
  const nodes: ClusterNode[] = [];
  const peers: string[][] = [];
  for (const file of files) {
    const settings = settingsFor(file, o);
    for (const group of settings.lintConfig.peers) if (!peers.some((g) => g.join("\0") === group.join("\0"))) peers.push([...group]);
    const text = readInput(file);
    const ids: readonly (string | undefined)[] = o.ids ?? [o.configId];
    for (const id of ids) {
      nodes.push(loadNode(file, { ...analyzeOptions(settings, id, o, file), text }));
    }
  }
  const fleet = groupIntoClusters(nodes, peers, (p) => resolve(p));
  const substituted = nodes.flatMap((n) => n.config.substituted);
  const hide = (v: string) => scrubText(v, substituted, { redact: redacts(o) });
  const summaries = fleet.clusters
    .map(summarize)
    .map((s) => ({ ...s, instances: s.instances.map((i) => ({ ...i, name: hide(i.name), vips: i.vips.map(hide) })) }));
  return {
    files,
    diagnostics: checkFleet(fleet),
    clusters: summaries,
    substituted,
    ...(o.format === "text" ? { sections: [hide(renderSummary(fleet, summaries, o.color))] } : {}),
  };
}
