// Shared helpers of the benchmark sections: bundling, timing child processes, statistics, formatting.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const TIME = "/usr/bin/time";

/** Bundles a TypeScript entry point of the repository into `ctx.dir` as an ES module node runs as is; returns its path. */
export async function bundle(ctx, entry, name) {
  const outfile = join(ctx.dir, name);
  await build({
    entryPoints: [join(ctx.root, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

/**
 * Runs another benchmark script of the repository as its own process and prints its report;
 * returns the report, or undefined (with a notice) when the script failed.
 */
export function runScript(ctx, script) {
  const r = spawnSync(process.execPath, [join(ctx.root, script)], { cwd: ctx.root, encoding: "utf8", maxBuffer: 16 << 20 });
  if (r.status !== 0) {
    console.log(`NOTICE: ${script} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`);
    return undefined;
  }
  process.stdout.write(r.stdout);
  return r.stdout;
}

/**
 * Runs a command once: its wall-clock seconds, peak RSS (MB, when /usr/bin/time is there) and
 * exit status, or `{ error }` when the exit status is not one of `expectExit`.
 */
export function runOnce(cmd, args, { cwd, expectExit } = {}) {
  const viaTime = existsSync(TIME);
  const argv = viaTime ? [TIME, "-f", "%M", cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: "utf8", maxBuffer: 256 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (expectExit && !expectExit.includes(r.status)) return { error: `${cmd} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}` };
  let peakMB;
  if (viaTime) {
    const kb = Number(r.stderr.trim().split("\n").at(-1));
    if (Number.isFinite(kb)) peakMB = kb / 1024;
  }
  return { seconds, peakMB, exit: r.status };
}

/** Runs a command `runs` times; wall-clock seconds of each run and the peak RSS (MB) seen. */
export function timeCommand(cmd, args, { runs = 5, cwd, expectExit } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = runOnce(cmd, args, { cwd, expectExit });
    if (r.error) return r;
    samples.push(r);
  }
  return series(samples);
}

/** The timing of a list of runs (`{ seconds, peakMB?, exit? }`): best and median seconds, highest peak RSS, the last exit status. */
export function series(samples) {
  const peaks = samples.map((s) => s.peakMB).filter((mb) => mb !== undefined);
  return { ...stats(samples.map((s) => s.seconds)), peakMB: peaks.length ? Math.max(...peaks) : undefined, exit: samples.at(-1)?.exit };
}

/**
 * Runs measurements in rounds, each of them once a round, in forward order in even rounds and
 * backward in odd ones (A B, B A, A B, ... or A B C, C B A, ...): on a shared machine whose speed
 * changes in phases of seconds to minutes, runs of one round see the same phase, and no command
 * always runs first (after a pause, or right after another's caches were filled). Each measurement
 * is a function that runs once and returns `{ seconds, ... }` or `{ error }`; the first error stops
 * the rounds. Returns every round's samples by key, or `{ error }`.
 */
export function interleave(rounds, measures) {
  const keys = Object.keys(measures);
  const done = [];
  for (let i = 0; i < rounds; i++) {
    const round = {};
    for (const key of i % 2 === 0 ? keys : [...keys].reverse()) {
      const sample = measures[key]();
      if (sample.error) return { error: sample.error };
      round[key] = sample;
    }
    done.push(round);
  }
  return { rounds: done };
}

/**
 * Pairs behind a ratio against keepalived -t (check, parse-only process): within one run on this
 * machine the per-pair ratios of the parse-only process spread from 1.47x to 2.17x (other work
 * takes a core for part of a run), so the median needs more pairs than the 5 to 7 runs a command
 * had when it was timed alone.
 */
export const PAIRS = 11;

/**
 * THE way the bench compares two commands (every ratio against keepalived -t goes through it):
 * `measure` and `reference` run interleaved, one pair a round (see interleave), and the ratio is
 * the median of the per-pair ratios measure / reference. docs/ARCHITECTURE.md, "Measuring against
 * keepalived", says why pairs and why their median.
 *
 * Without a reference (e.g. keepalived is not installed) the measure runs alone and `ratio` is
 * undefined. Returns the timing of each (see series), the ratio `{ median, min, max, pairs }`, and
 * each side's samples; or `{ error }`.
 */
export function paired(rounds, measure, reference) {
  const r = interleave(rounds, reference ? { measure, reference } : { measure });
  if (r.error) return r;
  const mine = r.rounds.map((round) => round.measure);
  const theirs = reference ? r.rounds.map((round) => round.reference) : [];
  return {
    measure: series(mine),
    reference: reference ? series(theirs) : undefined,
    ratio: pairRatio(mine, theirs),
    samples: { measure: mine, reference: theirs },
  };
}

/** The median, lowest and highest of the ratios a[i] / b[i] of samples measured as pairs; undefined without pairs. */
function pairRatio(a, b) {
  const ratios = a.slice(0, b.length).map((s, i) => s.seconds / b[i].seconds);
  if (ratios.length === 0) return undefined;
  return { median: percentile(ratios, 50), min: Math.min(...ratios), max: Math.max(...ratios), pairs: ratios.length };
}

/**
 * NODE_EXTRA_CA_CERTS makes every node process read and parse that certificate bundle as it
 * starts, before any script runs (about 60 ms a process on the CI machine, whose environment sets
 * it for package downloads). kalint opens no TLS connection, so the bench measures its processes
 * without it, and prints what it cost node alone here so that the figures can be read either way.
 */
export function caCertificatesApart() {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return;
  const withIt = [];
  const without = [];
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  for (let i = 0; i < 7; i++) {
    for (const [list, e] of [
      [withIt, process.env],
      [without, env],
    ]) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"], { env: e });
      list.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  delete process.env.NODE_EXTRA_CA_CERTS;
  const cost = percentile(withIt, 50) - percentile(without, 50);
  console.log(
    `NOTICE: NODE_EXTRA_CA_CERTS=${file} is set here; the bench runs every process without it. With it, node -e 0 takes ${percentile(withIt, 50).toFixed(0)} ms instead of ${percentile(without, 50).toFixed(0)} (median of 7): add ${cost.toFixed(0)} ms to each whole-process figure below to read it with.`,
  );
}

/** The sample at or just above the p-th percentile (nearest rank; p = 50: the median). */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function stats(samples) {
  return { min: Math.min(...samples), median: percentile(samples, 50), samples: samples.length };
}

export const fmt = {
  s: (x) => (x === undefined ? "-" : `${x.toFixed(3)} s`),
  mb: (x) => (x === undefined ? "-" : `${x.toFixed(0)} MB`),
  rate: (bytes, s) => (s ? `${(bytes / 1e6 / s).toFixed(1)} MB/s` : "-"),
  x: (x) => (x === undefined || !Number.isFinite(x) ? "-" : `${x.toFixed(2)}x`),
};

/** The table row of one timed command: best and median wall time, throughput (given the input's size), peak memory, exit status. */
export function timingRow(file, r, bytes) {
  return {
    file,
    best: fmt.s(r.min),
    median: fmt.s(r.median),
    "MB/s": bytes === undefined ? "-" : fmt.rate(bytes, r.min),
    "peak RSS": fmt.mb(r.peakMB),
    exit: r.exit,
  };
}

/** Prints rows of equal keys as an aligned table. */
export function table(rows) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(width[i])).join("  ");
  console.log(line(keys));
  for (const r of rows) console.log(line(keys.map((k) => r[k])));
}
