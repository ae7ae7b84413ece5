/** The CLI bundle's compile cache (scripts/code-cache.mjs): written once, reused, never in the way. */
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { cacheKind, openCodeCache, v8Flags } from "../../scripts/code-cache.mjs";
import { ENGINE_MEMORY_PAGES } from "../../server/src/render/bounds.js";
import { COMMAND_NAMES, RENDER_MODE_OPTIONS } from "../../server/src/cli/command-words.js";
import { built, bundle, CLEAN, kalint, removeTrees, tempTree, WITH_ERROR } from "./run-kalint.js";

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
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-check-${process.version}-${process.arch}\\.v8cache$`));
    const before = statSync(join(dir, files[0]!));
    const second = kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: dir } });
    // Same verdict and output with the cache as without it.
    expect(second).toEqual(first);
    const after = statSync(join(dir, files[0]!));
    // Accepted by V8, so not rewritten (a rewrite renames a new file into place).
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it("keeps one cache per kind of run, so that a --version run first leaves the checker out of none", () => {
    const dir = cacheDir();
    const env = { KALINT_CACHE_DIR: dir };
    kalint(["--version"], { env });
    const [options] = cacheFiles(dir);
    expect(options).toMatch(/^[0-9a-f]{16}-options-/);
    expect(kalint(["check", "--no-config", join(configs, "bad.conf")], { env }).code).toBe(1);
    const check = cacheFiles(dir).find((f) => f !== options)!;
    expect(check).toMatch(/^[0-9a-f]{16}-check-/);
    // The checker's functions are in its own cache, which is therefore larger than the one --version wrote.
    expect(statSync(join(dir, check)).size).toBeGreaterThan(statSync(join(dir, options!)).size);
    // `kalint FILE` is a check too: the same cache, reused as it is.
    const before = statSync(join(dir, check));
    expect(kalint(["--no-config", join(configs, "bad.conf")], { env }).code).toBe(1);
    expect(cacheFiles(dir)).toHaveLength(2);
    expect(statSync(join(dir, check)).mtimeMs).toBe(before.mtimeMs);
  });

  it("writes no new kind of cache once a build has 32", () => {
    const dir = cacheDir();
    const env = { KALINT_CACHE_DIR: dir };
    kalint(["--version"], { env });
    const build = cacheFiles(dir)[0]!.slice(0, 16);
    for (let i = 0; i < 31; i++)
      writeFileSync(join(dir, `${build}-word${i}-${process.version}-${process.arch}.v8cache`), "x", { mode: 0o600 });
    expect(kalint(["check", "--no-config", join(configs, "clean.conf")], { env })).toMatchObject({ code: 0, stderr: "" });
    expect(cacheFiles(dir)).toHaveLength(32);
    expect(cacheFiles(dir).some((f) => f.includes("-check-"))).toBe(false);
  });

  it("replaces a corrupt cache and still gives the right answer", () => {
    const dir = cacheDir();
    kalint(["check", "--no-config", join(configs, "bad.conf")], { env: { KALINT_CACHE_DIR: dir } });
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
    kalint(["check", "--no-config", join(configs, "clean.conf")], { env: { KALINT_CACHE_DIR: dir } });
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

describe.skipIf(!built)("the loader's V8 flags", () => {
  it("bound the Jinja2 engine's memory as render/bounds.ts says, as the build wrote them", () => {
    const line = readFileSync(bundle, "utf8")
      .split("\n")
      .find((l) => l.startsWith("const V8_FLAGS = "))!;
    expect(JSON.parse(line.slice("const V8_FLAGS = ".length, -1))).toBe(v8Flags(ENGINE_MEMORY_PAGES));
    expect(v8Flags(ENGINE_MEMORY_PAGES)).toContain(`--wasm-max-mem-pages=${ENGINE_MEMORY_PAGES}`);
  });
});

describe("the kind of run a cache is kept for", () => {
  const kinds = { commands: COMMAND_NAMES, template: RENDER_MODE_OPTIONS };
  it.each([
    [["check", "a.conf"], "check"],
    [["a.conf", "b.conf"], "check"],
    [["-"], "check"],
    [["--format", "json", "a.conf"], "check"],
    [["diff", "a.conf", "b.conf"], "diff"],
    [["diff", "t.j2", "--node", "lb1=lb1.yml"], "diff-template"],
    [["check", "t.j2", "--vars=lb1.yml"], "check-template"],
    [["render", "t.j2", "--inventory", "inv.json"], "render-template"],
    [["simulate", "t.j2", "--defaults", "d.yml", "--node", "a=a.yml"], "simulate-template"],
    [["--version"], "options"],
    [["--help"], "options"],
    [[], "options"],
  ])("%j is a %s run", (argv, kind) => {
    expect(cacheKind(argv, kinds)).toBe(kind);
  });
});

/**
 * A cache V8 accepts for the bundle that runs other code: V8 checks only the source's length,
 * so an attacker compiles a script of that length. Returns the bytes and the file name kalint
 * would look for.
 */
function craftedCache(marker: string): { name: string; bytes: Buffer } {
  const wrapped = readFileSync(bundle, "utf8");
  const line = (key: string) => wrapped.split("\n").find((l) => l.startsWith(`const ${key} = `))!;
  const source = JSON.parse(line("SOURCE").slice("const SOURCE = ".length, -1)) as string;
  const build = JSON.parse(line("BUILD").slice("const BUILD = ".length, -1)) as string;
  const flags = JSON.parse(line("V8_FLAGS").slice("const V8_FLAGS = ".length, -1)) as string;
  const head = `(function (exports, require, module, __filename, __dirname) {require("fs").writeFileSync(${JSON.stringify(marker)}, "pwned");`;
  const evil = `${head}${" ".repeat(source.length - head.length - 3)}\n})`;
  // Made under the bundle's V8 flags, as an attacker would: V8 refuses a cache made under others.
  const make = `require("v8").setFlagsFromString(${JSON.stringify(flags)});
    const script = new (require("vm").Script)(${JSON.stringify(evil)}, { filename: ${JSON.stringify(bundle)} });
    process.stdout.write(script.createCachedData().toString("base64"));`;
  const bytes = Buffer.from(execFileSync(process.execPath, ["-"], { input: make, encoding: "utf8", maxBuffer: 1 << 26 }), "base64");
  // The cache `kalint --version` reads (a run with options only).
  return { name: `${build}-options-${process.version}-${process.arch}.v8cache`, bytes };
}

describe.skipIf(!built || process.getuid?.() !== 0)("the cache-path swap race, run as root against user nobody", () => {
  it("a crafted cache runs its code where kalint trusts the folder: the attack is real", () => {
    const dir = cacheDir();
    const marker = join(dir, "marker");
    const { name, bytes } = craftedCache(marker);
    writeFileSync(join(dir, name), bytes, { mode: 0o600 });
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    expect(existsSync(marker)).toBe(true);
  });

  it("never reads a cache through a folder another user can change, in 300 opens during a link swap loop", async () => {
    // base (root) ── legit/ (root, 700: root's real cache)
    //             └─ att/   (nobody: the folder on root's cache path another user controls)
    //                 ├─ evil/  (nobody: the crafted cache)
    //                 └─ cache  -> ../legit or evil, swapped in a loop
    const base = cacheDir();
    chmodSync(base, 0o755);
    const marker = join(base, "marker");
    const { name, bytes } = craftedCache(marker);
    mkdirSync(join(base, "legit"), { mode: 0o700 });
    const legit = Buffer.from("legit cache bytes");
    writeFileSync(join(base, "legit", name), legit, { mode: 0o600 });
    writeFileSync(join(base, "legit", `test-check-${process.version}-${process.arch}.v8cache`), legit, { mode: 0o600 });
    const att = join(base, "att");
    mkdirSync(join(att, "evil"), { recursive: true });
    writeFileSync(join(att, "evil", name), bytes, { mode: 0o600 });
    writeFileSync(join(att, "evil", `test-check-${process.version}-${process.arch}.v8cache`), bytes, { mode: 0o600 });
    for (const p of [
      att,
      join(att, "evil"),
      join(att, "evil", name),
      join(att, "evil", `test-check-${process.version}-${process.arch}.v8cache`),
    ])
      chownSync(p, 65534, 65534);
    const swapper = `
      const fs = require("fs"), a = ${JSON.stringify(att)};
      for (let i = 0; ; i++) {
        try { fs.rmSync(a + "/.l", { force: true }); fs.symlinkSync(i % 2 ? "evil" : ${JSON.stringify(join(base, "legit"))}, a + "/.l"); fs.renameSync(a + "/.l", a + "/cache"); } catch {}
      }`;
    const attacker = spawn("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", swapper], {
      stdio: "ignore",
    });
    try {
      for (const until = Date.now() + 10_000; Date.now() < until && !existsSync(join(att, "cache"));)
        await new Promise((r) => setTimeout(r, 5));
      const env = { KALINT_CACHE_DIR: join(att, "cache") };
      let legitReads = 0;
      let none = 0;
      for (let i = 0; i < 300; i++) {
        const r = openCodeCache(env, 0, "test") as { cachedData?: Buffer };
        expect(r.cachedData === undefined || r.cachedData.equals(legit)).toBe(true);
        if (r.cachedData) legitReads++;
        else none++;
      }
      for (let i = 0; i < 10; i++) {
        expect(kalint(["--version"], { env }).stdout).toMatch(/^kalint /);
        expect(existsSync(marker)).toBe(false);
      }
      console.log(
        `cache swap race: 300 opens, ${legitReads} read root's own cache, ${none} used none, 0 read the planted one; 10 runs of the bundle ran no planted code`,
      );
      // Both ways the link pointed were seen: the race was really run.
      expect(legitReads).toBeGreaterThan(0);
      expect(none).toBeGreaterThan(0);
    } finally {
      attacker.kill("SIGKILL");
    }
  }, 120_000);

  it("a cache file that is a link is not followed, even inside a folder of root's", () => {
    const dir = cacheDir();
    const marker = join(dir, "marker");
    const { name, bytes } = craftedCache(marker);
    writeFileSync(join(dir, "elsewhere"), bytes, { mode: 0o600 });
    symlinkSync("elsewhere", join(dir, name));
    kalint(["--version"], { env: { KALINT_CACHE_DIR: dir } });
    expect(existsSync(marker)).toBe(false);
  });
});
