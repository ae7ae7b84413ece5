// Section: in-process parse time (lexer, parser and preprocessor) of the grammar alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withKeepalived } from "./keepalived.mjs";
import { bundle, fmt, PAIRS, paired, runOnce, stats, table } from "./measure.mjs";

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
    const childScript = fileURLToPath(new URL("./parse-child.mjs", import.meta.url));
    const rows = [];
    // Each kalint process is paired with a keepalived -t run of the same file (the summary's ratios).
    await withKeepalived(ctx, (keepalived) => {
      for (const f of ctx.files) {
        const reference = keepalived && (() => keepalived(f));
        const child = (warmRuns) => () => {
          const r = spawnSync(process.execPath, ["--expose-gc", childScript, pathToFileURL(grammar).href, f.path, String(warmRuns)], {
            encoding: "utf8",
          });
          if (r.status !== 0) return { error: `parsing ${f.name} failed: ${r.stderr.slice(0, 300)}` };
          const report = JSON.parse(r.stdout);
          return { seconds: report.cold, report };
        };
        // The parse timings come from children run back to back, as a series: run between
        // keepalived -t runs, the children's warm parses read 13-14.5x for ten times the input
        // against 8.6-10x run together (same build, same hour), a figure of the interleaving and
        // not of the parser. Only the first parse's ratio to keepalived takes pairs of its own,
        // whose children stop after the first parse (the warm ones would cost 5 s a pair on vs-10k).
        const children = paired(PROCESSES, child(WARM_RUNS));
        if (children.error) {
          console.log(`NOTICE: ${children.error}`);
          continue;
        }
        const firstParse = reference ? paired(PROCESSES, child(0), reference) : undefined;
        const runs = children.samples.measure.map((s) => s.report);
        const cold = children.measure.min;
        // The median of the settled warm runs: a 1k parse takes 12-20 ms, where one lucky or slow
        // run would move a best-of figure (and the 10k/1k ratio built on it) by a fifth.
        const warmRuns = stats(runs.flatMap((r) => r.warm.slice(SETTLING_RUNS)));
        const warm = warmRuns.median;
        const peakMB = Math.max(...runs.map((r) => r.coldRSS));
        const load = stats(runs.map((r) => r.load)).min;
        // Issue 3's figure: a process that only parses, timed from outside (node start, module load, read, one parse).
        const whole = paired(
          PAIRS,
          () => runOnce(process.execPath, [childScript, pathToFileURL(grammar).href, f.path, "0"], { expectExit: [0] }),
          reference,
        );
        const wholeProcess = whole.error ? undefined : whole.measure.min;
        ctx.results[`parse:${f.name}`] = {
          cold,
          warm,
          peakMB,
          load,
          process: wholeProcess,
          againstKeepalived: { firstParse: firstParse?.ratio, process: whole.ratio },
        };
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
    });
    table(rows);
  },
};
