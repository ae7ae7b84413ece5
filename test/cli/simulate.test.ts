/** `kalint simulate` and the lab's command-line edges, through the built bundle. */
import { chmodSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CASES, nodeText } from "../lab/cases.js";
import { kalint, tree, kalintAsNobody } from "./run-kalint.js";

const pairOf = (name: string) => {
  const c = CASES.find((x) => x.name === name)!;
  const files = Object.fromEntries(Object.entries(c.nodes).map(([n, node]) => [`${n}.conf`, nodeText(node)]));
  const dir = tree(files);
  return { dir, files: Object.keys(files) };
};

describe("kalint simulate", () => {
  it("prints the JSON of docs/simulate.md and exits 1 on a non-ok verdict", () => {
    const { dir, files } = pairOf("track-weight-insufficient");
    const r = kalint(["simulate", ...files, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.nodes).toEqual(["lb1", "lb2"]);
    const fail = json.scenarios.find((s: { id: string }) => s.id === "fail:lb1:chk_haproxy");
    expect(fail).toMatchObject({
      owners: { "192.0.2.100": ["lb1"] },
      race: {},
      instances: { VI_1: { lb1: { state: "MASTER", priority: 140 }, lb2: { state: "BACKUP", priority: 100 } } },
      verdict: "no-failover",
    });
    expect(fail.because).toContain("falls from 150 to 140");
    expect(fail.related[0]).toMatchObject({ file: "lb1.conf", message: "weight -10" });
    expect(json.summary).toMatchObject({ "no-failover": 1 });
    expect(json.summary.scenarios).toBe(json.scenarios.length);
  });

  it("exits 0 when every scenario is ok, and --scenario picks scenarios", () => {
    const { dir, files } = pairOf("clean-pair");
    const r = kalint(["simulate", ...files, "--scenario", "start", "--scenario", "stop:lb1"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[1/2] start");
    expect(r.stdout).toContain("[2/2] stop:lb1");
    expect(r.stdout).toMatch(/2 scenarios: 2 ok/);
  });

  it("names the scenarios that apply when an unknown one is asked for", () => {
    const { dir, files } = pairOf("clean-pair");
    const r = kalint(["simulate", ...files, "--scenario", "stop:lb9"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kalint: no scenario 'stop:lb9' applies to these nodes; they have: start, stop:lb1/);
  });

  it("writes one self-contained html page", () => {
    const { dir, files } = pairOf("unicast-mismatch");
    const r = kalint(["simulate", ...files, "--format", "html"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('<tr class="split-brain"');
    expect(r.stdout).not.toMatch(/https?:|<script|<link/);
  });

  it("runs the nodes as --target-version: different address lists split the pair only before 2.3.3", () => {
    const { dir, files } = pairOf("vip-mismatch");
    const verdict = (args: string[]) =>
      JSON.parse(kalint(["simulate", ...files, "--scenario", "start", "--format", "json", ...args], { cwd: dir }).stdout).scenarios[0]
        .verdict;
    expect(verdict(["--target-version", "2.2.7"])).toBe("split-brain");
    expect(verdict(["--target-version", "2.4.3"])).toBe("ok");
  });

  it("refuses one file without --ids, and --compare outside lab", () => {
    const { dir, files } = pairOf("clean-pair");
    expect(kalint(["simulate", files[0]!], { cwd: dir }).stderr).toMatch(/simulate needs two or more node files/);
    expect(kalint(["simulate", ...files, "--compare"], { cwd: dir }).code).toBe(2);
    expect(kalint(["simulate", ...files, "--address", "nobody=192.0.2.1"], { cwd: dir }).stderr).toMatch(
      /--address names no node 'nobody'/,
    );
  });
});

describe("kalint lab, before it touches anything", () => {
  it("says clearly when keepalived is missing", () => {
    const { dir, files } = pairOf("clean-pair");
    const r = kalint(["lab", ...files, "--keepalived", "/nonexistent/keepalived"], { cwd: dir });
    if (process.getuid?.() !== 0) {
      expect(r.stderr).toMatch(/lab needs root/);
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kalint: lab: keepalived not found \(\/nonexistent\/keepalived\)/);
  });

  it("says clearly when not root", () => {
    const { dir, files } = pairOf("clean-pair");
    chmodSync(dir, 0o755);
    const r = kalintAsNobody(["lab", ...files], { cwd: dir });
    if (!r) return;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kalint: lab: the lab needs root/);
  });
});
