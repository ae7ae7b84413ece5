#!/usr/bin/env node
// Builds keepalived releases from the upstream archives in ../shared/keepalived-src into a cache
// directory, for the differential test (docs/differential.md). Usage:
//
//   node scripts/build-keepalived.mjs [--jobs N] [--cache DIR] [--src DIR] all | VERSION...
//
// Each release ends up as CACHE/VERSION/keepalived with a stamp (build.json) that records the
// archive's checksum and the build recipe; a release whose stamp matches is not built again.
// One line of progress per step; a failing step stops that release with the step's name, its
// exit status, the end of its log and the log's path, and the script exits 1.
// The releases are listed in test/differential/releases.json; one shipped by the distribution
// ("system") is not built here.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpus, homedir } from "node:os";
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Imported, not read: the differential harness bundles this module, and the list goes with it.
import releaseList from "../test/differential/releases.json" with { type: "json" };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Every release the differential compares against, oldest first. */
export const RELEASES = releaseList.releases;
const releases = RELEASES;

/** Where built releases are kept: $KALINT_KEEPALIVED_DIR, else $XDG_CACHE_HOME/kalint-keepalived, else ~/.cache/kalint-keepalived. */
export function defaultCacheDir(env = process.env) {
  return env.KALINT_KEEPALIVED_DIR || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "kalint-keepalived");
}

/** The release a keepalived binary says it is (`keepalived -v`: "Keepalived v2.2.7 (...)"), or undefined. */
export function versionOf(binary) {
  const v = spawnSync(binary, ["-v"], { encoding: "utf8" });
  return /Keepalived v(\d+\.\d+\.\d+)/.exec(`${v.stdout ?? ""}${v.stderr ?? ""}`)?.[1];
}

/**
 * The keepalived binary of a release: the distribution's (when it is that release) or the one
 * built into the cache; with the reason when there is none.
 */
export function releaseBinary(version, cache = defaultCacheDir()) {
  const release = RELEASES.find((r) => r.version === version);
  if (!release) return { reason: `${version} is not one of the releases (${RELEASES.map((r) => r.version).join(", ")})` };
  if (release.system) {
    if (!existsSync(release.system))
      return { reason: `${release.system} (keepalived ${version} of ${release.shippedBy}) is not installed` };
    const said = versionOf(release.system);
    return said === version
      ? { path: release.system }
      : { reason: `${release.system} is keepalived ${said ?? "(unknown)"}, not ${version}` };
  }
  const path = join(cache, version, "keepalived");
  return existsSync(path) ? { path } : { reason: `keepalived ${version} is not built: node scripts/build-keepalived.mjs ${version}` };
}

/**
 * The configure options of Debian 12's keepalived package (as its `keepalived -v` prints them),
 * without the ones that only concern packaging (build triplet, man and info directories,
 * maintainer mode, compiler flags). Releases that predate an option ignore it, as Debian's
 * --disable-option-checking makes configure do.
 */
export const DEBIAN_OPTIONS = [
  "--prefix=/usr",
  "--sysconfdir=/etc",
  "--localstatedir=/var",
  "--runstatedir=/run",
  "--disable-option-checking",
  "--enable-snmp",
  "--enable-sha1",
  "--enable-snmp-rfcv2",
  "--enable-snmp-rfcv3",
  "--enable-dbus",
  "--enable-json",
  "--enable-bfd",
  "--enable-regex",
  "--with-init=systemd",
  // Debian's build has no libmagic (it is not among the package's build dependencies); keep it
  // out here too, whatever this machine has installed, since it changes the script checks.
  "ac_cv_lib_magic_magic_open=no",
];

/**
 * Source changes a release needs to build against Debian 12's headers. 2.1.5's layer4.c includes
 * <linux/icmp.h> before <netinet/in.h>, and with glibc 2.36 the kernel's <linux/in.h> then
 * redefines what the C library's header already defined; upstream reordered the includes in
 * 2.2.0 (its commit 3fd0c21e). The edit here does the same: the C library's headers first.
 */
