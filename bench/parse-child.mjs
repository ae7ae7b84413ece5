// Runs in a fresh node process (started with --expose-gc): parses one file with the bundled
// grammar, cold then warm, and prints the timings and peak memory as JSON. A fresh process per
// file keeps one file's garbage out of another's figures.
import { readFileSync } from "node:fs";

const [bundle, path, warmRuns] = process.argv.slice(2);
const t0 = performance.now();
const { preprocess, nodeFileHost } = await import(bundle);
const load = (performance.now() - t0) / 1000;
const text = readFileSync(path, "utf8");
const once = () => {
  const start = performance.now();
  const config = preprocess(path, { host: nodeFileHost, text });
  const seconds = (performance.now() - start) / 1000;
  if (config.diagnostics.some((d) => d.code === "syntax-error")) throw new Error(`${path} has syntax errors`);
  return seconds;
};
const cold = once();
// Peak memory of one parse, before the warm runs add their garbage.
const coldRSS = process.resourceUsage().maxRSS / 1024;
const warm = [];
for (let i = 0; i < Number(warmRuns); i++) {
  globalThis.gc?.();
  warm.push(once());
}
console.log(JSON.stringify({ load, cold, coldRSS, warm }));
