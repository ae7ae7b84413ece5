/**
 * The simulation's outputs (docs/simulate.md): JSON version 1, a text table per scenario, and one
 * self-contained HTML page (scenarios × addresses, coloured by verdict, no network resources).
 * Pure string building, so the editor can show the same page.
 */
import type { ScenarioResult, SimulationResult, Verdict } from "./scenarios.js";

export interface JsonRelated {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface JsonScenario extends Omit<ScenarioResult, "related" | "settled_ms"> {
  readonly related: readonly JsonRelated[];
  readonly settled_ms?: number;
}

export interface SimulationJson {
  readonly version: 1;
  readonly nodes: readonly string[];
  readonly scenarios: readonly JsonScenario[];
  readonly summary: SimulationResult["summary"];
}

/** The JSON shape of docs/simulate.md. `settled_ms` is the lab's field; the simulation's prediction is kept only when asked. */
export function toJson(result: SimulationResult, { settled = false } = {}): SimulationJson {
  return {
    version: 1,
    nodes: result.nodes,
    scenarios: result.scenarios.map((s) => {
      const { related, settled_ms, ...rest } = s;
      return {
        ...rest,
        related: related.map((r) => {
          const p = r.file.positionAt(r.start);
          return { file: r.file.path, line: p.line + 1, column: p.character + 1, message: r.message };
        }),
        ...(settled ? { settled_ms } : {}),
      };
    }),
    summary: result.summary,
  };
}

const COLOR: Readonly<Record<Verdict, string>> = { ok: "32", "split-brain": "31", "no-owner": "31", "no-failover": "33" };

function paint(color: boolean, code: string, text: string): string {
  return color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map(
    (r) =>
      "  " +
      r
        .map((cell, c) => pad(cell, widths[c]!))
        .join("  ")
        .trimEnd(),
  );
}

function holdersText(s: Pick<ScenarioResult, "owners" | "race">, address: string): string {
  const race = s.race[address];
  if (race && race.length) return `race: ${race.join(" | ")}`;
  const owners = s.owners[address] ?? [];
  return owners.length ? owners.join(", ") : "(nobody)";
}

/** One block per scenario: the owners of each address, then each instance's state and priority. */
export function renderText(
  result: SimulationResult | SimulationJson,
  { color = false, settledLabel }: { color?: boolean; settledLabel?: string } = {},
): string {
  const out: string[] = [];
  result.scenarios.forEach((s, n) => {
    const head = `[${n + 1}/${result.scenarios.length}] ${s.id}: ${s.description}`;
    out.push(paint(color, "1", head));
    const rows: string[][] = [["address", "held by"]];
    for (const a of Object.keys(s.owners)) rows.push([a, holdersText(s, a)]);
    out.push(...table(rows));
    const inst: string[][] = [["instance", ...result.nodes]];
    for (const [name, per] of Object.entries(s.instances))
      inst.push([name, ...result.nodes.map((node) => (per[node] ? `${per[node].state} ${per[node].priority}` : "-"))]);
    out.push(...table(inst));
    const settled =
      "settled_ms" in s && s.settled_ms !== undefined && settledLabel ? `, ${settledLabel} ${(s.settled_ms / 1000).toFixed(1)} s` : "";
    out.push(`  verdict: ${paint(color, COLOR[s.verdict], s.verdict)}${settled}`);
    if (s.because) out.push(`  because: ${s.because}`);
    out.push("");
  });
  const sum = result.summary;
  out.push(
    `${sum.scenarios} scenarios: ${sum.ok} ok, ${sum["split-brain"]} split-brain, ${sum["no-owner"]} no-owner, ${sum["no-failover"]} no-failover`,
  );
  return out.join("\n");
}

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const CELL: Readonly<Record<Verdict, string>> = {
  ok: "#d8f0d8",
  "split-brain": "#f6c9c9",
  "no-owner": "#f6c9c9",
  "no-failover": "#f8e3b0",
};

/** A matrix of scenarios × addresses, each cell the holders after settling, coloured by the scenario's verdict. */
export function renderHtml(result: SimulationResult | SimulationJson, title = "kalint failover map"): string {
  const addresses = [...new Set(result.scenarios.flatMap((s) => Object.keys(s.owners)))];
  const head = addresses.map((a) => `<th>${escapeHtml(a)}</th>`).join("");
  const rows = result.scenarios
    .map((s) => {
      const cells = addresses.map((a) => `<td>${escapeHtml(a in s.owners ? holdersText(s, a) : "")}</td>`).join("");
      return `<tr class="${s.verdict}" title="${escapeHtml(s.because)}"><th scope="row"><code>${escapeHtml(s.id)}</code><br><small>${escapeHtml(s.description)}</small></th>${cells}<td class="v">${escapeHtml(s.verdict)}</td><td class="why">${escapeHtml(s.because)}</td></tr>`;
    })
    .join("\n");
  const sum = result.summary;
  const style = [
    "body{font:14px system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}",
    "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}",
    "thead th{background:#eee}td.why{max-width:40em;font-size:12px}small{color:#555}",
    ...Object.entries(CELL).map(([v, c]) => `tr.${v} td{background:${c}}`),
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>Nodes: ${result.nodes.map(escapeHtml).join(", ")}. ${sum.scenarios} scenarios: ${sum.ok} ok, ${sum["split-brain"]} split-brain, ${sum["no-owner"]} no-owner, ${sum["no-failover"]} no-failover.</p>
<table><thead><tr><th>scenario</th>${head}<th>verdict</th><th>because</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
