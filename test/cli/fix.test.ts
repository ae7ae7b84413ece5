/** `kalint check --fix` through the built bundle: safe fixes in place, atomically, and a re-check of what remains. */
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, kalint, removeTrees, tempTree, WITH_WARNING } from "./run-kalint.js";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint --fix tests are skipped");

const temp = (files: Record<string, string>) => tempTree(files, "kalint-fix-");
afterAll(removeTrees);

// lvs_flush_onstop is a deprecated spelling of lvs_flush_on_stop: a safe rename.
const DEPRECATED = CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    lvs_flush_onstop\n");
const FIXED = CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    lvs_flush_on_stop\n");

describe.runIf(built)("kalint check --fix", () => {
  test("applies the safe fix in place, re-checks, and reports what remains and how many were fixed", () => {
    const dir = temp({ "a.conf": DEPRECATED.replace("    priority 100\n", "    priority 100\n    priority 90\n") });
    const r = kalint(["check", "--fix", "a.conf"], { cwd: dir });
    expect(readFileSync(join(dir, "a.conf"), "utf8")).toBe(FIXED.replace("    priority 100\n", "    priority 100\n    priority 90\n"));
    expect(r).toEqual({
      code: 0,
      stdout:
        "a.conf:11:5: warning [duplicate-keyword] priority is already set in this block (line 10); only one of them takes effect\n" +
        "    a.conf:10:5: first set here\n" +
        "1 file checked: 0 errors, 1 warning, 0 info, 1 fixed\n",
      stderr: "",
    });
    expect(readdirSync(dir)).toEqual(["a.conf"]);
  });

  test("the file keeps its permission bits, a symbolic link stays a link to the fixed file", () => {
    const dir = temp({ "real/a.conf": DEPRECATED });
    chmodSync(join(dir, "real/a.conf"), 0o640);
    symlinkSync("real/a.conf", join(dir, "link.conf"));
    const r = kalint(["check", "--fix", "link.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.conf")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.conf"))).toBe("real/a.conf");
    expect(readFileSync(join(dir, "real/a.conf"), "utf8")).toBe(FIXED);
    expect(statSync(join(dir, "real/a.conf")).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, "real"))).toEqual(["a.conf"]);
  });

  test("bytes the fix does not touch stay as they were: CRLF line ends and non-UTF-8 comment bytes", () => {
    const dir = temp({});
    const latin1 = Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\r\n"), Buffer.from(DEPRECATED.replace(/\n/g, "\r\n"))]);
    writeFileSync(join(dir, "a.conf"), latin1);
    expect(kalint(["check", "--fix", "a.conf"], { cwd: dir }).code).toBe(0);
    const expected = Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\r\n"), Buffer.from(FIXED.replace(/\n/g, "\r\n"))]);
    expect(readFileSync(join(dir, "a.conf")).equals(expected)).toBe(true);
  });

  test("fixes land in the included file they point into", () => {
    const dir = temp({ "main.conf": "include parts/*.conf\n", "parts/g.conf": DEPRECATED });
    const r = kalint(["check", "--fix", "--format", "json", "main.conf"], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ files: ["main.conf"], diagnostics: [] });
    expect(readFileSync(join(dir, "parts/g.conf"), "utf8")).toBe(FIXED);
    expect(readFileSync(join(dir, "main.conf"), "utf8")).toBe("include parts/*.conf\n");
  });

  test("a file with nothing safe to fix is not rewritten; fixes that need review are left alone", () => {
    const dir = temp({ "a.conf": WITH_WARNING, "b.conf": `# kalint disable=duplicate-keyword -- no longer needed\n${CLEAN}` });
    const before = [statSync(join(dir, "a.conf")).ino, statSync(join(dir, "b.conf")).ino];
    const r = kalint(["check", "--fix", "a.conf", "b.conf", "--fail-on", "warning"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("b.conf:1:1: warning [unused-suppression]");
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("2 files checked: 0 errors, 2 warnings, 0 info, 0 fixed");
    expect([statSync(join(dir, "a.conf")).ino, statSync(join(dir, "b.conf")).ino]).toEqual(before);
    expect(readFileSync(join(dir, "b.conf"), "utf8").startsWith("# kalint disable=duplicate-keyword")).toBe(true);
  });

  test("without --fix nothing is written", () => {
    const dir = temp({ "a.conf": DEPRECATED });
    const r = kalint(["check", "a.conf"], { cwd: dir });
    expect(r.stdout).toContain("[deprecated-keyword]");
    expect(r.stdout).not.toContain("fixed");
    expect(readFileSync(join(dir, "a.conf"), "utf8")).toBe(DEPRECATED);
  });
});
