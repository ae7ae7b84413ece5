// Section: `keepalived -t -f FILE`, the reference, on the same files in the same run. keepalived
// checks interface names against the host, so it runs in a throw-away network namespace holding
// veth interfaces with the names the files use, set up by the differential test's own harness.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundle, fmt, table, timeCommand, timingRow } from "./measure.mjs";

export const keepalived = {
  title: "keepalived -t -f FILE (reference, run inside a network namespace)",
  async run(ctx) {
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    const harness = await import(pathToFileURL(await bundle(ctx, "test/differential/harness.ts", "harness.mjs")).href);
    const unavailable = harness.unavailableReason();
    if (unavailable) return console.log(`NOTICE: ${unavailable}; skipped`);
    const binary = harness.findKeepalived();
    const ns = new harness.Namespace();
    const scratch = mkdtempSync(join(tmpdir(), "kalint-bench-"));
    try {
      ns.create(harness.interfaceNames(ctx.files.map((f) => f.path)));
      // Entering the namespace costs a few milliseconds that are not keepalived's; measure and subtract them.
      const enter = timeCommand("ip", ["netns", "exec", ns.name, "/bin/true"], { runs: 5 }).min;
      console.log(`(ip netns exec overhead ${fmt.s(enter)} subtracted)`);
      const rows = [];
      for (const f of ctx.files) {
        // From a scratch directory: configs may make keepalived create directories relative to it.
        const r = timeCommand("ip", ["netns", "exec", ns.name, binary, "-t", "-f", f.path], { runs: 7, cwd: scratch });
        const own = { ...r, min: Math.max(0, r.min - enter), median: Math.max(0, r.median - enter) };
        ctx.results[`keepalived:${f.name}`] = own;
        rows.push(timingRow(f.name, own, f.bytes));
      }
      table(rows);
    } catch (e) {
      console.log(`NOTICE: keepalived section failed: ${e.message}`);
    } finally {
      ns.remove();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
