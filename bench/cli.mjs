// Section: the whole `kalint check` process, start to exit, as a user runs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { stats, table, timeCommand, timingRow } from "./measure.mjs";

export const cli = {
  title: "kalint check (whole process: node start, read, parse, validate, rules, output)",
  run(ctx) {
    // KALINT_BIN measures another build of the CLI (e.g. one made from a work in progress).
    const kalint = process.env.KALINT_BIN ?? join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log(`NOTICE: ${kalint} is missing (run npm run build); skipped`);
    const rows = [];
    // Start-up, paired with node itself in the same run: node alone, kalint loading and answering
    // --version (its module load), and the whole `check` of the small example, as an editor save
    // hook or CI step runs it. Interleaved, so a busy machine slows all three alike.
    const example = join(ctx.root, "examples/lvs-dr/master.conf");
    if (existsSync(example)) {
      const runs = { node: [], version: [], check: [] };
      let failed;
      for (let i = 0; i < 11 && !failed; i++) {
        for (const [key, args, exits] of [
          ["node", ["-e", "0"], [0]],
          ["version", [kalint, "--version"], [0]],
          ["check", [kalint, "check", "--no-config", example], [0, 1]],
        ]) {
          const r = timeCommand(process.execPath, args, { runs: 1, expectExit: exits });
          if (r.error) failed = r.error;
          else runs[key].push(r);
        }
      }
      if (failed) console.log(`NOTICE: ${failed}`);
      else {
        const best = (list) => ({
          ...stats(list.map((r) => r.min)),
          peakMB: Math.max(...list.map((r) => r.peakMB ?? 0)) || undefined,
          exit: list[0].exit,
        });
        const node = best(runs.node);
        const version = best(runs.version);
        const check = best(runs.check);
        ctx.results["cli:node"] = node;
        ctx.results["cli:version"] = version;
        ctx.results["cli:cold-start"] = check;
        rows.push(timingRow("node -e 0 (node alone)", node));
        rows.push(timingRow("kalint --version (module load)", version));
        rows.push(timingRow("examples/lvs-dr/master.conf (cold start)", check));
      }
    }
    if (ctx.files.length === 0) console.log("NOTICE: no input files; only the cold start is measured");
    for (const f of ctx.files) {
      const r = timeCommand(process.execPath, [kalint, "check", "--no-config", "--target-version", "2.2.7", f.path], {
        runs: 7,
        expectExit: [0, 1],
      });
      if (r.error) {
        console.log(`NOTICE: ${r.error}`);
        continue;
      }
      ctx.results[`cli:${f.name}`] = r;
      rows.push(timingRow(f.name, r, f.bytes));
    }
    // A 5,000-line Jinja2 template (bench/template-input.mjs): the whole process, under 0.5 s wanted.
    for (const f of ctx.templates ?? []) {
      const r = timeCommand(process.execPath, [kalint, "check", "--no-config", f.path], { runs: 7, expectExit: [0, 1] });
      if (r.error) {
        console.log(`NOTICE: ${r.error}`);
        continue;
      }
      ctx.results[`cli:${f.name}`] = r;
      rows.push(timingRow(`${f.name} (template, 5,000 lines)`, r, f.bytes));
    }
    table(rows);
  },
};
