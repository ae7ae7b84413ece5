/**
 * Runs `keepalived -t` (inside a throw-away network namespace holding the interfaces the
 * configurations name) and `kalint check` on the same files, and compares their verdicts.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { releaseBinary, RELEASES, versionOf } from "../../scripts/build-keepalived.mjs";
import { parseVersion } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";
import { keepalivedVerdict, kalintVerdict, type KalintDiagnostic, type KeepalivedRun } from "./classify.js";
import { faultFor, INTENDED, intendedFor, KEEPALIVED_FAULTS } from "./intended.js";
import { CONFIG_ID, generateMutants } from "./mutants.js";

export { CONFIG_ID, RELEASES };

/** One keepalived release as the oracle: its binary, and the version kalint is told to target. */
export interface Oracle {
  readonly version: string;
  readonly target: Version;
  readonly binary: string;
}

/** The oracle for a release of releases.json (built or installed), or why there is none. */
export function oracleFor(version: string): Oracle | { readonly reason: string } {
  const found = releaseBinary(version);
  if (found.path === undefined) return { reason: found.reason };
  return { version, target: parseVersion(version)!, binary: found.path };
}

/** The oracle for a keepalived binary of any version, read from its `-v`. */
export function oracleOf(binary: string): Oracle | { readonly reason: string } {
  const version = versionOf(binary);
  if (!version) return { reason: `${binary} does not say which keepalived it is (keepalived -v)` };
  return { version, target: parseVersion(version)!, binary };
}

export interface Case {
  readonly id: string;
  readonly path: string;
  readonly kind: "corpus" | "mutant";
  readonly operator: string;
}

export type Outcome = "agree" | "intended" | "disagree";

export interface CaseResult {
  readonly case: Case;
  readonly keepalived: KeepalivedRun;
  readonly keepalivedError: boolean;
  readonly kalintError: boolean;
  readonly outcome: Outcome;
  readonly intended?: string;
  readonly detail: string;
  /** Every code kalint reported for the file, notes included. */
  readonly kalintCodes: readonly string[];
}

export function findKeepalived(): string | undefined {
  for (const p of ["/usr/sbin/keepalived", "/sbin/keepalived", "/usr/local/sbin/keepalived"]) if (existsSync(p)) return p;
  const which = spawnSync("sh", ["-c", "command -v keepalived"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** Why the differential test cannot run here (or, with `binary` false, why it could not run any keepalived), or undefined when it can. */
export function unavailableReason(binary = true): string | undefined {
  if (binary && !findKeepalived()) return "keepalived is not installed";
  if (process.getuid?.() !== 0) return "network namespaces need root";
  if (spawnSync("ip", ["-V"]).status !== 0) return "the ip command (iproute2) is missing";
  if (spawnSync("nsenter", ["--version"]).status !== 0) return "the nsenter command (util-linux) is missing";
  return undefined;
}

/** Writes the corpus list and the mutants for `target` into `dir`; returns every case. */
export function collectCases(corpusDir: string, basesDir: string, dir: string, target: Version): Case[] {
  const cases: Case[] = [];
  if (existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir).sort()) {
      if (name.endsWith(".tsv") || name.endsWith(".md")) continue;
      cases.push({ id: `corpus:${name}`, path: join(corpusDir, name), kind: "corpus", operator: "corpus" });
    }
  }
  const mutantDir = join(dir, `mutants-${target.join(".")}`);
  mkdirSync(mutantDir, { recursive: true });
  for (const m of generateMutants(basesDir, target)) {
    const path = join(mutantDir, `${m.id.replace(/[^\w.-]+/g, "_")}.conf`);
    writeFileSync(path, m.text);
    cases.push({ id: m.id, path, kind: "mutant", operator: m.operator });
  }
  return cases;
}

/** Interface names the configurations use, so each can exist in the namespace. */
export function interfaceNames(paths: readonly string[]): string[] {
  const names = new Set(["eth0", "eth1", "eth2", "eth3", "eth0.1"]);
  const re = /\b(?:interface|dev|oif|iif|lvs_sync_daemon_interface)[ \t]+([A-Za-z][\w.-]{0,14})\b/g;
  for (const p of paths) {
    const text = readFileSync(p, "utf8");
    for (const m of text.matchAll(re)) if (m[1] !== "lo") names.add(m[1]!);
  }
  return [...names].filter((n) => n.length <= 15);
}

let namespaces = 0;

export class Namespace {
  /** Unique per process and per namespace of the process: other test runs make theirs at the same time. */
  readonly name = `kalint-diff-${process.pid}-${namespaces++}`;
  /** Where `ip netns` keeps it, for nsenter. */
  readonly path = `/run/netns/${this.name}`;

  create(interfaces: readonly string[]): void {
    this.remove();
    run("ip", ["netns", "add", this.name]);
    run("ip", ["netns", "exec", this.name, "ip", "link", "set", "lo", "up"]);
    interfaces.forEach((ifname, i) => {
      // Each interface is one end of a veth pair; dummy devices are not available everywhere.
      run("ip", ["netns", "exec", this.name, "ip", "link", "add", ifname, "type", "veth", "peer", "name", `kdpeer${i}`]);
      run("ip", ["netns", "exec", this.name, "ip", "link", "set", ifname, "up"]);
    });
  }

  remove(): void {
    spawnSync("ip", ["netns", "del", this.name], { stdio: "ignore" });
  }
}

function run(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
}

function spawnCollect(
  cmd: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // A signal is reported as a shell does: 128 + its number (SIGSEGV 139, SIGTERM 143).
      done({ code: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1), stdout, stderr });
    });
  });
}

