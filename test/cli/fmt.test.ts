/** `kalint fmt` through the built bundle: printing, --check, --write, stdin, and refusing broken files. */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const bundle = join(root, "dist/kalint.js");
const built = existsSync(bundle);
if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint fmt tests are skipped");

const MESSY = "global_defs{router_id a}\nvrrp_instance VI_1\n{\n\tstate MASTER # main\n}\n";
const TIDY = "global_defs {\n    router_id a\n}\nvrrp_instance VI_1 {\n    state MASTER # main\n}\n";
const BROKEN = "vrrp_instance VI_1 {\n    state MASTER\n";

describe.runIf(built)("kalint fmt", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-fmt-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  function file(text: string | Buffer): string {
    const path = join(dir, `f${++n}.conf`);
    writeFileSync(path, text);
    return path;
  }
  function kalint(args: string[], input?: string) {
    const r = spawnSync(process.execPath, [bundle, "fmt", ...args], { cwd: dir, input, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test("prints the formatted file and leaves the file alone", () => {
    const f = file(MESSY);
    expect(kalint([f])).toEqual({ code: 0, stdout: TIDY, stderr: "" });
    expect(readFileSync(f, "utf8")).toBe(MESSY);
  });

  test("--check names the files that would change and exits 1; tidy files pass", () => {
    const messy = file(MESSY);
    const tidy = file(TIDY);
    expect(kalint(["--check", messy, tidy])).toEqual({ code: 1, stdout: `${messy}\n`, stderr: "" });
    expect(kalint(["--check", tidy])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("--write rewrites in place, keeps the permission bits and leaves no temporary file", () => {
    const f = file(MESSY);
    chmodSync(f, 0o640);
    expect(kalint(["--write", f])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(f, "utf8")).toBe(TIDY);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((e) => e.includes(".tmp"))).toEqual([]);
    expect(kalint(["--check", f]).code).toBe(0);
  });

  test("--write refuses a symbolic link; with --force it rewrites the target and keeps the link", () => {
    const target = file(MESSY);
    const link = join(dir, "link.conf");
    symlinkSync(target, link);
    expect(kalint(["--write", link])).toEqual({
      code: 2,
      stdout: "",
      stderr: `kalint: cannot write ${link}: it is a symbolic link; kalint writes only to the file itself (--force writes through the link)\n`,
    });
    expect(readFileSync(target, "utf8")).toBe(MESSY);
    expect(kalint(["--write", "--force", link]).code).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(TIDY);
    expect(
      readdirSync(dir, { withFileTypes: true })
        .find((e) => e.name === "link.conf")!
        .isSymbolicLink(),
    ).toBe(true);
  });

  test("--write refuses a read-only file unless --force, and keeps its mode either way", () => {
    const f = file(MESSY);
    chmodSync(f, 0o444);
    expect(kalint(["--write", f])).toEqual({
      code: 2,
      stdout: "",
      stderr: `kalint: cannot write ${f}: it is read-only (--force rewrites it anyway)\n`,
    });
    expect(readFileSync(f, "utf8")).toBe(MESSY);
    if (process.getuid?.() === 0) {
      // Only root can open a read-only file for writing.
      expect(kalint(["--write", "--force", f]).code).toBe(0);
      expect(readFileSync(f, "utf8")).toBe(TIDY);
      expect(statSync(f).mode & 0o777).toBe(0o444);
    }
  });

  test("a CRLF file is rewritten with CRLF line breaks", () => {
    const f = file(MESSY.replace(/\n/g, "\r\n"));
    kalint(["--write", f]);
    expect(readFileSync(f, "utf8")).toBe(TIDY.replace(/\n/g, "\r\n"));
  });

  test("bytes that are not UTF-8 are written back unchanged", () => {
    const f = file(Buffer.concat([Buffer.from("global_defs {\n# caf"), Buffer.from([0xe9]), Buffer.from("\nrouter_id a\n}\n")]));
    expect(kalint(["--write", f]).code).toBe(0);
    expect(readFileSync(f)).toEqual(
      Buffer.concat([Buffer.from("global_defs {\n    # caf"), Buffer.from([0xe9]), Buffer.from("\n    router_id a\n}\n")]),
    );
  });

  test("a file that does not parse is refused with its syntax errors, exit 1, and never rewritten", () => {
    const f = file(BROKEN);
    const r = kalint(["--write", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f}:1:1: error [syntax-error] `);
    expect(readFileSync(f, "utf8")).toBe(BROKEN);
  });

  test("with several files, the broken one is refused and the others are still written", () => {
    const broken = file(BROKEN);
    const messy = file(MESSY);
    expect(kalint(["--write", broken, messy]).code).toBe(1);
    expect(readFileSync(messy, "utf8")).toBe(TIDY);
  });

  test("'-' formats standard input to standard output, errors named after --stdin-filename", () => {
    expect(kalint(["-"], MESSY)).toEqual({ code: 0, stdout: TIDY, stderr: "" });
    const r = kalint(["-", "--stdin-filename", "node1.conf"], BROKEN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^node1\.conf:1:1: error \[syntax-error\] /);
  });

  test("usage errors exit 2 with one line: --write on stdin, --check with --write, a missing file", () => {
    const stdinWrite = kalint(["--write", "-"], MESSY);
    expect(stdinWrite.code).toBe(2);
    expect(stdinWrite.stderr).toMatch(/^kalint: fmt --write cannot rewrite standard input/);
    expect(kalint(["--check", "--write", file(TIDY)]).code).toBe(2);
    const missing = kalint([join(dir, "nope.conf")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`kalint: cannot read ${join(dir, "nope.conf")}: no such file or directory\n`);
  });
});
