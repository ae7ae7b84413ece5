/**
 * Render mode through the built bundle (docs/templates.md, Render mode): kalint render, check TEMPLATE --vars,
 * diff TEMPLATE --node ... | --inventory ..., and their one-line usage errors.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseArgs } from "../../server/src/cli/args.js";
import { COMMAND_NAMES, RENDER_MODE_OPTIONS } from "../../server/src/cli/command-words.js";
import { isRenderMode } from "../../server/src/cli/commands/render.js";

const root = resolve(__dirname, "../..");
const bundle = join(root, "dist/kalint.js");
const built = existsSync(bundle);

interface Finding {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
  node?: string;
  related?: { file: string; line: number; message: string }[];
}

// The bundle's loader keeps render mode's compile cache apart by RENDER_MODE_OPTIONS: they must be what isRenderMode reads.
test("RENDER_MODE_OPTIONS are the options that put a command in render mode", () => {
  // Each option as a command takes it whole (diff and simulate need two nodes).
  const given: Record<string, string[]> = {
    "--node": ["--node", "lb1=lb1.yml", "--node", "lb2=lb2.yml"],
    "--inventory": ["--inventory", "inventory.json", "--hosts", "lb1,lb2"],
  };
  const commands = COMMAND_NAMES.filter((c) => c !== "help" && c !== "version");
  for (const option of RENDER_MODE_OPTIONS) {
    const modes = commands.flatMap((c) => {
      try {
        return [isRenderMode(parseArgs([c, "t.j2", ...(given[option] ?? [option, "x.yml"])], {}, false))];
      } catch {
        return [];
      }
    });
    expect(modes.length, option).toBeGreaterThan(0);
    expect(modes.every(Boolean), option).toBe(true);
  }
  // Options that go with render mode but do not start it (--hosts and --group need --inventory, so they are not here).
  for (const [option, v] of [
    ["--template-path", "t"],
    ["--format", "json"],
    ["--target-version", "2.2.7"],
  ] as const) {
    const modes = commands.flatMap((c) => {
      try {
        return [isRenderMode(parseArgs([c, "a.conf", "b.conf", option, v], {}, false))];
      } catch {
        return [];
      }
    });
    expect(modes.length, option).toBeGreaterThan(0);
    expect(modes.some(Boolean), option).toBe(false);
  }
});

describe.runIf(built)("render mode on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalint-render-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (p: string, text: string) => {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  };
  // A role whose template reads the priority from the role defaults only: every node gets the same.
  write(
    "roles/lb/templates/keepalived.conf.j2",
    [
      "# {{ ansible_managed }}",
      "vrrp_instance VI_1 {",
      "    state {{ lb_state }}",
      "    interface {{ lb_iface | default('eth0') }}",
      "    virtual_router_id 51",
      "    priority {{ lb_priority }}",
      "    unicast_src_ip {{ lb_ip }}",
      "    unicast_peer {",
      "{% for host in groups['all'] %}",
      "        {{ hostvars[host]['lb_ip'] }}",
      "{% endfor %}",
      "    }",
      "    virtual_ipaddress {",
      "        {{ lb_vip }}",
      "    }",
      "}",
      "",
    ].join("\n"),
  );
  write("roles/lb/defaults/main.yml", "lb_priority: 100\nlb_vip: 192.0.2.100/24\n");
  write("host_vars/lb1.yml", "lb_state: MASTER\nlb_ip: 192.0.2.11\n");
  write("host_vars/lb2.yml", "lb_state: BACKUP\nlb_ip: 192.0.2.12\n");
  write(
    "inventory.json",
    JSON.stringify({
      _meta: { hostvars: { lb1: { lb_state: "MASTER", lb_ip: "192.0.2.11" }, lb2: { lb_state: "BACKUP", lb_ip: "192.0.2.12" } } },
      all: { children: ["ungrouped", "lb"] },
      lb: { hosts: ["lb1", "lb2"] },
    }),
  );
  const template = "roles/lb/templates/keepalived.conf.j2";
  /** The template with the role's defaults and one vars file per node: the arguments most tests give. */
  const role = [template, "--defaults", "roles/lb/defaults/main.yml", "--node", "lb1=host_vars/lb1.yml", "--node", "lb2=host_vars/lb2.yml"];
  const kalint = (args: string[]) => {
    const r = spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (args: string[]) => {
    const r = kalint([...args, "--format", "json"]);
    expect(r.stderr).toBe("");
    return {
      code: r.code,
      out: JSON.parse(r.stdout) as {
        files: string[];
        diagnostics: Finding[];
        differences: {
          path: string;
          master: string | null;
          backup: string | null;
          nodes: Record<string, string | null>;
          expected: boolean;
        }[];
      },
    };
  };

  test("diff --node: priority-tie at the template's priority line, naming both nodes", () => {
    const { out } = json(["diff", ...role]);
    const tie = out.diagnostics.filter((d) => d.code === "priority-tie");
    expect(tie).toHaveLength(1);
    expect(tie[0]).toMatchObject({ file: template, line: 6, node: "lb2" });
    expect(tie[0]!.message).toContain(`lb1 at ${template}:6`);
    expect(tie[0]!.related).toEqual([
      { file: template, line: 6, column: expect.any(Number), message: "peer with the same priority (on lb1)" },
    ]);
    // The loop over every host writes each node's own address among its peers: on each node, its own address.
    const self = out.diagnostics.filter((d) => d.code === "unicast-peer-self");
    expect(self.map((d) => [d.line, d.node])).toEqual([
      [10, "lb1"],
      [10, "lb2"],
    ]);
    // The failover simulation tells the rendered nodes apart by name (no node is simulated twice under one name).
    expect(
      out.diagnostics
        .filter((d) => d.code === "failover-outage")
        .map((d) => d.message)
        .join("\n"),
    ).not.toMatch(/keepalived\.conf and keepalived\.conf/);
    expect(out.differences.find((d) => d.path === "vrrp_instance VI_1 > state")).toMatchObject({
      nodes: { lb1: "MASTER", lb2: "BACKUP" },
      master: "MASTER",
      backup: "BACKUP",
      expected: true,
    });
  });

  test("a finding every node shares is reported once, without a node", () => {
    write("host_vars/wide.yml", "lb_vip: 192.0.2.100/24\nlb_priority: 100\n");
    write(
      "roles/lb/templates/vrid.conf.j2",
      "vrrp_instance VI_1 {\n    state {{ lb_state }}\n    interface eth0\n    virtual_router_id {{ 250 + 50 }}\n    priority {{ 200 if lb_state == 'MASTER' else 100 }}\n    virtual_ipaddress {\n        {{ lb_vip }}\n    }\n}\n",
    );
    const { out } = json([
      "diff",
      "roles/lb/templates/vrid.conf.j2",
      "--defaults",
      "host_vars/wide.yml",
      "--node",
      "lb1=host_vars/lb1.yml",
      "--node",
      "lb2=host_vars/lb2.yml",
    ]);
    const range = out.diagnostics.filter((d) => d.line === 4);
    expect(range).toHaveLength(1);
    expect(range[0]!.node).toBeUndefined();
    expect(range[0]!.severity).toBe("error");
  });

  test("diff --inventory --group: the same findings", () => {
    const { out } = json(["diff", template, "--defaults", "roles/lb/defaults/main.yml", "--inventory", "inventory.json", "--group", "lb"]);
    const tie = out.diagnostics.filter((d) => d.code === "priority-tie");
    expect(tie.map((d) => [d.file, d.line, d.node])).toEqual([[template, 6, "lb2"]]);
    expect(tie[0]!.message).toContain("lb1 at");
    const hosts = json([
      "diff",
      template,
      "--defaults",
      "roles/lb/defaults/main.yml",
      "--inventory",
      "inventory.json",
      "--hosts",
      "lb1,lb2",
    ]).out;
    expect(hosts.diagnostics.filter((d) => d.code === "priority-tie").map((d) => d.node)).toEqual(["lb2"]);
  });

  test("simulate TEMPLATE --node: the rendered nodes are the simulation's (docs/simulate.md, docs/templates.md)", () => {
    const r = kalint(["simulate", ...role, "--format", "json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { nodes?: unknown; scenarios: { id: string; addresses?: unknown }[] };
    expect(JSON.stringify(out)).toContain("lb1");
    expect(JSON.stringify(out)).toContain("lb2");
    expect(out.scenarios.length).toBeGreaterThan(1);
    const bad = kalint(["simulate", template, "--node", "lb1=host_vars/lb1.yml", "--node", "lb2=host_vars/lb2.yml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `kalint: ${template}:6: [template-undefined-variable] 'lb_priority' is undefined on node lb1; searched host_vars/lb1.yml\n`,
    );
  });

  test("text output names the node in parentheses, and the table has a column per node", () => {
    const r = kalint(["diff", ...role]);
    expect(r.stdout).toContain(`${template}:6:5: warning [priority-tie] (lb2) priority 100 ties with its peer`);
    expect(r.stdout).toMatch(/path\s+lb1\s+lb2/);
  });

  test("render prints one node; --map shows the template line of each line", () => {
    const r = kalint(["render", template, "--defaults", "roles/lb/defaults/main.yml", "--vars", "host_vars/lb2.yml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("    state BACKUP\n    interface eth0\n");
    expect(r.stdout).toContain("    unicast_peer {\n        192.0.2.12\n    }");
    const m = kalint(["render", template, "--defaults", "roles/lb/defaults/main.yml", "--vars", "host_vars/lb2.yml", "--map"]);
    expect(m.stdout).toContain(`${template}:6  |     priority 100`);
    expect(m.stdout).toContain(`${template}:10 |         192.0.2.12`);
  });

  test("check --vars lints one node at the template's lines; an undefined variable names itself and the files", () => {
    const { code, out } = json(["check", template, "--vars", "host_vars/lb1.yml"]);
    expect(code).toBe(1);
    expect(out.diagnostics.map((d) => [d.code, d.line, d.node])).toEqual([["template-undefined-variable", 6, "lb1"]]);
    expect(out.diagnostics[0]!.message).toBe("'lb_priority' is undefined on node lb1; searched host_vars/lb1.yml");
  });

  test("the render codes are registry codes: the rc file's and the command line's rule settings apply to them", () => {
    expect(kalint(["rules"]).stdout).toMatch(/^template-undefined-variable +error +language /m);
    expect(kalint(["rules"]).stdout).toMatch(/^template-render-unsupported +info +language /m);
    expect(json(["check", template, "--vars", "host_vars/lb1.yml", "--disable", "template-undefined-variable"]).out.diagnostics).toEqual(
      [],
    );
  });

  test("one clear line and exit 2 for a missing file, bad YAML, an unknown host or group", () => {
    write("bad.yml", "a: [1,\nb: 2\n");
    const cases: [string[], RegExp][] = [
      [["check", template, "--vars", "nope.yml"], /^kalint: cannot read vars file nope.yml: no such file or directory\n$/],
      [["check", template, "--vars", "bad.yml"], /^kalint: bad.yml:\d+: bad YAML: .+\n$/],
      [
        ["diff", template, "--inventory", "inventory.json", "--hosts", "lb1,lb9"],
        /^kalint: inventory.json: no host 'lb9' \(hosts: lb1, lb2\)\n$/,
      ],
      [["diff", template, "--inventory", "inventory.json", "--group", "web"], /^kalint: inventory.json: no group 'web' \(groups: lb\)\n$/],
      [["diff", template, "--node", "lb1=host_vars/lb1.yml"], /^kalint: diff TEMPLATE needs two or more --node/],
      [["render", template], /^kalint: render needs the node's variables/],
      [["check", template, "--node", "lb1=x.yml"], /^kalint: --node works with diff/],
    ];
    for (const [args, err] of cases) {
      const r = kalint(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(err);
    }
  });
});