async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

export async function runKeepalived(
  ns: Namespace,
  keepalived: string,
  paths: readonly string[],
  scratch: string,
): Promise<KeepalivedRun[]> {
  return pool(paths, 4, async (path) => {
    // A scratch directory per file: tmp_config_directory and friends are created relative to it.
    const cwd = mkdtempSync(join(scratch, "ka-"));
    // nsenter joins only the network namespace: half the cost of `ip netns exec`, which also
    // makes a mount namespace per run, and keepalived reads the same either way.
    const r = await spawnCollect("nsenter", [`--net=${ns.path}`, keepalived, "-t", "-i", CONFIG_ID, "-f", path], cwd, 20_000);
    rmSync(cwd, { recursive: true, force: true });
    return { exit: r.code, lines: (r.stderr + r.stdout).split("\n").filter((l) => l.trim() !== "") };
  });
}

/** One kalint process per chunk of files: its JSON lists every file's diagnostics. */
export async function runKalint(
  kalint: string,
  paths: readonly string[],
  cwd: string,
  target: Version,
): Promise<Map<string, KalintDiagnostic[]>> {
  const byFile = new Map<string, KalintDiagnostic[]>(paths.map((p) => [p, []]));
  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += 200) chunks.push(paths.slice(i, i + 200));
  await pool(chunks, 2, async (chunk) => {
    const r = await spawnCollect(
      process.execPath,
      [kalint, "check", "--no-config", "--format", "json", "--target-version", target.join("."), "--config-id", CONFIG_ID, ...chunk],
      cwd,
      120_000,
    );
    if (r.code !== 0 && r.code !== 1) throw new Error(`kalint failed (${r.code}): ${r.stderr.slice(0, 500)}`);
    const json = JSON.parse(r.stdout) as { diagnostics: KalintDiagnostic[] };
    for (const d of json.diagnostics) byFile.get(resolve(cwd, d.file))?.push(d);
  });
  return byFile;
}

function wordReader(path: string): (d: KalintDiagnostic) => string {
  let lines: string[] | undefined;
  return (d) => {
    lines ??= readFileSync(d.file.startsWith("/") ? d.file : path, "utf8").split("\n");
    const line = lines[d.line - 1] ?? "";
    return d.endLine === d.line ? line.slice(d.column - 1, d.endColumn - 1) : line.slice(d.column - 1);
  };
}

