// Section: the whole `kalint check` process, start to exit, as a user runs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { withKeepalived } from "./keepalived.mjs";
import { interleave, PAIRS, paired, runOnce, series, table, timeCommand, timingRow } from "./measure.mjs";

export const cli = {
  title: "kalint check (whole process: node start, read, parse, validate, rules, output)",
  async run(ctx) {
    // KALINT_BIN measures another build of the CLI (e.g. one made from a work in progress).
    const kalint = process.env.KALINT_BIN ?? join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log(`NOTICE: ${kalint} is missing (run npm run build); skipped`);
    const rows = [];
    // Start-up, paired with node itself in the same run: node alone, kalint loading and answering
    // --version (its module load), and the whole `check` of the small example, as an editor save
    // hook or CI step runs it. Interleaved, so a busy machine slows all three alike.
    const example = join(ctx.root, "examples/lvs-dr/master.conf");
    if (existsSync(example)) {
      const once = (args, exits) => () => runOnce(process.execPath, args, { expectExit: exits });
      const r = interleave(11, {
        node: once(["-e", "0"], [0]),
        version: once([kalint, "--version"], [0]),
        check: once([kalint, "check", "--no-config", example], [0, 1]),
      });
      if (r.error) console.log(`NOTICE: ${r.error}`);
      else {
        const [node, version, check] = ["node", "version", "check"].map((key) => series(r.rounds.map((round) => round[key])));
        ctx.results["cli:node"] = node;
        ctx.results["cli:version"] = version;
        ctx.results["cli:cold-start"] = check;
        rows.push(timingRow("node -e 0 (node alone)", node));
        rows.push(timingRow("kalint --version (module load)", version));
        rows.push(timingRow("examples/lvs-dr/master.conf (cold start)", check));
      }
    }
    if (ctx.files.length === 0) console.log("NOTICE: no input files; only the cold start is measured");
    // Each run paired with a keepalived -t run of the same file (the summary's ratios).
    await withKeepalived(ctx, (keepalived) => {
      for (const f of ctx.files) {
        const r = paired(
          PAIRS,
          () => runOnce(process.execPath, [kalint, "check", "--no-config", "--target-version", "2.2.7", f.path], { expectExit: [0, 1] }),
          keepalived && (() => keepalived(f)),
        );
        if (r.error) {
          console.log(`NOTICE: ${r.error}`);
          continue;
        }
        ctx.results[`cli:${f.name}`] = { ...r.measure, againstKeepalived: r.ratio };
        rows.push(timingRow(f.name, r.measure, f.bytes));
      }
    });
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
