// Section: `kalint fleet` on a generated fleet of 1,000 files (bench/fleet.mjs, run as its own
// process), with keepalived -t per file for comparison when it is installed.
import { runScript } from "./measure.mjs";

export const fleet = {
  title: "kalint fleet (500 two-node clusters; bench/fleet.mjs)",
  run(ctx) {
    const report = runScript(ctx, "bench/fleet.mjs");
    const m = report && /(\d+) files, (\d+) clusters in ([\d.]+) s/.exec(report);
    if (m) ctx.results.fleet = { files: Number(m[1]), clusters: Number(m[2]), seconds: Number(m[3]) };
  },
};