export function compare(c: Case, ka: KeepalivedRun, diagnostics: readonly KalintDiagnostic[], target: Version): CaseResult {
  const kv = keepalivedVerdict(ka, target);
  const wordAt = wordReader(c.path);
  const kl = kalintVerdict(diagnostics);
  let outcome: Outcome = kv.parseError === kl.error ? "agree" : "disagree";
  let intended: string | undefined;
  if (outcome === "disagree") {
    intended = faultFor(diagnostics, kv.parseError)?.id ?? (kl.error ? intendedFor(kl.deciding, wordAt, target)?.id : undefined);
    if (intended) outcome = "intended";
  }
  const detail = [
    `keepalived exit ${ka.exit}${kv.other.size ? ` (also ${[...kv.other].join(", ")})` : ""}: ${kv.parseLines.slice(0, 3).join(" | ") || "-"}`,
    `kalint: ${
      kl.deciding
        .slice(0, 3)
        .map((d) => `${d.line}:${d.column} [${d.code}] ${d.message}`)
        .join(" | ") || "-"
    }`,
  ].join("\n    ");
  return {
    case: c,
    keepalived: ka,
    keepalivedError: kv.parseError,
    kalintError: kl.error,
    outcome,
    ...(intended ? { intended } : {}),
    detail,
    kalintCodes: [...new Set(diagnostics.map((d) => d.code))],
  };
}

/**
 * keepalived (the oracle's release) and kalint (targeting that release) on every case, in a
 * namespace holding the interfaces the files name (made here and removed again), each result compared.
 */
export async function compareCases(cases: readonly Case[], kalint: string, scratch: string, oracle: Oracle): Promise<CaseResult[]> {
  const paths = cases.map((c) => c.path);
  const ns = new Namespace();
  ns.create(interfaceNames(paths));
  try {
    const [ka, kl] = await Promise.all([
      runKeepalived(ns, oracle.binary, paths, scratch),
      runKalint(kalint, paths, scratch, oracle.target),
    ]);
    return cases.map((c, i) => compare(c, ka[i]!, kl.get(c.path) ?? [], oracle.target));
  } finally {
    ns.remove();
  }
}

export interface Summary {
  readonly results: readonly CaseResult[];
  readonly agreementRate: number;
  readonly report: string;
}

export function summarize(results: readonly CaseResult[], version: string, seconds?: number): Summary {
  const counted = results.filter((r) => r.outcome !== "intended");
  const agreed = counted.filter((r) => r.outcome === "agree").length;
  const agreementRate = counted.length === 0 ? 1 : agreed / counted.length;
  const byOperator = new Map<string, { agree: number; intended: number; disagree: number }>();
  const byIntended = new Map<string, number>();
  for (const r of results) {
    const s = byOperator.get(r.case.operator) ?? { agree: 0, intended: 0, disagree: 0 };
    s[r.outcome]++;
    byOperator.set(r.case.operator, s);
    if (r.intended) byIntended.set(r.intended, (byIntended.get(r.intended) ?? 0) + 1);
  }
  const lines = [
    `differential against keepalived ${version}: ${results.length} files (${results.filter((r) => r.case.kind === "corpus").length} corpus, ${results.filter((r) => r.case.kind === "mutant").length} mutants)${seconds === undefined ? "" : ` in ${seconds.toFixed(0)} s`}`,
    `agreement ${(agreementRate * 100).toFixed(2)}% (${agreed}/${counted.length}); intended differences: ${results.length - counted.length}`,
    ...[...byIntended].map(
      ([id, n]) => `  intended ${id} (${n}): ${[...INTENDED, ...KEEPALIVED_FAULTS].find((e) => e.id === id)?.reason ?? ""}`,
    ),
    ...exitZeroLine(results),
    ...[...byOperator].map(([op, s]) => `  ${op.padEnd(18)} agree ${s.agree}  intended ${s.intended}  disagree ${s.disagree}`),
    ...results
      .filter((r) => r.outcome === "disagree")
      .map(
        (r) =>
          `DISAGREE ${r.case.id}: keepalived ${r.keepalivedError ? "error" : "clean"}, kalint ${r.kalintError ? "error" : "clean"}\n    ${r.detail}`,
      ),
  ];
  return { results, agreementRate, report: lines.join("\n") };
}

/**
 * The files keepalived printed errors for and still exited 0 on (2.0.20 to 2.1.5 do that), and
 * on how many of them kalint's config-test-exit-zero note said it would.
 */
function exitZeroLine(results: readonly CaseResult[]): string[] {
  const silent = results.filter((r) => r.keepalivedError && r.keepalived.exit === 0);
  if (silent.length === 0) return [];
  const noted = silent.filter((r) => r.kalintCodes.includes("config-test-exit-zero")).length;
  return [
    `  keepalived printed errors and exited 0 on ${silent.length} files; kalint's config-test-exit-zero note was on ${noted} of them`,
  ];
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "kalint-diff-"));
}
