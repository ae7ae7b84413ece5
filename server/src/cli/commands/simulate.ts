/**
 * `kalint simulate NODE.conf NODE.conf...` (and `FILE --ids A,B`): every failover scenario of the
 * cluster computed by the VRRP model, printed as text, JSON (docs/simulate.md) or one HTML page. Exit 1
 * when a scenario's verdict is not ok, unless `--fail-on` sets the bar above errors (every non-ok
 * verdict is an outage, so it counts as an error).
 */
import { buildCluster } from "../../cluster/pairing.js";
import type { ClusterNode } from "../../cluster/types.js";
import { modelNode } from "../../cluster/nodes.js";
import { renderHtml, renderText, toJson } from "../../simulate/render.js";
import { scenariosFor, simulate, type SimulationResult } from "../../simulate/scenarios.js";
import { buildSetup, nodeName, type SimSetup } from "../../simulate/setup.js";
import { UsageError, type CliOptions } from "../args.js";
import { readInput } from "../inputs.js";
import { analyzeOptions, settingsFor } from "../settings.js";
import { isRenderMode, loadRenderedNodes } from "./render.js";

/** The nodes named on the command line: files, or one file read once per `--ids` id. */
export function loadSimulationNodes(o: CliOptions): ClusterNode[] {
  // `simulate TEMPLATE --node NAME=VARS.yml ...` (docs/templates.md, Render mode): the template rendered per node.
  if (isRenderMode(o)) return checkedNodes(loadRenderedNodes(o), o);
  const read = (path: string, ids: readonly (string | undefined)[]) => {
    const text = readInput(path);
    const settings = settingsFor(path, o);
    return ids.map((id) => modelNode(path, { ...analyzeOptions(settings, id), text }));
  };
  return checkedNodes(o.ids ? read(o.files[0]!, o.ids) : o.files.flatMap((f) => read(f, [o.configId])), o);
}

function checkedNodes(nodes: ClusterNode[], o: CliOptions): ClusterNode[] {
  const names = nodes.map(nodeName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(`two nodes are named ${twice} (a node's name is its file's base name); rename one file`);
  for (const a of Object.keys(o.addresses))
    if (!names.includes(a)) throw new UsageError(`--address names no node '${a}' (nodes: ${names.join(", ")})`);
  return nodes;
}

export function setupFor(o: CliOptions): SimSetup {
  return buildSetup(buildCluster(loadSimulationNodes(o)), o.addresses);
}

/** The scenario ids asked for, checked against those that apply. */
export function chosenScenarios(setup: SimSetup, o: CliOptions): string[] | undefined {
  if (o.scenarios.length === 0) return undefined;
  const known = scenariosFor(setup).map((s) => s.id);
  for (const id of o.scenarios)
    if (!known.includes(id)) throw new UsageError(`no scenario '${id}' applies to these nodes; they have: ${known.join(", ")}`);
  return o.scenarios;
}

export function printSimulation(
  result: SimulationResult | ReturnType<typeof toJson>,
  o: CliOptions,
  extra?: { settledLabel?: string },
): void {
  let text: string;
  if (o.format === "json") text = JSON.stringify("version" in result ? result : toJson(result), null, 2);
  else if (o.format === "html") text = renderHtml(result);
  else text = renderText(result, { color: o.color, ...extra });
  process.stdout.write(text + "\n");
}

/** Every non-ok verdict is an outage: an error-level finding for `--fail-on`. */
export function simulationExitCode(result: { summary: SimulationResult["summary"] }): number {
  return result.summary.scenarios !== result.summary.ok ? 1 : 0;
}

export function runSimulate(o: CliOptions): number {
  const setup = setupFor(o);
  const result = simulate(setup, chosenScenarios(setup, o));
  printSimulation(result, o);
  return simulationExitCode(result);
}
