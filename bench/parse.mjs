// Section: in-process parse time (lexer, parser and preprocessor) of the grammar alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle, fmt, stats, table, timeCommand } from "./measure.mjs";

const WARM_RUNS = 12;
/** Warm runs left out of the median: a small file takes several parses before the JIT has settled. */
const SETTLING_RUNS = 4;
/** Fresh processes per file; the best cold figure of them is kept (the machine may be busy). */
const PROCESSES = 3;

export const parse = {
  title: "parse in-process (grammar/ only: lex + parse + preprocess)",
  async run(ctx) {
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    const grammar = await bundle(ctx, "grammar/node.ts", "grammar.mjs");
    const child = fileURLToPath(new URL("./parse-child.mjs", import.meta.url));
    const rows = [];
    for (const f of ctx.files) {
      const runs = [];
      for (let i = 0; i < PROCESSES; i++) {
        const r = spawnSync(process.execPath, ["--expose-gc", child, pathToFileURL(grammar).href, f.path, String(WARM_RUNS)], {
          encoding: "utf8",
        });
        if (r.status !== 0) {
          console.log(`NOTICE: parsing ${f.name} failed: ${r.stderr.slice(0, 300)}`);
          break;
        }
        runs.push(JSON.parse(r.stdout));
      }
      if (runs.length === 0) continue;
      const cold = stats(runs.map((r) => r.cold)).min;
      // The median of the settled warm runs: a 1k parse takes 12-20 ms, where one lucky or slow
      // run would move a best-of figure (and the 10k/1k ratio built on it) by a fifth.
      const warmRuns = stats(runs.flatMap((r) => r.warm.slice(SETTLING_RUNS)));
      const warm = warmRuns.median;
      const peakMB = Math.max(...runs.map((r) => r.coldRSS));
      const load = stats(runs.map((r) => r.load)).min;
      // Issue 3's figure: a process that only parses, timed from outside (node start, module load, read, one parse).
      const whole = timeCommand(process.execPath, [child, pathToFileURL(grammar).href, f.path, "0"], { runs: 5, expectExit: [0] });
      const wholeProcess = whole.error ? undefined : whole.min;
      ctx.results[`parse:${f.name}`] = { cold, warm, peakMB, load, process: wholeProcess };
      rows.push({
        file: f.name,
        "module load": fmt.s(load),
        "first parse": fmt.s(cold),
        "whole process": fmt.s(wholeProcess),
        "warm (median)": fmt.s(warm),
        "warm (best)": fmt.s(warmRuns.min),
        "warm MB/s": fmt.rate(f.bytes, warm),
        "peak RSS (one parse)": fmt.mb(peakMB),
      });
    }
    table(rows);
  },
};
