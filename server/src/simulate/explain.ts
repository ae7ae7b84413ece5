/**
 * The simulation as the editor shows it: for one node (and instance, or tracked object), what
 * happens on each of its failures, as a Markdown table for hovers and one line for code lenses.
 */
import type { ScenarioResult, SimulationResult, Verdict } from "./scenarios.js";
import type { SimSetup } from "./setup.js";

/** The scenarios in which `node` itself fails (its stop, restart, tracked objects, isolation, links). */
export function failuresOf(result: SimulationResult, node: string, track?: string): ScenarioResult[] {
  return result.scenarios.filter((s) => {
    const [kind, who, ...rest] = s.id.split(":");
    if (who !== node) return false;
    if (track !== undefined) return kind === "fail" && rest.join(":") === track;
    return kind !== "heal";
  });
}

function holders(s: ScenarioResult, addresses: readonly string[]): string {
  const parts = addresses.map((a) => {
    const race = s.race[a];
    if (race?.length) return `one of ${race.join(", ")}`;
    const o = s.owners[a] ?? [];
    return o.length ? o.join(" + ") : "nobody";
  });
  return [...new Set(parts)].join("; ");
}

const MARK: Readonly<Record<Verdict, string>> = {
  ok: "ok",
  "split-brain": "**split brain**",
  "no-owner": "**no owner**",
  "no-failover": "**no failover**",
};

const cell = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown table: each failure of `node`, who holds the instance's addresses after it, the priorities, the verdict. */
export function failoverTable(setup: SimSetup, result: SimulationResult, node: string, instance: string, track?: string): string {
  const set = setup.sets.indexOf(instance);
  const addresses = [...new Set(setup.instances.filter((i) => i.set === set).flatMap((i) => i.held))];
  const rows = failuresOf(result, node, track);
  if (rows.length === 0 || addresses.length === 0) return "";
  const lines = [
    `**Failover of ${instance} when ${node} fails** (\`kalint simulate\`)`,
    "",
    "| scenario | holds the addresses after | priorities | verdict |",
    "|---|---|---|---|",
  ];
  for (const s of rows) {
    const prios = Object.entries(s.instances[instance] ?? {})
      .map(([n, o]) => `${n} ${o.state === "MASTER" || o.state === "BACKUP" ? o.priority : o.state.toLowerCase()}`)
      .join(", ");
    lines.push(`| \`${cell(s.id)}\` | ${cell(holders(s, addresses))} | ${cell(prios)} | ${MARK[s.verdict]} |`);
  }
  const bad = rows.filter((s) => s.verdict !== "ok");
  for (const s of bad) lines.push("", `\`${s.id}\`: ${s.because}`);
  return lines.join("\n");
}

/** `failover: 6 scenarios ok, 1 no failover` for one node's failures. */
export function lensSummary(result: SimulationResult, node: string): string {
  const rows = failuresOf(result, node);
  const counts = new Map<Verdict, number>();
  for (const s of rows) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  const parts: string[] = [];
  const ok = counts.get("ok") ?? 0;
  if (ok) parts.push(`${ok} scenario${ok === 1 ? "" : "s"} ok`);
  for (const v of ["split-brain", "no-owner", "no-failover"] as const) {
    const n = counts.get(v);
    if (n) parts.push(`${n} ${v.replace("-", " ")}`);
  }
  return `failover: ${parts.join(", ") || "no scenarios"}`;
}
