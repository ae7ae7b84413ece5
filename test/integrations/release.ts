/**
 * A release as users get it (docs/integrations.md, "Releases"): the tree scripts/release-tree.mjs
 * writes, committed and tagged in a scratch git repository, and that package installed into a
 * scratch prefix the way `npm install -g` does, offline.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "../cli/run-kalint.js";

export const VERSION = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
export const TAG = `v${VERSION}`;

const made: string[] = [];

export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=kalint test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main", ...args],
    { cwd, encoding: "utf8" },
  );
}

/** A git repository whose tagged commit is the release tree of this checkout. */
export function releaseRepo(): string {
  const dir = scratchDir("kalint-release-");
  execFileSync(process.execPath, [join(root, "scripts/release-tree.mjs"), dir], { encoding: "utf8" });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", `kalint ${VERSION}`);
  git(dir, "tag", TAG);
  return dir;
}

/** Installs the release package into a new prefix, offline; returns the prefix's bin directory. */
export function installRelease(repo: string): string {
  const prefix = scratchDir("kalint-prefix-");
  const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", prefix], { cwd: repo, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!;
  const r = spawnSync("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, join(prefix, tgz)], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`npm install -g of the release failed: ${r.stderr}`);
  return join(prefix, "bin");
}

export const has = (cmd: string, ...args: string[]) =>
  spawnSync(cmd, args.length ? args : ["--version"], { encoding: "utf8" }).status === 0;

/** A command prefix that runs without any network (a new network namespace), when this machine allows it. */
export const OFFLINE: string[] = spawnSync("unshare", ["--net", "true"]).status === 0 ? ["unshare", "--net"] : [];
