// Section: ratios between the sections' figures, against the targets of issue 3. Informational:
// the bench never fails on timings.
import { fmt, table } from "./measure.mjs";

const PARSE_SCALING_LIMIT = 12;
/** Issue 3: parsing as a whole process (1.5x); issue 5: the full check (every rule), which is what the CLI section runs (2x, aim 1.5x). */
const CLI_VS_KEEPALIVED_AIM = 1.5;
const CLI_VS_KEEPALIVED_LIMIT = 2;
const COLD_START_LIMIT = 0.15;
const PEAK_MB_LIMIT = 400;

export const summary = {
  title: "summary (targets: parse scaling <= 12x for 10x input; full check <= 2x keepalived, aim 1.5x; cold start <= 150 ms; peak < 400 MB)",
  run(ctx) {
    const r = ctx.results;
    const rows = [];
    const p1 = r["parse:vs-1k"];
    const p10 = r["parse:vs-10k"];
    if (p1 && p10) {
      const ratio = p10.warm / p1.warm;
      rows.push({ figure: "parse vs-10k / vs-1k (warm, median)", value: fmt.x(ratio), target: `<= ${PARSE_SCALING_LIMIT}x`, met: ratio <= PARSE_SCALING_LIMIT ? "yes" : "NO" });
    }
    for (const name of ["vs-1k", "vs-10k", "vrrp-1k"]) {
      const cli = r[`cli:${name}`];
      const ka = r[`keepalived:${name}`];
      if (cli && ka) {
        const ratio = cli.min / ka.min;
        const met = ratio <= CLI_VS_KEEPALIVED_AIM ? "yes (aim too)" : ratio <= CLI_VS_KEEPALIVED_LIMIT ? "yes" : "NO";
        rows.push({ figure: `kalint check / keepalived -t, ${name}`, value: fmt.x(ratio), target: `<= ${CLI_VS_KEEPALIVED_LIMIT}x (aim ${CLI_VS_KEEPALIVED_AIM}x)`, met });
      }
      const pr = r[`parse:${name}`];
      if (pr && ka) rows.push({ figure: `grammar first parse / keepalived, ${name}`, value: fmt.x(pr.cold / ka.min), target: "-", met: "-" });
      if (pr?.process !== undefined && ka) {
        // Issue 3 sets its 1.5x for the 10k-virtual-server file; the others are for reference.
        const ratio = pr.process / ka.min;
        const target = name === "vs-10k" ? `<= ${CLI_VS_KEEPALIVED_AIM}x` : "-";
        rows.push({ figure: `parse-only process / keepalived -t, ${name}`, value: fmt.x(ratio), target, met: target === "-" ? "-" : ratio <= CLI_VS_KEEPALIVED_AIM ? "yes" : "NO" });
      }
    }
    const c1 = r["cli:vs-1k"];
    const c10 = r["cli:vs-10k"];
    if (c1 && c10) {
      const ratio = c10.min / c1.min;
      rows.push({ figure: "kalint check vs-10k / vs-1k", value: fmt.x(ratio), target: `<= ${PARSE_SCALING_LIMIT}x`, met: ratio <= PARSE_SCALING_LIMIT ? "yes" : "NO" });
    }
    const cold = r["cli:cold-start"];
    if (cold) rows.push({ figure: "kalint cold start, example", value: fmt.s(cold.min), target: `<= ${COLD_START_LIMIT * 1000} ms`, met: cold.min <= COLD_START_LIMIT ? "yes" : "NO" });
    const gp = r["parse:vs-10k"]?.peakMB;
    if (gp !== undefined) rows.push({ figure: "grammar peak RSS, vs-10k (one parse)", value: fmt.mb(gp), target: `< ${PEAK_MB_LIMIT} MB`, met: gp < PEAK_MB_LIMIT ? "yes" : "NO" });
    const peak = r["cli:vs-10k"]?.peakMB;
    if (peak !== undefined) rows.push({ figure: "kalint peak RSS, vs-10k", value: fmt.mb(peak), target: `< ${PEAK_MB_LIMIT} MB`, met: peak < PEAK_MB_LIMIT ? "yes" : "NO" });
    if (rows.length === 0) return console.log("nothing to compare (sections skipped)");
    table(rows);
  },
};
