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

/** Runs a command `runs` times; wall-clock seconds of each run and the peak RSS (MB) seen. */
export function timeCommand(cmd, args, { runs = 5, cwd, expectExit } = {}) {
  const seconds = [];
  let peakMB;
  let exit;
  const viaTime = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    const argv = viaTime ? [TIME, "-f", "%M", cmd, ...args] : [cmd, ...args];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: "utf8", maxBuffer: 256 << 20 });
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    exit = r.status;
    if (viaTime) {
      const kb = Number(r.stderr.trim().split("\n").at(-1));
      if (Number.isFinite(kb)) peakMB = Math.max(peakMB ?? 0, kb / 1024);
    }
    if (expectExit && !expectExit.includes(r.status)) {
      return { error: `${cmd} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}` };
    }
  }
  return { ...stats(seconds), peakMB, exit };
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
