/** The CLI bundle's compile cache (scripts/code-cache.mjs): written once, reused, never in the way. */
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, CLEAN, kalint, removeTrees, tempTree, WITH_ERROR } from "./run-kalint.js";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the code cache tests are skipped");

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "kalint-cache-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  removeTrees();
  for (const d of dirs) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

const cacheFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".v8cache"));

describe.skipIf(!built)("compile cache of dist/kalint.js", () => {
  const configs = tempTree({ "clean.conf": CLEAN, "bad.conf": WITH_ERROR });

  it("is written by the first run and reused, unchanged, by the next", () => {
    const dir = cacheDir();
    const first = kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(first.code).toBe(1);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version}-${process.arch}\\.v8cache$`));
    const before = statSync(join(dir, files[0]!));
    const second = kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: dir } });
    // Same verdict and output with the cache as without it.
    expect(second).toEqual(first);
    const after = statSync(join(dir, files[0]!));
    // Accepted by V8, so not rewritten (a rewrite renames a new file into place).
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it("replaces a corrupt cache and still gives the right answer", () => {
    const dir = cacheDir();
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    const [name] = cacheFiles(dir);
    const path = join(dir, name!);
    const garbage = Buffer.alloc(statSync(path).size, 0x5a);
    writeFileSync(path, garbage);
    const r = kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(path).equals(garbage)).toBe(false);
  });

  it("removes the caches of other builds when it writes its own", () => {
    const dir = cacheDir();
    writeFileSync(join(dir, `0000000000000000-${process.version}-${process.arch}.v8cache`), "old");
    writeFileSync(join(dir, "notes.txt"), "not ours");
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(cacheFiles(dir)[0]).not.toMatch(/^0{16}-/);
    expect(readdirSync(dir)).toContain("notes.txt");
  });

  it("stays silent when the cache cannot be written", () => {
    if (process.getuid?.() === 0) {
      // Root writes anywhere; a path under a regular file cannot be created by anyone.
      const blocker = join(cacheDir(), "file");
      writeFileSync(blocker, "");
      const r = kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: join(blocker, "sub") } });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      return;
    }
    const dir = cacheDir();
    chmodSync(dir, 0o500);
    const r = kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(cacheFiles(dir)).toHaveLength(0);
  });

  it("writes a directory and file only its user can write", () => {
    const dir = join(cacheDir(), "fresh");
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, cacheFiles(dir)[0]!)).mode & 0o777).toBe(0o600);
  });

  it("neither reads nor writes a cache in a directory others can write to", () => {
    const dir = cacheDir();
    chmodSync(dir, 0o777);
    const r = kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(cacheFiles(dir)).toHaveLength(0);
  });

  it("leaves alone a cache file others can write to (V8 would run what it holds)", () => {
    const dir = cacheDir();
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    const path = join(dir, cacheFiles(dir)[0]!);
    const garbage = Buffer.alloc(64, 0x5a);
    writeFileSync(path, garbage);
    chmodSync(path, 0o666);
    const r = kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    // Not read (so not found corrupt and replaced): still the planted bytes.
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)("leaves alone a cache directory owned by another user", () => {
    const dir = cacheDir();
    chownSync(dir, 65534, 65534);
    const r = kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir } });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(cacheFiles(dir)).toHaveLength(0);
  });

  it("is not used with KALINT_CODE_CACHE=0", () => {
    const dir = cacheDir();
    const r = kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir, KALINT_CODE_CACHE: "0" } });
    expect(r.code).toBe(0);
    expect(cacheFiles(dir)).toHaveLength(0);
  });
});
