/**
 * `kalint lab NODE.conf NODE.conf...`: the simulation's scenarios on real keepalived daemons in
 * network namespaces (Linux, root). `--compare` runs the simulation too and reports every
 * scenario where the daemon and the model disagree (exit 1 if any).
 */
import { runLab, type LabScenarioResult } from "../../lab/run.js";
import { LabError, preflight } from "../../lab/run.js";
import { toJson } from "../../simulate/render.js";
import { simulate, type ScenarioResult } from "../../simulate/scenarios.js";
import { UsageError, type CliOptions } from "../args.js";
import { buildCluster } from "../../cluster/pairing.js";
import { parseVersion } from "../../schema/lookup.js";
import { buildSetup } from "../../simulate/setup.js";
import { chosenScenarios, loadSimulationNodes, printSimulation, simulationExitCode } from "./simulate.js";

/** Where the lab and the model disagree on one scenario, in words; empty when they agree. */
export function disagreements(model: ScenarioResult, lab: Pick<LabScenarioResult, "owners" | "verdict">): string[] {
  const out: string[] = [];
  for (const address of Object.keys(model.owners)) {
    const seen = lab.owners[address] ?? [];
    const race = model.race[address];
    if (race && race.length) {
      if (!(seen.length === 1 && race.includes(seen[0]!)))
        out.push(`${address}: the model expects one of ${race.join(", ")} (a race), the daemons gave ${seen.join(", ") || "nobody"}`);
      continue;
    }
    const want = model.owners[address] ?? [];
    if (want.join(",") !== [...seen].sort((a, b) => want.indexOf(a) - want.indexOf(b)).join(",") || want.length !== seen.length) {
      out.push(`${address}: the model says ${want.join(", ") || "nobody"}, the daemons gave ${seen.join(", ") || "nobody"}`);
    }
  }
  if (model.verdict !== lab.verdict) out.push(`verdict: the model says ${model.verdict}, the daemons' owners give ${lab.verdict}`);
  return out;
}

export async function runLabCommand(o: CliOptions): Promise<number> {
  const keepalived = o.keepalived ?? "keepalived";
  const nodes = loadSimulationNodes(o);
  let version: string;
  try {
    version = preflight(keepalived);
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(`lab: ${e.message}`);
    throw e;
  }
  // The model runs as the release the daemons are (what they accept changed over time).
  const release = parseVersion(version);
  const setup = buildSetup(buildCluster(nodes), o.addresses, release);
  const only = chosenScenarios(setup, o);
  const progress = process.stderr.isTTY ? (t: string) => process.stderr.write(`\r\x1b[K${t}`) : undefined;
  let results: LabScenarioResult[];
  try {
    results = await runLab(setup, only, { keepalived, ...(progress ? { progress } : {}) });
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(`lab: ${e.message}`);
    throw e;
  } finally {
    if (progress) process.stderr.write("\r\x1b[K");
  }
  const summary = { scenarios: results.length, ok: 0, "split-brain": 0, "no-owner": 0, "no-failover": 0 };
  for (const r of results) summary[r.verdict]++;
  const observed = { nodes: setup.nodes.map((n) => n.name), scenarios: results, summary };
  const json = { ...toJson(observed, { settled: true }), keepalived: version };
  if (!o.compare) {
    printSimulation(json, o, { settledLabel: "settled after" });
    return simulationExitCode(json);
  }
  const model = simulate(setup, only);
  const differences = model.scenarios
    .map((m, k) => ({ id: m.id, problems: disagreements(m, results[k]!) }))
    .filter((d) => d.problems.length);
  if (o.format === "json") {
    process.stdout.write(
      JSON.stringify({ ...json, model: toJson(model, { settled: true }).scenarios, disagreements: differences }, null, 2) + "\n",
    );
  } else {
    printSimulation(json, o, { settledLabel: "settled after" });
    if (o.format === "text") {
      const lines = differences.length
        ? [
            `lab and model disagree on ${differences.length} of ${results.length} scenarios (keepalived ${version}):`,
            ...differences.flatMap((d) => [`  ${d.id}:`, ...d.problems.map((p) => `    ${p}`)]),
          ]
        : [`lab and model agree on all ${results.length} scenarios (keepalived ${version})`];
      process.stdout.write(lines.join("\n") + "\n");
    }
  }
  return differences.length ? 1 : 0;
}
