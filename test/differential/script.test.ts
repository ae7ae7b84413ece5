/** `npm run differential -- PATH...` (scripts/differential.mjs) on a small directory of its own. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { unavailableReason } from "./harness.js";

const ROOT = resolve(__dirname, "../..");
const unavailable = unavailableReason();
if (unavailable) console.warn(`[differential script] SKIPPED: ${unavailable}`);

const CLEAN =
  "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n";

describe.skipIf(unavailable !== undefined)("scripts/differential.mjs", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-differential-script-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("compares every .conf below a directory and reports agreement", () => {
    writeFileSync(join(dir, "clean.conf"), CLEAN);
    writeFileSync(join(dir, "broken.conf"), CLEAN.replace("priority 100", "priority 300"));
    writeFileSync(join(dir, "notes.txt"), "not a configuration");
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/differential.mjs"), dir], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("differential against keepalived 2.2.7: 2 files");
    expect(r.stdout).toContain("agreement 100.00% (2/2)");
    expect(r.status).toBe(0);
  });

  test("--keepalived PATH takes that binary and its version; --target-version X alone takes release X", () => {
    const a = spawnSync(process.execPath, [join(ROOT, "scripts/differential.mjs"), "--keepalived", "/usr/sbin/keepalived", dir], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(a.stdout).toContain("differential against keepalived 2.2.7: 2 files");
    expect(a.status).toBe(0);
    const b = spawnSync(process.execPath, [join(ROOT, "scripts/differential.mjs"), "--target-version", "2.2.7", dir], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(b.stdout).toContain("differential against keepalived 2.2.7: 2 files");
    // A binary of another release than the target is compared as asked, with a notice.
    const c = spawnSync(
      process.execPath,
      [join(ROOT, "scripts/differential.mjs"), "--keepalived", "/usr/sbin/keepalived", "--target-version", "2.2.8", dir],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(c.stdout).toContain("NOTICE: /usr/sbin/keepalived is keepalived 2.2.7; kalint targets 2.2.8 as asked");
    expect(c.stdout).toContain("differential against keepalived 2.2.8: 2 files");
  });

  test.each([
    [["--target-version", "2.2"], "--target-version takes a version like 2.2.7"],
    [["--keepalived"], "--keepalived needs a value"],
    [["--keepalived", "/nonexistent/keepalived"], "no such file"],
    [["--frobnicate"], "unknown option --frobnicate"],
  ])("%j is refused in one line, exit 2", (args, message) => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/differential.mjs"), dir, ...args], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  test("a missing path is one line and exit 2", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts/differential.mjs"), join(dir, "absent")], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
