// Section: `kalint fleet` on a generated fleet of 1,000 files (bench/fleet.mjs, run as its own
// process), with keepalived -t per file for comparison when it is installed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const fleet = {
  title: "kalint fleet (500 two-node clusters; bench/fleet.mjs)",
  run(ctx) {
    const r = spawnSync(process.execPath, [join(ctx.root, "bench/fleet.mjs")], { cwd: ctx.root, encoding: "utf8", maxBuffer: 16 << 20 });
    if (r.status !== 0) return console.log(`NOTICE: bench/fleet.mjs exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`);
    process.stdout.write(r.stdout);
    const m = /(\d+) files, (\d+) clusters in ([\d.]+) s/.exec(r.stdout);
    if (m) ctx.results.fleet = { files: Number(m[1]), clusters: Number(m[2]), seconds: Number(m[3]) };
  },
};
