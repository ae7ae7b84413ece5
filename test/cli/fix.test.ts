/** `kalint check --fix` through the built bundle: safe fixes in place, atomically, and a re-check of what remains. */
import { spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readDecodedFile } from "../../grammar/node-host.js";
import { rewriteChecked } from "../../server/src/cli/fix.js";
import { InputError } from "../../server/src/cli/inputs.js";
import { built, bundle, CLEAN, kalint, removeTrees, tempTree, WITH_WARNING } from "./run-kalint.js";

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

  test("a symbolic link is refused unless --force; then the link stays a link to the fixed file, which keeps its mode", () => {
    const dir = temp({ "real/a.conf": DEPRECATED });
    chmodSync(join(dir, "real/a.conf"), 0o640);
    symlinkSync("real/a.conf", join(dir, "link.conf"));
    expect(kalint(["check", "--fix", "link.conf"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "kalint: cannot write link.conf: it is a symbolic link; kalint writes only to the file itself (--force writes through the link)\n",
    });
    expect(readFileSync(join(dir, "real/a.conf"), "utf8")).toBe(DEPRECATED);
    const r = kalint(["check", "--fix", "--force", "link.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.conf")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.conf"))).toBe("real/a.conf");
    expect(readFileSync(join(dir, "real/a.conf"), "utf8")).toBe(FIXED);
    expect(statSync(join(dir, "real/a.conf")).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, "real"))).toEqual(["a.conf"]);
  });

  test("bytes the fix does not touch stay as they were: CRLF line ends and non-UTF-8 comment bytes", () => {
    const dir = temp({});
    const latin1 = Buffer.concat([
      Buffer.from("# caf"),
      Buffer.from([0xe9]),
      Buffer.from("\r\n"),
      Buffer.from(DEPRECATED.replace(/\n/g, "\r\n")),
    ]);
    writeFileSync(join(dir, "a.conf"), latin1);
    expect(kalint(["check", "--fix", "a.conf"], { cwd: dir }).code).toBe(0);
    const expected = Buffer.concat([
      Buffer.from("# caf"),
      Buffer.from([0xe9]),
      Buffer.from("\r\n"),
      Buffer.from(FIXED.replace(/\n/g, "\r\n")),
    ]);
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

describe.runIf(built)("kalint check --fix writes only the file it checked", () => {
  test("the file keeps its inode, so its hard links and owner stay; a read-only file is refused unless --force", () => {
    const dir = temp({ "a.conf": DEPRECATED });
    linkSync(join(dir, "a.conf"), join(dir, "other-name.conf"));
    const before = statSync(join(dir, "a.conf"));
    expect(kalint(["check", "--fix", "a.conf"], { cwd: dir }).code).toBe(0);
    const after = statSync(join(dir, "a.conf"));
    expect([after.ino, after.nlink, after.uid, after.gid, after.mode]).toEqual([before.ino, 2, before.uid, before.gid, before.mode]);
    expect(readFileSync(join(dir, "other-name.conf"), "utf8")).toBe(FIXED);

    const ro = temp({ "a.conf": DEPRECATED });
    chmodSync(join(ro, "a.conf"), 0o444);
    expect(kalint(["check", "--fix", "a.conf"], { cwd: ro })).toMatchObject({
      code: 2,
      stderr: "kalint: cannot write a.conf: it is read-only (--force rewrites it anyway)\n",
    });
    expect(readFileSync(join(ro, "a.conf"), "utf8")).toBe(DEPRECATED);
  });

  test("20,000 fixes in one file are applied in linear time", () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `vrrp_track_file f${i} {\n    file /run/f${i}\n}\n`).join("");
    const dir = temp({ "many.conf": blocks });
    const started = performance.now();
    const r = kalint(["check", "--fix", "--format", "json", "--disable", "unused-definition", "many.conf"], { cwd: dir });
    const seconds = (performance.now() - started) / 1000;
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "many.conf"), "utf8")).toBe(blocks.replace(/^vrrp_track_file /gm, "track_file "));
    // Quadratic planning took 104 s here; linear is a few seconds even on a loaded machine.
    expect(seconds).toBeLessThan(30);
    console.log(`--fix of 20,000 fixes: ${seconds.toFixed(2)} s`);
  }, 60_000);

  test("killed while it writes, it leaves no file behind but the one it fixes", async () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `vrrp_track_file f${i} {\n    file /run/f${i}\n}\n`).join("");
    for (const delay of [150, 300, 450, 600, 900]) {
      const dir = temp({ "many.conf": blocks });
      const child = spawn(process.execPath, [bundle, "check", "--fix", "many.conf"], { cwd: dir, stdio: "ignore" });
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect(readdirSync(dir)).toEqual(["many.conf"]);
    }
  }, 60_000);
});

