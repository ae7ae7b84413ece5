/** Render-mode fixtures: templates and vars files in memory, rendered per node. */
import { memoryHost } from "../support/memory-host.js";
import { prepareTemplate, renderNode, type RenderedNode } from "../../server/src/render/render.js";
import { nodeFromFiles, varsFiles, withMagicVariables } from "../../server/src/render/vars.js";

/** Renders `/t/templates/main.conf.j2` (and partials beside it) for each node's YAML text. */
export function renderAll(
  files: Record<string, string>,
  nodes: Record<string, string>,
  entry = "/t/templates/main.conf.j2",
): { host: ReturnType<typeof memoryHost>; results: RenderedNode[]; paths: string[] } {
  const all: Record<string, string> = { ...files };
  for (const [name, yaml] of Object.entries(nodes)) all[`/t/host_vars/${name}.yml`] = yaml;
  const host = memoryHost(all);
  const t = prepareTemplate(entry, { host });
  const read = varsFiles(host);
  const list = withMagicVariables(Object.keys(nodes).map((n) => nodeFromFiles(read, n, [], [`/t/host_vars/${n}.yml`])));
  return { host, results: list.map((n) => renderNode(t, n)), paths: t.files.map((f) => f.path) };
}

/** One node's rendering of one template text; throws with the faults when it does not render. */
export function render(template: string, vars = "{}", partials: Record<string, string> = {}): string {
  const files: Record<string, string> = { "/t/templates/main.conf.j2": template };
  for (const [k, v] of Object.entries(partials)) files[`/t/templates/${k}`] = v;
  const r = renderAll(files, { lb1: vars }).results[0]!;
  if (!r.ok) throw new Error(r.faults.map((f) => `[${f.code}] ${f.message}`).join("; "));
  return r.text;
}

/** The faults of one node's rendering (none when it renders). */
export function faults(template: string, vars = "{}"): { code: string; message: string; line: number }[] {
  const r = renderAll({ "/t/templates/main.conf.j2": template }, { lb1: vars }).results[0]!;
  return r.faults.map((f) => ({ code: f.code, message: f.message, line: f.line + 1 }));
}
