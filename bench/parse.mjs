// Section: in-process parse time (lexer, parser and preprocessor) of the grammar alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle, fmt, stats, table } from "./measure.mjs";

const WARM_RUNS = 8;
/** Fresh processes per file; the best cold figure of them is kept (the machine may be busy). */
const PROCESSES = 3;

export const parse = {
  title: "parse in-process (grammar/ only: lex + parse + preprocess)",
  async run(ctx) {
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    const grammar = await bundle(ctx, "grammar/index.ts", "grammar.mjs");
    const child = fileURLToPath(new URL("./parse-child.mjs", import.meta.url));
    const rows = [];
    for (const f of ctx.files) {
      const runs = [];
      for (let i = 0; i < PROCESSES; i++) {
        const r = spawnSync(process.execPath, ["--expose-gc", child, pathToFileURL(grammar).href, f.path, String(WARM_RUNS)], { encoding: "utf8" });
        if (r.status !== 0) {
          console.log(`NOTICE: parsing ${f.name} failed: ${r.stderr.slice(0, 300)}`);
          break;
        }
        runs.push(JSON.parse(r.stdout));
      }
      if (runs.length === 0) continue;
      const cold = stats(runs.map((r) => r.cold)).min;
      const warm = stats(runs.flatMap((r) => r.warm)).min;
      const peakMB = Math.max(...runs.map((r) => r.coldRSS));
      const load = stats(runs.map((r) => r.load)).min;
      ctx.results[`parse:${f.name}`] = { cold, warm, peakMB, load };
      rows.push({ file: f.name, "module load": fmt.s(load), "first parse": fmt.s(cold), "warm (best)": fmt.s(warm), "warm MB/s": fmt.rate(f.bytes, warm), "peak RSS (one parse)": fmt.mb(peakMB) });
    }
    table(rows);
  },
};
