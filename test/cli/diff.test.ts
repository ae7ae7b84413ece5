/** `kalint diff` through the built bundle: the example pairs, JSON differences, --ids, usage errors. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const bundle = join(root, "dist/kalint.js");
const built = existsSync(bundle);
if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint diff tests are skipped");

function kalint(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOut {
  files: string[];
  diagnostics: {
    file: string;
    line: number;
    code: string;
    message: string;
    related?: { file: string; line: number }[];
    fix?: { description: string };
  }[];
  differences: { path: string; master: string | null; backup: string | null; expected: boolean }[];
}

const json = (args: string[]) => {
  const r = kalint([...args, "--format", "json"]);
  return { code: r.code, out: JSON.parse(r.stdout) as JsonOut };
};

describe.runIf(built)("kalint diff", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-diff-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the seed LVS-DR pair: no cluster finding, and the differences marked expected or not", () => {
    const { out } = json(["diff", "examples/lvs-dr/master.conf", "examples/lvs-dr/backup.conf"]);
    expect(out.diagnostics.filter((d) => ["vrid-mismatch", "priority-tie", "priority-inverted", "peer-missing"].includes(d.code))).toEqual(
      [],
    );
    expect(out.differences).toEqual([
      { path: "global_defs > smtp_server", master: "192.168.1.114", backup: "192.168.1.112", expected: false },
      { path: "global_defs > router_id", master: "LVS_MASTER", backup: "LVS_BACKUP", expected: true },
      { path: "vrrp_instance VI_1 > state", master: "MASTER", backup: "BACKUP", expected: true },
      { path: "vrrp_instance VI_1 > priority", master: "100", backup: "99", expected: true },
    ]);
  });

  test("the broken pair: wrong VRID with its fix, tied priority, and the emptied virtual_server", () => {
    const { code, out } = json(["diff", "examples/lvs-dr-broken/master.conf", "examples/lvs-dr-broken/backup.conf"]);
    expect(code).toBe(1);
    const vrid = out.diagnostics.find((d) => d.code === "vrid-mismatch");
    expect(vrid).toMatchObject({
      file: "examples/lvs-dr-broken/backup.conf",
      line: 15,
      related: [{ file: "examples/lvs-dr-broken/master.conf", line: 11 }],
      fix: { description: "use 51" },
    });
    expect(out.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["vrid-mismatch", "priority-tie", "virtual-server-mismatch"]),
    );
    expect(out.differences).toContainEqual({ path: "vrrp_instance WEB > virtual_router_id", master: "51", backup: "52", expected: false });
  });

  test("text output: the side-by-side table, then one line per finding with the peer's place", () => {
    const r = kalint(["diff", "examples/lvs-dr-broken/master.conf", "examples/lvs-dr-broken/backup.conf"]);
    const lines = r.stdout.split("\n");
    const row = lines.find((l) => l.includes("vrrp_instance WEB > virtual_router_id"))!;
    expect(row).toMatch(/virtual_router_id\s+51\s+52\s+differs$/);
    const expected = lines.find((l) => l.includes("vrrp_instance WEB > state"))!;
    expect(expected).toMatch(/MASTER\s+BACKUP\s+expected$/);
    expect(r.stdout).toContain("examples/lvs-dr-broken/backup.conf:15:23: error [vrid-mismatch]");
    expect(r.stdout).not.toContain("\x1b[");
  });

  test("--color paints the table", () => {
    expect(kalint(["diff", "--color", "examples/lvs-dr-broken/master.conf", "examples/lvs-dr-broken/backup.conf"]).stdout).toContain(
      "\x1b[33m",
    );
  });

  test("one file with @main/@backup lines and --ids main,backup", () => {
    const file = join(dir, "cluster.conf");
    writeFileSync(
      file,
      `vrrp_instance VI_1 {
    interface eth0
@main    state MASTER
@main    priority 120
@backup  state BACKUP
@backup  priority 120
    virtual_router_id 40
    virtual_ipaddress {
        10.8.0.1/24
    }
}
`,
    );
    const { out } = json(["diff", file, "--ids", "main,backup"]);
    expect(out.files).toEqual([file]);
    const tie = out.diagnostics.filter((d) => d.code === "priority-tie");
    expect(tie).toHaveLength(1);
    expect(tie[0]).toMatchObject({ line: 6, related: [{ line: 4 }] });
    expect(out.differences).toEqual([{ path: "vrrp_instance VI_1 > state", master: "MASTER", backup: "BACKUP", expected: true }]);
  });

  test("usage errors exit 2 with one line", () => {
    const one = kalint(["diff", "examples/lvs-dr/master.conf"]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("diff needs two files");
    const three = kalint(["diff", "examples/lvs-dr/master.conf", "--ids", "a,b,c"]);
    expect(three.code).toBe(2);
    const missing = kalint(["diff", "examples/lvs-dr/master.conf", join(dir, "nope.conf")]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("the cluster rules are listed and explained", () => {
    const rules = kalint(["rules"]).stdout;
    for (const code of ["vrid-mismatch", "priority-tie", "track-weight-insufficient", "fleet-vrid-collision"])
      expect(rules).toContain(code);
    expect(kalint(["explain", "vrid-mismatch"]).stdout).toContain("virtual_router_id");
  });
});