const PATCHES = {
  "2.1.5": [
    {
      file: "keepalived/core/layer4.c",
      what: "include <netinet/in.h> and <net/if.h> before <linux/icmp.h> (as upstream's 3fd0c21e for 2.2.0)",
      edit: (text) => {
        const at = text.indexOf("#include <linux/icmp.h>");
        if (at < 0) return undefined;
        return `${text.slice(0, at)}#include <netinet/in.h>\n#include <net/if.h>\n${text.slice(at)}`;
      },
    },
  ],
};

/** Everything that decides what a build produces, so a changed recipe rebuilds. */
export function recipe(version) {
  const patches = (PATCHES[version] ?? []).map((p) => `${p.file}:${p.what}:${p.edit.toString()}`);
  return createHash("sha256")
    .update(JSON.stringify({ options: DEBIAN_OPTIONS, patches, steps: 1 }))
    .digest("hex")
    .slice(0, 16);
}

class StepFailed extends Error {}

function run(cmd, args, { cwd, log, env }) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", (e) => done({ code: 127, error: e.message }));
    child.on("close", (code, signal) => done({ code: code ?? 128, signal }));
  });
}

function tail(path, lines) {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function build(release, { cache, src, makeJobs }) {
  const { version } = release;
  const say = (text) => console.log(`keepalived ${version}: ${text}`);
  const dest = join(cache, version);
  const stampPath = join(dest, "build.json");
  const archive = join(src, release.archive);
  // The archive's own line of SHA256SUMS: the stamp must name the same checksum, and a build checks it with sha256sum.
  const sums = existsSync(join(src, "SHA256SUMS"))
    ? readFileSync(join(src, "SHA256SUMS"), "utf8")
        .split("\n")
        .filter((l) => l.endsWith(`  ${release.archive}`))
    : [];
  if (sums.length !== 1) {
    console.error(`keepalived ${version}: FAILED: ${join(src, "SHA256SUMS")} has no line for ${release.archive}`);
    return { version, failed: true };
  }
  const want = { version, archive: release.archive, sha256: sums[0].split(" ")[0], recipe: recipe(version) };
  const stamp = existsSync(stampPath) ? JSON.parse(readFileSync(stampPath, "utf8")) : undefined;
  if (stamp && existsSync(join(dest, "keepalived")) && stamp.recipe === want.recipe && stamp.sha256 === want.sha256) {
    say(`cached (${join(dest, "keepalived")}, built in ${stamp.seconds} s)`);
    return { version, cached: true, seconds: 0 };
  }

  const t0 = Date.now();
  const work = join(cache, `.work-${version}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const logPath = join(cache, `${version}.log`);
  const log = createWriteStream(logPath);
  const tree = join(work, `keepalived-${version}`);
  const step = async (name, cmd, args, cwd, env) => {
    const s0 = Date.now();
    log.write(`\n=== ${name}: ${cmd} ${args.join(" ")}\n`);
    const r = await run(cmd, args, { cwd, log, env });
    if (r.code !== 0) {
      const why = r.error ? `could not run ${cmd}: ${r.error}` : r.signal ? `killed by ${r.signal}` : `exit status ${r.code}`;
      await new Promise((d) => log.end(d));
      throw new StepFailed(`${name} failed (${why}); last lines of ${logPath}:\n${tail(logPath, 25)}`);
    }
    say(`${name} (${((Date.now() - s0) / 1000).toFixed(0)} s)`);
  };
  try {
    if (!existsSync(archive)) throw new StepFailed(`${archive} is missing`);
    const checked = await spawnWithInput("sha256sum", ["-c", "-"], src, `${sums[0]}\n`);
    if (checked.code !== 0) throw new StepFailed(`checksum of ${archive} does not match SHA256SUMS: ${checked.output.trim()}`);
    say(`checksum ok (${want.sha256.slice(0, 12)}…)`);
    await step("unpack", "tar", ["-xzf", archive, "-C", work], work);
    if (!existsSync(tree)) throw new StepFailed(`${release.archive} did not unpack into keepalived-${version}/`);
    for (const p of PATCHES[version] ?? []) {
      const file = join(tree, p.file);
      const edited = p.edit(readFileSync(file, "utf8"));
      if (edited === undefined) throw new StepFailed(`patch of ${p.file} no longer applies: ${p.what}`);
      writeFileSync(file, edited);
      say(`patch ${p.file}: ${p.what}`);
    }
    await step("autoreconf -fi", "autoreconf", ["-fi"], tree);
    await step("configure (Debian 12's options)", "./configure", DEBIAN_OPTIONS, tree);
    await step(`make -j${makeJobs}`, "make", [`-j${makeJobs}`], tree);
    const binary = join(tree, "keepalived", "keepalived");
    const said = versionOf(binary);
    if (said !== version) throw new StepFailed(`the binary built says it is keepalived ${said ?? "(nothing)"}, not ${version}`);
    const staged = join(work, "out");
    mkdirSync(staged);
    copyFileSync(binary, join(staged, "keepalived"));
    const seconds = Math.round((Date.now() - t0) / 1000);
    writeFileSync(join(staged, "build.json"), JSON.stringify({ ...want, seconds, built: new Date().toISOString() }, null, 1) + "\n");
    rmSync(dest, { recursive: true, force: true });
    renameSync(staged, dest);
    log.end();
    rmSync(work, { recursive: true, force: true });
    say(`built in ${seconds} s: ${join(dest, "keepalived")}`);
    return { version, cached: false, seconds };
  } catch (e) {
    log.end();
    rmSync(work, { recursive: true, force: true });
    if (e instanceof StepFailed) {
      console.error(`keepalived ${version}: FAILED: ${e.message}`);
      return { version, failed: true };
    }
    throw e;
  }
}

function spawnWithInput(cmd, args, cwd, input) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b) => (output += b));
    child.stderr.on("data", (b) => (output += b));
    child.on("error", (e) => done({ code: 127, output: e.message }));
    child.on("close", (code) => done({ code: code ?? 128, output }));
    child.stdin.end(input);
  });
}

async function main(argv) {
  let jobs = 1;
  let cache = defaultCacheDir();
  let src = resolve(root, "../shared/keepalived-src");
  const wanted = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--jobs") jobs = Number(argv[++i]);
    else if (a === "--cache") cache = resolve(argv[++i] ?? "");
    else if (a === "--src") src = resolve(argv[++i] ?? "");
    else if (a.startsWith("-")) return usage(`unknown option ${a}`);
    else wanted.push(a);
  }
  if (!Number.isInteger(jobs) || jobs < 1) return usage("--jobs takes a whole number of at least 1");
  if (wanted.length === 0) return usage("name the releases to build, or all");
  const known = new Map(releases.map((r) => [r.version, r]));
  const unknown = wanted.filter((v) => v !== "all" && !known.has(v));
  if (unknown.length) return usage(`no such release: ${unknown.join(", ")} (known: ${[...known.keys()].join(", ")})`);
  const chosen = wanted.includes("all") ? releases : wanted.map((v) => known.get(v));
  for (const r of chosen.filter((r) => r.system))
    console.log(`keepalived ${r.version}: the distribution's package (${r.system}), not built here`);
  const toBuild = chosen.filter((r) => r.archive);
  mkdirSync(cache, { recursive: true });
  // Two builds at a time on two cores: each make gets its share of the processors.
  const width = Math.min(jobs, toBuild.length) || 1;
  const makeJobs = Math.max(1, Math.floor(cpus().length / width));
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < toBuild.length) results.push(await build(toBuild[next++], { cache, src, makeJobs }));
    }),
  );
  const failed = results.filter((r) => r.failed).map((r) => r.version);
  const built = results.filter((r) => !r.failed && !r.cached);
  console.log(
    `keepalived releases: ${built.length} built${built.length ? ` (${built.map((r) => `${r.version} ${r.seconds} s`).join(", ")})` : ""}, ${results.filter((r) => r.cached).length} cached, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}; in ${cache}`,
  );
  return failed.length ? 1 : 0;
}

function usage(problem) {
  console.error(
    `build-keepalived: ${problem}\nusage: node scripts/build-keepalived.mjs [--jobs N] [--cache DIR] [--src DIR] all | VERSION...`,
  );
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
