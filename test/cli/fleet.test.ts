/** `kalint fleet` through the built bundle: grouping a directory into clusters, collisions, summary. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const bundle = join(root, "dist/kalint.js");
const built = existsSync(bundle);
if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint fleet tests are skipped");

const node = (state: "MASTER" | "BACKUP", name: string, vrid: number, vip: string) => `vrrp_instance ${name} {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${state === "MASTER" ? 150 : 100}
    virtual_ipaddress {
        ${vip}
    }
}
`;

describe.runIf(built)("kalint fleet", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-fleet-"));
  beforeAll(() => {
    mkdirSync(join(dir, "web"));
    mkdirSync(join(dir, "db"));
    writeFileSync(join(dir, "web/a.conf"), node("MASTER", "WEB", 51, "10.0.0.10/24"));
    writeFileSync(join(dir, "web/b.conf"), node("BACKUP", "WEB", 51, "10.0.0.10/24"));
    writeFileSync(join(dir, "db/a.conf"), node("MASTER", "DB", 51, "10.0.0.20/24"));
    writeFileSync(join(dir, "db/b.conf"), node("BACKUP", "DB", 51, "10.0.0.20/24"));
    writeFileSync(join(dir, "notes.txt"), "not a config");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function kalint(args: string[]) {
    const r = spawnSync(process.execPath, [bundle, "fleet", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test("JSON: the clusters found and the VRID collision between them, with a free VRID as the fix", () => {
    const r = kalint([".", "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      files: string[];
      clusters: { nodes: string[]; instances: { name: string; vrid: number; segment: string }[] }[];
      diagnostics: {
        file: string;
        code: string;
        message: string;
        fix?: { description: string; edits: { file?: string; newText: string }[] };
      }[];
    };
    expect(out.files).toHaveLength(4);
    expect(out.clusters.map((c) => c.nodes)).toEqual([
      ["db/a.conf", "db/b.conf"],
      ["web/a.conf", "web/b.conf"],
    ]);
    expect(out.clusters[0]!.instances[0]).toMatchObject({ name: "DB", vrid: 51, segment: "10.0.0.0/24" });
    const collisions = out.diagnostics.filter((d) => d.code === "fleet-vrid-collision");
    expect(collisions).toHaveLength(1);
    expect(collisions[0]!.file).toBe("web/a.conf");
    expect(collisions[0]!.fix?.description).toBe("use 1");
    expect(collisions[0]!.fix?.edits.map((e) => e.file ?? "web/a.conf")).toEqual(["web/a.conf", "web/b.conf"]);
  });

  test("text: a summary per cluster and the suggested free VRID", () => {
    const r = kalint(["db", "web"]);
    expect(r.stdout).toContain("cluster 1: db/a.conf, db/b.conf");
    expect(r.stdout).toMatch(/DB\s+VRID 51\s+10\.0\.0\.0\/24\s+VIPs 10\.0\.0\.20\s+\(2 of 2 nodes\)/);
    expect(r.stdout).toContain("VRID 51 on 10.0.0.0/24: cluster 1 (DB) and cluster 2 (WEB); suggested free VRID for cluster 2: 1");
    expect(r.stdout).toContain("2 clusters, 4 nodes, 1 VRID collision");
  });

  test("one cluster alone is clean, and --disable turns the collision off", () => {
    expect(kalint(["web"]).code).toBe(0);
    expect(kalint([".", "--disable", "fleet-vrid-collision"]).code).toBe(0);
  });

  test("a missing operand is an input error", () => {
    const r = kalint(["nowhere"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read nowhere");
  });
});
