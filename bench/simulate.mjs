// `kalint simulate` (issue 16): a two-node pair as a whole process (target < 0.2 s), and clusters
// of 250, 500 and 1,000 peer sets (two generated nodes of N vrrp_instances each, every instance
// its own cluster) to show the time per cluster stays flat (linear).
//
//   npm run build && node bench/simulate.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { table, timeCommand } from "./measure.mjs";

const KALINT = resolve("dist/kalint.js");
const GEN = resolve("../shared/tools/gen-config.mjs");
const dir = mkdtempSync(join(tmpdir(), "kalint-bench-simulate-"));

try {
  // A pair: one vrrp_instance with a tracked script on each node.
  writeFileSync(join(dir, "lb1.conf"), execFileSync(process.execPath, [GEN, "--instances", "1"], { encoding: "utf8" }));
  writeFileSync(join(dir, "lb2.conf"), execFileSync(process.execPath, [GEN, "--instances", "1", "--node", "backup"], { encoding: "utf8" }));
  const pair = timeCommand(process.execPath, [KALINT, "simulate", "lb1.conf", "lb2.conf", "--format", "json"], {
    runs: 10,
    cwd: dir,
    expectExit: [0, 1],
  });
  const rows = [];
  if (pair.error) console.log(`NOTICE: ${pair.error}`);
  else
    rows.push({
      figure: "simulate a pair (whole process, 10 runs)",
      median: `${pair.median.toFixed(3)} s`,
      target: "< 0.2 s",
      met: pair.median < 0.2 ? "yes" : "NO",
    });
  const per = [];
  for (const n of [250, 500, 1000]) {
    const sub = join(dir, `n${n}`);
    execFileSync("mkdir", ["-p", sub]);
    writeFileSync(join(sub, "a.conf"), execFileSync(process.execPath, [GEN, "--instances", String(n)], { encoding: "utf8" }));
    writeFileSync(
      join(sub, "b.conf"),
      execFileSync(process.execPath, [GEN, "--instances", String(n), "--node", "backup"], { encoding: "utf8" }),
    );
    const t = timeCommand(process.execPath, [KALINT, "simulate", "a.conf", "b.conf", "--format", "json"], {
      runs: 3,
      cwd: sub,
      expectExit: [0, 1],
    });
    if (t.error) {
      console.log(`NOTICE: ${t.error}`);
      continue;
    }
    per.push(t.median / n);
    rows.push({
      figure: `simulate ${n} clusters (two nodes of ${n} instances)`,
      median: `${t.median.toFixed(2)} s`,
      target: `${((t.median / n) * 1000).toFixed(2)} ms per cluster`,
      met: "",
    });
  }
  if (per.length === 3)
    rows.push({
      figure: "time per cluster, 1,000 vs 250",
      median: `${(per[2] / per[0]).toFixed(2)}×`,
      target: "≈1 (linear)",
      met: per[2] / per[0] < 1.5 ? "yes" : "NO",
    });
  table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
