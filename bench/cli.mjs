// Section: the whole `kalint check` process, start to exit, as a user runs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { table, timeCommand, timingRow } from "./measure.mjs";

export const cli = {
  title: "kalint check (whole process: node start, read, parse, validate, rules, output)",
  run(ctx) {
    // KALINT_BIN measures another build of the CLI (e.g. one made from a work in progress).
    const kalint = process.env.KALINT_BIN ?? join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log(`NOTICE: ${kalint} is missing (run npm run build); skipped`);
    const rows = [];
    // Cold start: the whole process on the small example, as an editor save hook or CI step runs it.
    const example = join(ctx.root, "examples/lvs-dr/master.conf");
    if (existsSync(example)) {
      const r = timeCommand(process.execPath, [kalint, "check", "--no-config", example], { runs: 9, expectExit: [0, 1] });
      if (r.error) console.log(`NOTICE: ${r.error}`);
      else {
        ctx.results["cli:cold-start"] = r;
        rows.push(timingRow("examples/lvs-dr/master.conf (cold start)", r));
      }
    }
    if (ctx.files.length === 0) console.log("NOTICE: no input files; only the cold start is measured");
    for (const f of ctx.files) {
      const r = timeCommand(process.execPath, [kalint, "check", "--no-config", "--target-version", "2.2.7", f.path], { runs: 7, expectExit: [0, 1] });
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
