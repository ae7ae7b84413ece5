// Section: `keepalived -t -f FILE`, the reference, on the same files in the same run. keepalived
// checks interface names against the host, so it runs in a throw-away network namespace holding
// veth interfaces with the names the files use, set up by the differential test's own harness.
// The sections that compare kalint with it (parse, kalint check) run it through withKeepalived,
// each kalint run paired with one of keepalived (measure.mjs paired); this section shows those
// runs, or times its own when no section paired any.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundle, fmt, runOnce, series, table, timeCommand, timingRow } from "./measure.mjs";

/** Runs of each file when this section times keepalived alone. */
const RUNS = 7;

/**
 * Calls `body(run)` where `run(file)` runs `keepalived -t -f FILE` once and returns its sample
 * (`{ seconds, peakMB, exit }`, the cost of entering the namespace taken off), also kept for this
 * section's table. The namespace lives only while `body` runs and is removed after it, also when
 * it throws. When keepalived cannot run here, `run` is undefined and `ctx.keepalived.unavailable`
 * says why.
 */
export async function withKeepalived(ctx, body) {
  const state = (ctx.keepalived ??= { runs: {}, enter: [] });
  if (ctx.files.length === 0) state.unavailable = "no input files";
  if (!state.unavailable && !state.harness) {
    try {
      state.harness = await import(pathToFileURL(await bundle(ctx, "test/differential/harness.ts", "harness.mjs")).href);
      state.unavailable = state.harness.unavailableReason();
    } catch (e) {
      state.unavailable = `the differential test's harness could not be loaded: ${e.message}`;
    }
  }
  if (state.unavailable) return body(undefined);
  const { harness } = state;
  const binary = harness.findKeepalived();
  const ns = new harness.Namespace();
  const scratch = mkdtempSync(join(tmpdir(), "kalint-bench-"));
  try {
    try {
      ns.create(harness.interfaceNames(ctx.files.map((f) => f.path)));
    } catch (e) {
      state.unavailable = `the network namespace could not be made: ${e.message}`;
      return body(undefined);
    }
    // Entering the namespace costs a few milliseconds that are not keepalived's; measure and subtract them.
    const enter = timeCommand("ip", ["netns", "exec", ns.name, "/bin/true"], { runs: 5 }).min;
    state.enter.push(enter);
    const run = (f) => {
      // From a scratch directory: configs may make keepalived create directories relative to it.
      const r = runOnce("ip", ["netns", "exec", ns.name, binary, "-t", "-f", f.path], { cwd: scratch });
      const own = { ...r, seconds: Math.max(0, r.seconds - enter) };
      (state.runs[f.name] ??= []).push(own);
      return own;
    };
    return await body(run);
  } finally {
    ns.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const keepalived = {
  title: "keepalived -t -f FILE (reference, run inside a network namespace)",
  async run(ctx) {
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    try {
      const paired = Object.keys(ctx.keepalived?.runs ?? {}).length > 0;
      if (!paired)
        await withKeepalived(ctx, (run) => {
          if (run) for (const f of ctx.files) for (let i = 0; i < RUNS; i++) run(f);
        });
      const { unavailable, enter, runs } = ctx.keepalived;
      if (enter.length === 0) return console.log(`NOTICE: ${unavailable}; skipped`);
      const overhead = [...new Set([Math.min(...enter), Math.max(...enter)].map(fmt.s))].join(" to ");
      console.log(
        `(ip netns exec overhead ${overhead} subtracted${paired ? "; these are the runs paired with kalint's in the sections above" : ""})`,
      );
      const rows = [];
      for (const f of ctx.files) {
        if (!runs[f.name]) continue;
        rows.push(timingRow(f.name, series(runs[f.name]), f.bytes));
      }
      table(rows);
    } catch (e) {
      console.log(`NOTICE: keepalived section failed: ${e.message}`);
    }
  },
};
