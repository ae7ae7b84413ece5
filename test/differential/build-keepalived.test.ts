/** scripts/build-keepalived.mjs: its refusals and failures, on fake archives in a scratch directory (no real build). */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { defaultCacheDir, DEBIAN_OPTIONS, recipe, releaseBinary, RELEASES } from "../../scripts/build-keepalived.mjs";
import { compareVersions, NEWEST_VERSION, parseVersion } from "../../server/src/schema/lookup.js";

const ROOT = resolve(__dirname, "../..");
const SCRIPT = join(ROOT, "scripts/build-keepalived.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });

describe("build-keepalived", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-build-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A source directory holding one archive (made by tar from `tree`) and a SHA256SUMS line for it. */
  function source(name: string, tree: Record<string, string>, sum?: string): string {
    const src = join(dir, name);
    const top = join(src, "tree");
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(join(top, path, ".."), { recursive: true });
      writeFileSync(join(top, path), text);
    }
    const archive = join(src, "keepalived-2.0.19.tar.gz");
    expect(spawnSync("tar", ["-czf", archive, "-C", top, "."]).status).toBe(0);
    const real = createHash("sha256").update(readFileSync(archive)).digest("hex");
    writeFileSync(join(src, "SHA256SUMS"), `${sum ?? real}  keepalived-2.0.19.tar.gz\n`);
    return src;
  }

  test("an unknown release or a missing argument is one line and exit status 2", () => {
    for (const args of [["9.9.9"], [], ["--jobs", "0", "all"]]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^build-keepalived: /);
    }
  });

  test("an archive whose checksum does not match SHA256SUMS is refused, saying so", () => {
    const src = source("bad-sum", { "keepalived-2.0.19/configure.ac": "" }, "0".repeat(64));
    const r = run("--src", src, "--cache", join(dir, "cache1"), "2.0.19");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("keepalived 2.0.19: FAILED: checksum of");
    expect(r.stderr).toContain("does not match SHA256SUMS");
    expect(existsSync(join(dir, "cache1", "2.0.19", "keepalived"))).toBe(false);
  });

  test("a failing step stops the release with its name, status, log tail and log path; one line per step before it", () => {
    const src = source("broken", { "keepalived-2.0.19/configure.ac": "this is not autoconf input(\n" });
    const r = run("--src", src, "--cache", join(dir, "cache2"), "2.0.19");
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^keepalived 2\.0\.19: checksum ok/),
      expect.stringMatching(/^keepalived 2\.0\.19: unpack \(\d+ s\)$/),
      expect.stringMatching(/^keepalived releases: 0 built, 0 cached, 1 failed: 2\.0\.19; in /),
    ]);
    expect(r.stderr).toMatch(/keepalived 2\.0\.19: FAILED: autoreconf -fi failed \(exit status \d+\); last lines of .*2\.0\.19\.log:/);
    // The work directory is removed, the log kept.
    expect(existsSync(join(dir, "cache2", "2.0.19.log"))).toBe(true);
    expect(spawnSync("sh", ["-c", `ls -A ${join(dir, "cache2")} | grep -c work`], { encoding: "utf8" }).stdout.trim()).toBe("0");
  });

  test("a release already in the cache with the same checksum and recipe is not built again; another recipe is", () => {
    const src = source("cached", { "keepalived-2.0.19/configure.ac": "" });
    const cache = join(dir, "cache3");
    mkdirSync(join(cache, "2.0.19"), { recursive: true });
    writeFileSync(join(cache, "2.0.19", "keepalived"), "#!/bin/sh\n", { mode: 0o755 });
    const sha256 = readFileSync(join(src, "SHA256SUMS"), "utf8").split(" ")[0];
    const stamp = (r: string) =>
      writeFileSync(
        join(cache, "2.0.19", "build.json"),
        JSON.stringify({ version: "2.0.19", archive: "keepalived-2.0.19.tar.gz", sha256, recipe: r, seconds: 7 }),
      );
    stamp(recipe("2.0.19"));
    const again = run("--src", src, "--cache", cache, "2.0.19");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`keepalived 2.0.19: cached (${join(cache, "2.0.19", "keepalived")}, built in 7 s)`);
    stamp("an older recipe");
    const rebuilt = run("--src", src, "--cache", cache, "2.0.19");
    expect(rebuilt.stdout).toContain("keepalived 2.0.19: checksum ok");
    expect(rebuilt.status).toBe(1);
  });

  test("the distribution's release is not built; every other release names an archive of ../shared/keepalived-src", () => {
    const r = run("--cache", join(dir, "cache4"), "2.2.7");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("keepalived 2.2.7: the distribution's package (/usr/sbin/keepalived), not built here");
    const sums = readFileSync(resolve(ROOT, "../shared/keepalived-src/SHA256SUMS"), "utf8");
    for (const rel of RELEASES.filter((x) => x.archive)) expect(sums).toContain(`  ${rel.archive}`);
  });

  test("the releases run oldest first up to the newest the schema knows (its source): messages that say 'as of' that release are checked against it", () => {
    const versions = RELEASES.map((r) => parseVersion(r.version)!);
    for (let i = 1; i < versions.length; i++) expect(compareVersions(versions[i - 1]!, versions[i]!), RELEASES[i]!.version).toBeLessThan(0);
    expect(versions.at(-1)).toEqual(NEWEST_VERSION);
  });

  test("the cache directory and the binaries it holds", () => {
    expect(defaultCacheDir({ KALINT_KEEPALIVED_DIR: "/x" })).toBe("/x");
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/c" })).toBe("/c/kalint-keepalived");
    expect(releaseBinary("9.9.9").reason).toContain("not one of the releases");
    expect(releaseBinary("2.0.19", join(dir, "empty")).reason).toContain("node scripts/build-keepalived.mjs 2.0.19");
  });

  test("the configure options are those of Debian's package, as its keepalived -v prints them", () => {
    const v = spawnSync("/usr/sbin/keepalived", ["-v"], { encoding: "utf8" });
    if (v.error) return console.warn("[build-keepalived] NOTICE: no /usr/sbin/keepalived to compare the configure options with");
    const debian = /configure options: (.*)/
      .exec(`${v.stdout}${v.stderr}`)![1]!
      .split(" ")
      .filter(
        (o) =>
          /^--(enable|disable|with)-/.test(o) &&
          o !== "--disable-dependency-tracking" &&
          o !== "--disable-maintainer-mode" &&
          o !== "--disable-silent-rules",
      );
    expect(debian.length).toBeGreaterThan(5);
    for (const option of debian) expect(DEBIAN_OPTIONS).toContain(option);
  });
});
