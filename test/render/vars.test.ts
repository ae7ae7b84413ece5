/** Vars files, inventories and template-valued variables (docs/templates.md, Render mode). */
import { describe, expect, test } from "vitest";
import { memoryHost } from "../support/memory-host.js";
import {
  nodeFromFiles,
  nodeFromInventory,
  parseNodeOption,
  parseVarsText,
  pickHosts,
  readInventory,
  VarsError,
  varsFiles,
  withMagicVariables,
} from "../../server/src/render/vars.js";
import { faults, render, renderAll } from "./helpers.js";

describe("vars files", () => {
  test("merged in order on top of the defaults: later files win, whole top-level values", () => {
    const host = memoryHost({
      "/d.yml": "prio: 100\nvip: {addr: 192.0.2.100, dev: eth0}\n",
      "/a.yml": "prio: 150\n",
      "/b.json": '{"vip": {"addr": "192.0.2.200"}}',
    });
    const n = nodeFromFiles(varsFiles(host), "lb1", ["/d.yml"], ["/a.yml", "/b.json"]);
    expect(n.vars).toEqual({ prio: 150, vip: { addr: "192.0.2.200" } });
    expect(n.origin.get("prio")).toBe("/a.yml");
  });

  test("the role defaults every node merges are read and parsed once for the set of nodes", () => {
    const files = memoryHost({ "/d.yml": "prio: 100\niface: eth0\n", "/a.yml": "prio: 150\n", "/b.yml": "prio: 100\n" });
    const reads: string[] = [];
    const read = varsFiles({ ...files, readFile: (path, maxBytes) => (reads.push(path), files.readFile(path, maxBytes)) });
    const [a, b] = [nodeFromFiles(read, "lb1", ["/d.yml"], ["/a.yml"]), nodeFromFiles(read, "lb2", ["/d.yml"], ["/b.yml"])];
    expect([a.vars, b.vars]).toEqual([
      { prio: 150, iface: "eth0" },
      { prio: 100, iface: "eth0" },
    ]);
    expect(reads).toEqual(["/d.yml", "/a.yml", "/b.yml"]);
  });

  test("YAML as Ansible's PyYAML reads it: yes/no/on/off are booleans, y/n stay text", () => {
    expect(parseVarsText("a: yes\nb: Off\nc: y\nd: n\ne: ~\n", "x.yml")).toEqual({ a: true, b: false, c: "y", d: "n", e: null });
  });

  test("a quoted value whose continuation lines are not indented past their key reads as PyYAML reads it (a real role's defaults)", () => {
    // Expected values: PyYAML 6's yaml.safe_load of the same text.
    const text = "merged: '{{\n  a\n  |combine(b)\n}}'\nlist:\n  - \"x\ny\"\n  - 'it''s\n ok'\nafter: 1\n";
    expect(parseVarsText(text, "d.yml")).toEqual({ merged: "{{ a |combine(b) }}", list: ["x y", "it's ok"], after: 1 });
    // Still an error when it is one for PyYAML too.
    expect(() => parseVarsText("a: '{{\n  x\nb: 1\n", "d.yml")).toThrow(/^d.yml:\d+: bad YAML: /);
  });

  test("one clear line for a bad file: missing, bad YAML with its line, bad JSON, not a mapping", () => {
    const host = memoryHost({ "/bad.yml": "a: 1\nb: [1, 2\nc: 3\n", "/list.yml": "- a\n- b\n", "/bad.json": "{" });
    expect(() => nodeFromFiles(varsFiles(host), "x", [], ["/nope.yml"])).toThrow(/^cannot read vars file \/nope.yml/);
    expect(() => nodeFromFiles(varsFiles(host), "x", [], ["/bad.yml"])).toThrow(/^\/bad.yml:\d+: bad YAML: /);
    expect(() => nodeFromFiles(varsFiles(host), "x", [], ["/list.yml"])).toThrow(
      "/list.yml: the variables must be a mapping of names to values at the top, not a list",
    );
    expect(() => nodeFromFiles(varsFiles(host), "x", [], ["/bad.json"])).toThrow(/^\/bad.json: bad JSON/);
    expect(() => nodeFromFiles(varsFiles(host), "x", [], ["/nope.yml"])).toThrow(VarsError);
  });

  test("--node NAME=FILE[,FILE]", () => {
    expect(parseNodeOption("lb1=a.yml,b.yml")).toEqual({ name: "lb1", files: ["a.yml", "b.yml"] });
    expect(() => parseNodeOption("lb1")).toThrow(/--node takes NAME=FILE/);
    expect(() => parseNodeOption("=a.yml")).toThrow(/--node takes NAME=FILE/);
  });

  test("magic variables: inventory_hostname, hostvars of every node, groups, play hosts, ansible_facts from ansible_* facts", () => {
    const host = memoryHost({ "/a.yml": "ip: 192.0.2.11\nansible_default_ipv4: {address: 192.0.2.11}\n", "/b.yml": "ip: 192.0.2.12\n" });
    const [a, b] = withMagicVariables([
      nodeFromFiles(varsFiles(host), "lb1", [], ["/a.yml"]),
      nodeFromFiles(varsFiles(host), "lb2", [], ["/b.yml"]),
    ]);
    expect(a!.vars["inventory_hostname"]).toBe("lb1");
    expect(b!.vars["ansible_play_hosts"]).toEqual(["lb1", "lb2"]);
    expect((b!.vars["hostvars"] as Record<string, Record<string, unknown>>)["lb1"]!["ip"]).toBe("192.0.2.11");
    expect(a!.vars["ansible_facts"]).toEqual({ default_ipv4: { address: "192.0.2.11" } });
  });
});

