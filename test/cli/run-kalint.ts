/** Running the built dist/kalint.js from tests, and small trees of config files in temp dirs. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const root = resolve(__dirname, "../..");
export const bundle = join(root, "dist/kalint.js");
export const built = existsSync(bundle);

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kalint with a clean environment: no colour variables, no debug, stdin closed unless given. */
export function kalint(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !["NO_COLOR", "FORCE_COLOR", "KALINT_DEBUG"].includes(k)) env[k] = v;
  const r = spawnSync(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...env, ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs kalint as user nobody (permission bits mean nothing to root), or, when the tests already
 * run as an ordinary user, as that user. Undefined when that cannot be arranged here.
 */
export function kalintAsNobody(args: readonly string[], options: { cwd: string }): Run | undefined {
  if (process.getuid?.() !== 0) return kalint(args, options);
  const probe = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, bundle, "--version"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) return undefined;
  const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, bundle, ...args], {
    cwd: options.cwd,
    input: "",
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `files` (paths relative to a new temp dir) and returns the dir. */
export function tree(files: Record<string, string>, prefix = "kalint-cli-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const made: string[] = [];

/** `tree` whose directory removeTrees() deletes: call that from afterAll. */
export function tempTree(files: Record<string, string>, prefix?: string): string {
  const dir = tree(files, prefix);
  made.push(dir);
  return dir;
}

export function removeTrees(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A clean node: every keyword valid, nothing for any rule to say. */
export const CLEAN = `global_defs {
    router_id lb1
}

vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    virtual_ipaddress {
        10.0.0.1/24 dev eth0
    }
}
`;

/** CLEAN with one unknown keyword (an error) on line 3, column 5. */
export const WITH_ERROR = CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    smtp_connection_timeout 30\n");

/** CLEAN with `priority` given twice (a duplicate-keyword warning) on line 10, column 5. */
export const WITH_WARNING = CLEAN.replace("    priority 100\n", "    priority 100\n    priority 90\n");
