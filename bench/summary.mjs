// Section: ratios between the sections' figures, against the targets of issue 3. Informational:
// the bench never fails on timings.
import { fmt, table } from "./measure.mjs";

const PARSE_SCALING_LIMIT = 12;
/**
 * The whole process on the 5.3 MB file (vs-10k) against keepalived -t of the same run: the full
 * check (every rule) within 3x (aim 1.5x), parsing alone within 2x (aim 1x), so a regression
 * shows as NO. The other inputs are for reference.
 */
const CHECK_AIM = 1.5;
const CHECK_LIMIT = 3;
const PARSE_AIM = 1;
const PARSE_LIMIT = 2;
const COLD_START_LIMIT = 0.15;
/** Start-up on a small file: the whole process within 70 ms, kalint's module load (beyond node's own start) within 10 ms. */
const START_AIM = 0.07;
const LOAD_AIM = 0.01;
const PEAK_MB_LIMIT = 400;

export const summary = {
  title:
    "summary (targets: parse scaling <= 12x for 10x input; on vs-10k full check <= 3x keepalived (aim 1.5x), parse-only <= 2x (aim 1x); cold start <= 150 ms (aim 70 ms, module load 10 ms); peak < 400 MB)",
  run(ctx) {
    const r = ctx.results;
    const rows = [];
    const p1 = r["parse:vs-1k"];
    const p10 = r["parse:vs-10k"];
    if (p1 && p10) {
      const ratio = p10.warm / p1.warm;
      rows.push({
        figure: "parse vs-10k / vs-1k (warm, median)",
        value: fmt.x(ratio),
        target: `<= ${PARSE_SCALING_LIMIT}x`,
        met: ratio <= PARSE_SCALING_LIMIT ? "yes" : "NO",
      });
    }
    // Against keepalived -t: each figure is the median of per-pair ratios, every kalint run timed
    // back to back with a keepalived -t run of the same file (measure.mjs paired says why).
    const spreads = [];
    const againstKeepalived = (figure, ratio, limited, limit, aim) => {
      if (!ratio) return;
      const value = ratio.median;
      const met = !limited ? "-" : value <= aim ? "yes (aim too)" : value <= limit ? "yes" : "NO";
      rows.push({ figure, value: fmt.x(value), target: limited ? `<= ${limit}x (aim ${aim}x)` : "-", met });
      if (limited) spreads.push(`${figure}: ${fmt.x(ratio.min)} to ${fmt.x(ratio.max)} over ${ratio.pairs} pairs`);
    };
    for (const name of ["vs-1k", "vs-10k", "vrrp-1k"]) {
      const limited = name === "vs-10k";
      againstKeepalived(`kalint check / keepalived -t, ${name}`, r[`cli:${name}`]?.againstKeepalived, limited, CHECK_LIMIT, CHECK_AIM);
      const parsed = r[`parse:${name}`]?.againstKeepalived;
      againstKeepalived(`grammar first parse / keepalived, ${name}`, parsed?.firstParse, false);
      againstKeepalived(`parse-only process / keepalived -t, ${name}`, parsed?.process, limited, PARSE_LIMIT, PARSE_AIM);
    }
    const c1 = r["cli:vs-1k"];
    const c10 = r["cli:vs-10k"];
    if (c1 && c10) {
      const ratio = c10.min / c1.min;
      rows.push({
        figure: "kalint check vs-10k / vs-1k",
        value: fmt.x(ratio),
        target: `<= ${PARSE_SCALING_LIMIT}x`,
        met: ratio <= PARSE_SCALING_LIMIT ? "yes" : "NO",
      });
    }
    const cold = r["cli:cold-start"];
    if (cold)
      rows.push({
        figure: "kalint cold start, example (whole process)",
        value: fmt.s(cold.min),
        target: `<= ${COLD_START_LIMIT * 1000} ms (aim ${START_AIM * 1000} ms)`,
        met: cold.min <= START_AIM ? "yes (aim too)" : cold.min <= COLD_START_LIMIT ? "yes" : "NO",
      });
    const node = r["cli:node"];
    const version = r["cli:version"];
    if (node && version) {
      const load = version.min - node.min;
      rows.push({
        figure: "kalint module load (--version minus node -e 0)",
        value: fmt.s(load),
        target: `aim ${LOAD_AIM * 1000} ms`,
        met: load <= LOAD_AIM ? "yes" : "not yet",
      });
    }
    if (node && cold)
      rows.push({ figure: "kalint's share of the cold start (minus node -e 0)", value: fmt.s(cold.min - node.min), target: "-", met: "-" });
    const gp = r["parse:vs-10k"]?.peakMB;
    if (gp !== undefined)
      rows.push({
        figure: "grammar peak RSS, vs-10k (one parse)",
        value: fmt.mb(gp),
        target: `< ${PEAK_MB_LIMIT} MB`,
        met: gp < PEAK_MB_LIMIT ? "yes" : "NO",
      });
    const peak = r["cli:vs-10k"]?.peakMB;
    if (peak !== undefined)
      rows.push({
        figure: "kalint peak RSS, vs-10k",
        value: fmt.mb(peak),
        target: `< ${PEAK_MB_LIMIT} MB`,
        met: peak < PEAK_MB_LIMIT ? "yes" : "NO",
      });
    if (rows.length === 0) return console.log("nothing to compare (sections skipped)");
    if (rows.some((row) => row.figure.includes(" / keepalived")))
      console.log(
        "NOTICE: a ratio against keepalived -t is the median of per-pair ratios (each kalint run timed right before or after a keepalived -t run of the same file), no longer best over best of two series timed apart",
      );
    table(rows);
    for (const spread of spreads) console.log(`per-pair ratios, lowest to highest: ${spread}`);
  },
};