describe("inventories (ansible-inventory --list)", () => {
  const inventory = JSON.stringify({
    _meta: { hostvars: { lb1: { prio: 150 }, lb2: { prio: 100 }, db1: {} } },
    all: { children: ["ungrouped", "lb", "db"], vars: { vip: "192.0.2.100" } },
    lb: { hosts: ["lb1", "lb2"], vars: { iface: "eth0" } },
    db: { hosts: ["db1"] },
  });
  const host = memoryHost({ "/inv.json": inventory, "/defaults.yml": "prio: 1\niface: eth9\n" });

  test("hostvars over group vars over all's vars over the defaults; groups and group_names", () => {
    const inv = readInventory(host, "/inv.json");
    const n = nodeFromInventory(varsFiles(host), inv, "lb2", ["/defaults.yml"]);
    expect(n.vars).toMatchObject({ prio: 100, iface: "eth0", vip: "192.0.2.100", group_names: ["lb"] });
    expect((n.vars["groups"] as Record<string, string[]>)["lb"]).toEqual(["lb1", "lb2"]);
    expect((n.vars["groups"] as Record<string, string[]>)["all"]).toEqual(["lb1", "lb2", "db1"]);
  });

  test("--hosts and --group pick the nodes; unknown ones are one clear line", () => {
    const inv = readInventory(host, "/inv.json");
    expect(pickHosts(inv, undefined, "lb")).toEqual(["lb1", "lb2"]);
    expect(pickHosts(inv, ["lb2", "db1"], undefined)).toEqual(["lb2", "db1"]);
    expect(() => pickHosts(inv, ["lb3"], undefined)).toThrow("/inv.json: no host 'lb3' (hosts: lb1, lb2, db1)");
    expect(() => pickHosts(inv, undefined, "web")).toThrow("/inv.json: no group 'web' (groups: lb, db)");
    expect(() => readInventory(memoryHost({ "/x.json": "not json" }), "/x.json")).toThrow(
      /^\/x.json: not the JSON of 'ansible-inventory --list'/,
    );
  });
});

describe("variables whose values are templates", () => {
  test("rendered as Ansible does: text, and a single expression keeping its type", () => {
    expect(
      render("{{ url }} {{ peers | length }}", "version: 2.2.8\nurl: 'v{{ version }}.tar.gz'\nall: [a, b, c]\npeers: '{{ all[1:] }}'"),
    ).toBe("v2.2.8.tar.gz 2");
    expect(render("{{ prio }}", "state: BACKUP\nprio: \"{{ '100' if state == 'MASTER' else '99' }}\"")).toBe("99");
  });

  test("a cycle is template-undefined-variable at the use, naming the cycle", () => {
    const f = faults("x\npriority {{ a }}\n", "a: '{{ b }}'\nb: '{{ a }}'");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "template-undefined-variable", line: 2 });
    expect(f[0]!.message).toMatch(/'a' .*defined through itself \(a → b → a\)/);
  });

  test("a value using an undefined variable fails only where the template uses it", () => {
    expect(render("ok", "unused: '{{ nowhere }}'")).toBe("ok");
    const f = faults("vip {{ used }}\n", "used: '{{ nowhere }}'");
    expect(f[0]).toMatchObject({ code: "template-undefined-variable", line: 1 });
    expect(f[0]!.message).toContain("'used'");
  });

  test("an undefined variable names itself and the files searched", () => {
    const r = renderAll({ "/t/templates/main.conf.j2": "a\n  state {{ keepalived_state }}\n" }, { lb1: "x: 1" }).results[0]!;
    expect(r.ok).toBe(false);
    expect(r.faults[0]).toMatchObject({ code: "template-undefined-variable", line: 1, column: 11 });
    expect(r.faults[0]!.message).toBe("'keepalived_state' is undefined on node lb1; searched /t/host_vars/lb1.yml");
  });
});
