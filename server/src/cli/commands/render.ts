/**
 * Render mode on the command line (docs/templates.md, Render mode): `kalint render`, `kalint check TEMPLATE --vars`,
 * `kalint diff TEMPLATE --node ... | --inventory ...`. The nodes' variables come from vars files
 * or an inventory; the rendering, the analysis and the mapping back to template lines are
 * server/src/render's.
 */
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { ruleInfo } from "../../../../grammar/index.js";
import { nodeFileHost } from "../../../../grammar/node.js";
import { loadNode } from "../../cluster/nodes.js";
import type { ClusterNode } from "../../cluster/types.js";
import { checkRendered, renderedHost, type Difference } from "../../render/check.js";
import { prepareTemplate, renderNode } from "../../render/render.js";
import {
  nodeFromFiles,
  nodeFromInventory,
  parseNodeOption,
  pickHosts,
  readInventory,
  VarsError,
  varsFiles,
  withMagicVariables,
  type NodeVars,
} from "../../render/vars.js";
import { UsageError, type CliOptions } from "../args.js";
import { readDecoded } from "../inputs.js";
import { differencesTable } from "../output/differences.js";
import type { Report } from "../output/report.js";
import { analyzeOptions, settingsFor } from "../settings.js";

/** Whether the options ask for render mode. */
export function isRenderMode(o: CliOptions): boolean {
  return o.vars.length > 0 || o.defaults.length > 0 || o.nodes.length > 0 || o.inventory !== undefined;
}

/** A node named for its vars file: host_vars/lb1.yml is lb1. */
function nameOfVars(files: readonly string[]): string {
  const last = files[files.length - 1];
  return last ? basename(last).replace(/\.(ya?ml|json)$/i, "") : "node";
}

/**
 * The nodes the options name, with Ansible's magic variables. This is the entry point for every
 * command that renders (check, diff, render, and simulate's `--node`): `loadRenderNodes(o)`.
 */
export function loadRenderNodes(o: Pick<CliOptions, "vars" | "defaults" | "nodes" | "inventory" | "hosts" | "group">): NodeVars[] {
  try {
    let nodes: NodeVars[];
    const read = varsFiles(nodeFileHost);
    if (o.inventory !== undefined) {
      const inv = readInventory(nodeFileHost, o.inventory);
      nodes = pickHosts(inv, o.hosts, o.group).map((h) => nodeFromInventory(read, inv, h, o.defaults));
    } else if (o.nodes.length) {
      const parsed = o.nodes.map(parseNodeOption);
      const dup = parsed.find((p, i) => parsed.findIndex((q) => q.name === p.name) !== i);
      if (dup) throw new VarsError(`--node ${dup.name} is given twice; each node once`);
      nodes = parsed.map((p) => nodeFromFiles(read, p.name, o.defaults, p.files));
    } else nodes = [nodeFromFiles(read, nameOfVars(o.vars.length ? o.vars : o.defaults), o.defaults, o.vars)];
    return withMagicVariables(nodes);
  } catch (e) {
    if (e instanceof VarsError) throw new UsageError(e.message);
    throw e;
  }
}

/** check TEMPLATE --vars / diff TEMPLATE --node: the rendered nodes' findings at the template's lines. */
export function runRenderMode(o: CliOptions, cluster: boolean): Report {
  const path = o.files[0]!;
  const nodes = loadRenderNodes(o);
  // Read as any operand is (a regular file within the limit): a clear exit 2 otherwise; rendered and analysed as read.
  const { text } = readDecoded(path);
  const settings = settingsFor(path, o);
  const { host: _host, template: _template, ...analyze } = analyzeOptions(settings, o.configId, o, path);
  void _host;
  void _template;
  const result = checkRendered(path, nodes, {
    host: nodeFileHost,
    text,
    analyze,
    cluster,
    ...(o.templatePath.length ? { templatePath: o.templatePath } : {}),
  });
  const names = nodes.map((n) => n.name);
  const files = result.template.files.map((f) => f.path);
  if (!cluster) return { files, diagnostics: result.diagnostics };
  return {
    files,
    diagnostics: result.diagnostics,
    differences: result.differences,
    ...(o.format === "text"
      ? {
          sections: [
            renderNodeDifferences(
              result.differences,
              names,
              result.nodes.filter((n) => !n.rendered.ok).map((n) => n.vars.name),
              o.color,
            ),
          ],
        }
      : {}),
  };
}

/**
 * The template rendered for each node, each rendering a cluster node named by the node (for
 * `simulate TEMPLATE --node ...`). A node that does not render is a usage error naming the
 * template line and why: a simulation of part of a cluster would say nothing true.
 */
export function loadRenderedNodes(o: CliOptions): ClusterNode[] {
  const path = o.files[0]!;
  const nodes = loadRenderNodes(o);
  const { text } = readDecoded(path);
  const t = prepareTemplate(path, { host: nodeFileHost, text, ...(o.templatePath.length ? { templatePath: o.templatePath } : {}) });
  const settings = settingsFor(path, o);
  const { host: _host, template: _template, ...options } = analyzeOptions(settings, undefined, o, path);
  void _host;
  void _template;
  return nodes.map((n) => {
    const r = renderNode(t, n);
    if (!r.ok) {
      const f = r.faults[0]!;
      throw new UsageError(`${t.files[f.file]!.path}:${f.line + 1}: [${f.code}] ${f.message}`);
    }
    // Named lb1.conf: the simulation names a node by its file's base name.
    const name = `${n.name}.conf`;
    return loadNode(name, { ...options, host: renderedHost(name, r.text), text: r.text, template: "none" });
  });
}

/** The differences table with a column per node that rendered. */
export function renderNodeDifferences(
  differences: readonly Difference[],
  names: readonly string[],
  failed: readonly string[],
  color: boolean,
): string {
  const rendered = names.filter((n) => !failed.includes(n));
  const lines: string[] = [];
  if (failed.length) lines.push(`Not rendered: ${failed.join(", ")} (see the findings below)`);
  if (rendered.length >= 2)
    lines.push(
      differencesTable(
        differences,
        rendered.map((n) => ({ title: n, value: (d: Difference) => d.nodes[n] })),
        rendered.join(", "),
        color,
      ),
    );
  return lines.join("\n");
}

/** `kalint render`: one node's rendering, or its faults (exit 1) when it does not render. */
export function runRender(o: CliOptions): number {
  const path = o.files[0]!;
  const nodes = loadRenderNodes(o);
  const { text } = readDecoded(path);
  const t = prepareTemplate(path, { host: nodeFileHost, text, ...(o.templatePath.length ? { templatePath: o.templatePath } : {}) });
  const r = renderNode(t, nodes[0]!);
  if (!r.ok) {
    for (const f of r.faults)
      process.stderr.write(
        `${t.files[f.file]!.path}:${f.line + 1}:${f.column + 1}: ${ruleInfo(f.code)!.severity} [${f.code}] ${f.message}\n`,
      );
    return 1;
  }
  let out = r.text;
  if (o.map) {
    const lines = r.text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const labels = lines.map((_, i) => {
      const origin = r.origins[i];
      return origin ? `${t.files[origin.file]!.path}:${origin.line + 1}` : "";
    });
    const width = Math.max(0, ...labels.map((l) => l.length));
    out = lines.map((l, i) => `${labels[i]!.padEnd(width)} | ${l}`).join("\n") + "\n";
  }
  if (o.output !== undefined) writeFileSync(o.output, out);
  else process.stdout.write(out);
  return 0;
}
