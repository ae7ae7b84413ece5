// Section: the whole `kalint check` process, start to exit, as a user runs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fmt, table, timeCommand } from "./measure.mjs";

export const cli = {
  title: "kalint check (whole process: node start, read, parse, validate, rules, output)",
  run(ctx) {
    const kalint = join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log("NOTICE: dist/kalint.js is missing (run npm run build); skipped");
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    const rows = [];
    for (const f of ctx.files) {
      const r = timeCommand(process.execPath, [kalint, "check", "--no-config", "--target-version", "2.2.7", f.path], { runs: 7, expectExit: [0, 1] });
      if (r.error) {
        console.log(`NOTICE: ${r.error}`);
        continue;
      }
      ctx.results[`cli:${f.name}`] = r;
      rows.push({ file: f.name, best: fmt.s(r.min), median: fmt.s(r.median), "MB/s": fmt.rate(f.bytes, r.min), "peak RSS": fmt.mb(r.peakMB), exit: r.exit });
    }
    table(rows);
  },
};