/**
 * The attack: a user who can write an included folder swaps the included file for a link to a
 * file of root's while root runs --fix. Fixing reads the file, then writes; anything that looks
 * the path up again between the two can be sent to the link's target. Here the attacker swaps
 * as fast as it can while root fixes hundreds of times; root's file must never change.
 */
describe.runIf(built && process.getuid?.() === 0)("the include-folder swap race, run as root against user nobody", () => {
  test("root's file is never written, in 300 fixes during a swap loop", async () => {
    const dir = temp({ "victim.conf": "VICTIM\n", "main.conf": "include conf.d/*.conf\n", "conf.d/x.conf": DEPRECATED });
    chmodSync(dir, 0o755);
    const confd = join(dir, "conf.d");
    chownSync(confd, 65534, 65534);
    chownSync(join(confd, "x.conf"), 65534, 65534);
    const swapper = `
      const fs = require("fs"), p = require("path"), d = ${JSON.stringify(confd)}, text = ${JSON.stringify(DEPRECATED)};
      const x = p.join(d, "x.conf"), f = p.join(d, ".f"), l = p.join(d, ".l");
      for (;;) {
        try { fs.writeFileSync(f, text); fs.renameSync(f, x); } catch {}
        try { fs.rmSync(l, { force: true }); fs.symlinkSync("../victim.conf", l); fs.renameSync(l, x); } catch {}
      }`;
    const attacker = spawn("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", swapper], {
      stdio: "ignore",
    });
    try {
      // Wait until the swapping has begun.
      const x = join(confd, "x.conf");
      for (const until = Date.now() + 10_000; Date.now() < until && !lstatSync(x, { throwIfNoEntry: false })?.isSymbolicLink();)
        await new Promise((r) => setTimeout(r, 5));
      let written = 0;
      let refused = 0;
      let tries = 0;
      for (; tries < 300; tries++) {
        // What the analysis does: read the file (following a link, as an include does)...
        const read = readDecodedFile(x, 1 << 20);
        if ("refused" in read || read.text !== DEPRECATED) {
          tries--;
          continue;
        }
        // ...the analysis takes a moment, the swapper swaps...
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        // ...and what --fix then does with it.
        try {
          rewriteChecked(x, read.text, FIXED, { stamp: read.stamp });
          written++;
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          refused++;
        }
        expect(readFileSync(join(dir, "victim.conf"), "utf8")).toBe("VICTIM\n");
      }
      // Through the whole command too, a few times.
      for (let i = 0; i < 10; i++) {
        kalint(["check", "--fix", "--no-config", "main.conf"], { cwd: dir });
        expect(readFileSync(join(dir, "victim.conf"), "utf8")).toBe("VICTIM\n");
      }
      console.log(
        `include swap race: ${tries} tries, ${written} fixes written to the included file, ${refused} refused, root's file untouched`,
      );
      // Both outcomes happened: the race was really run.
      expect(written).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    } finally {
      attacker.kill("SIGKILL");
    }
  }, 120_000);
});
