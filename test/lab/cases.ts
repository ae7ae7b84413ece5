/**
 * The lab's differential cases: small clusters of our own, each with the scenarios that show what
 * it is about and the verdicts the model predicts. `kalint lab --compare` checks every one against
 * real keepalived; test/simulate checks the predictions without root.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Instance {
  name?: string;
  state?: "MASTER" | "BACKUP";
  priority?: number;
  vrid?: number;
  /** The VRRP interface; eth0 when not given. */
  iface?: string;
  advert?: number | string;
  version?: 2 | 3;
  vips?: string[];
  auth?: string;
  unicastSrc?: string;
  unicastPeers?: string[];
  extra?: string[];
  tracks?: string[];
}

export interface Node {
  globals?: string[];
  top?: string[];
  instances: Instance[];
  syncGroup?: string[];
}

export interface LabCase {
  readonly name: string;
  readonly nodes: Record<string, Node>;
  /** scenario id → expected verdict (and, where it matters, the owners of the first address). */
  readonly expect: Record<string, { verdict: string; owner?: string[]; race?: string[] }>;
  /** In the CI subset (npm test). */
  readonly ci?: boolean;
}

const VIP = "192.0.2.100/24";

function instanceText(i: Instance): string {
  const lines = [
    `vrrp_instance ${i.name ?? "VI_1"} {`,
    `    state ${i.state ?? "BACKUP"}`,
    `    interface ${i.iface ?? "eth0"}`,
    `    virtual_router_id ${i.vrid ?? 51}`,
    ...(i.priority !== undefined ? [`    priority ${i.priority}`] : []),
    `    advert_int ${i.advert ?? 1}`,
    ...(i.version ? [`    version ${i.version}`] : []),
    ...(i.auth ? ["    authentication {", "        auth_type PASS", `        auth_pass ${i.auth}`, "    }"] : []),
    ...(i.unicastSrc ? [`    unicast_src_ip ${i.unicastSrc}`] : []),
    ...(i.unicastPeers ? ["    unicast_peer {", ...i.unicastPeers.map((p) => `        ${p}`), "    }"] : []),
    ...(i.extra ?? []).map((l) => `    ${l}`),
    "    virtual_ipaddress {",
    ...(i.vips ?? [VIP]).map((v) => `        ${v}`),
    "    }",
    ...(i.tracks?.length ? ["    track_script {", ...i.tracks.map((t) => `        ${t}`), "    }"] : []),
    "}",
  ];
  return lines.join("\n");
}

export function nodeText(n: Node): string {
  const parts: string[] = [];
  if (n.globals?.length) parts.push(["global_defs {", ...n.globals.map((g) => `    ${g}`), "}"].join("\n"));
  parts.push(...(n.top ?? []));
  parts.push(...n.instances.map(instanceText));
  if (n.syncGroup) parts.push(["vrrp_sync_group G1 {", "    group {", ...n.syncGroup.map((g) => `        ${g}`), "    }", "}"].join("\n"));
  return parts.join("\n") + "\n";
}

export const script = (name: string, weight?: number) =>
  [
    `vrrp_script ${name} {`,
    '    script "/usr/bin/true"',
    "    interval 1",
    "    fall 1",
    "    rise 1",
    ...(weight !== undefined ? [`    weight ${weight}`] : []),
    "}",
  ].join("\n");

const trackFile = (name: string, weight: number) =>
  [`vrrp_track_file ${name} {`, `    file "/var/run/kalint-example-${name}"`, `    weight ${weight}`, "}"].join("\n");

const pair = (a: Instance, b: Instance, extra: Partial<Record<"lb1" | "lb2", Partial<Node>>> = {}): Record<string, Node> => ({
  lb1: { instances: [a], ...extra.lb1 },
  lb2: { instances: [b], ...extra.lb2 },
});

export const M = (p: Partial<Instance> = {}): Instance => ({ state: "MASTER", priority: 150, ...p });
export const B = (p: Partial<Instance> = {}): Instance => ({ state: "BACKUP", priority: 100, ...p });

export const CASES: readonly LabCase[] = [
  {
    name: "clean-pair",
    ci: true,
    nodes: pair(M(), B()),
    expect: {
      start: { verdict: "ok", owner: ["lb1"] },
      "stop:lb1": { verdict: "ok", owner: ["lb2"] },
      "restart:lb1": { verdict: "ok", owner: ["lb1"] },
      "isolate:lb1": { verdict: "ok", owner: ["lb1", "lb2"] },
      "link-down:lb1:eth0": { verdict: "ok", owner: ["lb2"] },
    },
  },
  {
    name: "track-weight-insufficient",
    ci: true,
    nodes: pair(M({ tracks: ["chk_haproxy"] }), B({ tracks: ["chk_haproxy"] }), {
      lb1: { top: [script("chk_haproxy", -10)] },
      lb2: { top: [script("chk_haproxy", -10)] },
    }),
    expect: {
      "fail:lb1:chk_haproxy": { verdict: "no-failover", owner: ["lb1"] },
      "fail:lb2:chk_haproxy": { verdict: "ok", owner: ["lb1"] },
    },
  },
  {
    name: "two-weak-tracks",
    nodes: pair(M({ tracks: ["chk_a", "chk_b"] }), B({ tracks: ["chk_a", "chk_b"] }), {
      lb1: { top: [script("chk_a", -30), script("chk_b", -30)] },
      lb2: { top: [script("chk_a", -30), script("chk_b", -30)] },
    }),
    expect: { "fail:lb1:chk_a": { verdict: "no-failover", owner: ["lb1"] }, "fail-all:lb1": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "track-file",
    nodes: pair(M({ extra: ["track_file {", "    fchk", "}"] }), B({ extra: ["track_file {", "    fchk", "}"] }), {
      lb1: { top: [trackFile("fchk", -60)] },
      lb2: { top: [trackFile("fchk", -60)] },
    }),
    expect: { "fail:lb1:fchk": { verdict: "ok", owner: ["lb2"] }, "fail:lb2:fchk": { verdict: "ok", owner: ["lb1"] } },
  },
  {
    name: "track-weight-enough",
    nodes: pair(M({ tracks: ["chk_haproxy"] }), B({ tracks: ["chk_haproxy"] }), {
      lb1: { top: [script("chk_haproxy", -60)] },
      lb2: { top: [script("chk_haproxy", -60)] },
    }),
    expect: { "fail:lb1:chk_haproxy": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "track-unweighted",
    nodes: pair(M({ tracks: ["chk_haproxy"] }), B({ tracks: ["chk_haproxy"] }), {
      lb1: { top: [script("chk_haproxy")] },
      lb2: { top: [script("chk_haproxy")] },
    }),
    expect: { "fail:lb1:chk_haproxy": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "track-reverse",
    nodes: pair(M({ tracks: ["chk_standby weight 60 reverse"] }), B({ tracks: ["chk_standby weight 60 reverse"] }), {
      lb1: { top: [script("chk_standby")] },
      lb2: { top: [script("chk_standby")] },
    }),
    expect: {
      start: { verdict: "ok", owner: ["lb1"] },
      "fail:lb1:chk_standby": { verdict: "ok", owner: ["lb1"] },
      "fail:lb2:chk_standby": { verdict: "ok", owner: ["lb2"] },
    },
  },
  {
    name: "nopreempt",
    ci: true,
    nodes: pair(B({ priority: 150, extra: ["nopreempt"] }), B({ extra: ["nopreempt"] })),
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "restart:lb1": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "preempt-delay",
    nodes: pair(B({ priority: 150, extra: ["preempt_delay 4"] }), B()),
    expect: { "restart:lb1": { verdict: "ok", owner: ["lb1"] } },
  },
  {
    name: "priority-tie",
    ci: true,
    nodes: pair(B(), B()),
    expect: {
      start: { verdict: "ok", race: ["lb1", "lb2"] },
      "stop:lb1": { verdict: "ok", owner: ["lb2"] },
      "restart:lb2": { verdict: "ok", owner: ["lb1"] },
    },
  },
  {
    name: "priority-inverted",
    nodes: pair(M({ priority: 100 }), B({ priority: 150 })),
    expect: { start: { verdict: "ok", owner: ["lb2"] }, "heal:lb2": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "vip-mismatch",
    ci: true,
    nodes: pair(M({ vips: [VIP, "192.0.2.101/24"] }), B()),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "vip-prefix-only",
    nodes: pair(M({ vips: ["192.0.2.100/24"] }), B({ vips: ["192.0.2.100/32"] })),
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "stop:lb1": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "advert-int-mismatch-v2",
    nodes: pair(M(), B({ advert: 2 })),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "advert-int-mismatch-v3",
    ci: true,
    nodes: pair(M({ version: 3 }), B({ version: 3, advert: 2 })),
    expect: {
      start: { verdict: "ok", owner: ["lb1"] },
      "stop:lb1": { verdict: "ok", owner: ["lb2"] },
      "restart:lb1": { verdict: "ok", owner: ["lb1"] },
    },
  },
  {
    name: "version-mismatch",
    nodes: pair(M({ version: 2 }), B({ version: 3 })),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "auth-mismatch",
    nodes: pair(M({ auth: "secret1" }), B({ auth: "secret2" })),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "auth-v3-ignored",
    nodes: pair(M({ version: 3, auth: "secret1" }), B({ version: 3, auth: "secret2" })),
    expect: { start: { verdict: "ok", owner: ["lb1"] } },
  },
  {
    name: "unicast-pair",
    nodes: pair(
      M({ unicastSrc: "192.0.2.11", unicastPeers: ["192.0.2.12"] }),
      B({ unicastSrc: "192.0.2.12", unicastPeers: ["192.0.2.11"] }),
    ),
    expect: {
      start: { verdict: "ok", owner: ["lb1"] },
      "stop:lb1": { verdict: "ok", owner: ["lb2"] },
      "restart:lb1": { verdict: "ok", owner: ["lb1"] },
    },
  },
  {
    name: "unicast-peer-missing-unchecked",
    nodes: pair(
      M({ unicastSrc: "192.0.2.11", unicastPeers: ["192.0.2.12"] }),
      B({ unicastSrc: "192.0.2.12", unicastPeers: ["192.0.2.13"] }),
    ),
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "restart:lb1": { verdict: "ok", owner: ["lb1"] } },
  },
  {
    name: "unicast-peer-missing-checked",
    ci: true,
    nodes: pair(
      M({ unicastSrc: "192.0.2.11", unicastPeers: ["192.0.2.12"] }),
      B({ unicastSrc: "192.0.2.12", unicastPeers: ["192.0.2.13"], extra: ["check_unicast_src"] }),
    ),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "unicast-master-lacks-backup",
    nodes: pair(
      M({ unicastSrc: "192.0.2.11", unicastPeers: ["192.0.2.13"] }),
      B({ unicastSrc: "192.0.2.12", unicastPeers: ["192.0.2.11"] }),
    ),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "unicast-mismatch",
    nodes: pair(M({ unicastSrc: "192.0.2.11", unicastPeers: ["192.0.2.12"] }), B()),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "dont-track-primary",
    nodes: pair(M({ extra: ["dont_track_primary"] }), B()),
    expect: { "link-down:lb1:eth0": { verdict: "ok", owner: ["lb1", "lb2"] } },
  },
  {
    name: "owner-255",
    nodes: pair({ state: "MASTER" }, B()),
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "restart:lb1": { verdict: "ok", owner: ["lb1"] } },
  },
  {
    name: "mcast-group-mismatch",
    nodes: pair(M(), B(), { lb2: { globals: ["vrrp_mcast_group4 224.0.0.19"] } }),
    expect: { start: { verdict: "split-brain", owner: ["lb1", "lb2"] } },
  },
  {
    name: "ipv6-v3",
    nodes: pair(M({ vips: ["2001:db8::100/64"] }), B({ vips: ["2001:db8::100/64"] })),
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "stop:lb1": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "sync-group",
    nodes: {
      lb1: {
        instances: [M(), M({ name: "VI_2", vrid: 52, vips: ["198.51.100.100/24"], extra: ["track_interface {", "    eth1", "}"] })],
        syncGroup: ["VI_1", "VI_2"],
      },
      lb2: { instances: [B(), B({ name: "VI_2", vrid: 52, vips: ["198.51.100.100/24"] })], syncGroup: ["VI_1", "VI_2"] },
    },
    expect: { start: { verdict: "ok", owner: ["lb1"] }, "fail:lb1:if:eth1": { verdict: "ok", owner: ["lb2"] } },
  },
  {
    name: "three-nodes",
    nodes: { lb1: { instances: [M()] }, lb2: { instances: [B()] }, lb3: { instances: [B({ priority: 50 })] } },
    expect: {
      start: { verdict: "ok", owner: ["lb1"] },
      "stop:lb1": { verdict: "ok", owner: ["lb2"] },
      "stop:lb2": { verdict: "ok", owner: ["lb1"] },
    },
  },
  {
    name: "three-nodes-tie",
    nodes: { lb1: { instances: [M()] }, lb2: { instances: [B()] }, lb3: { instances: [B()] } },
    expect: { "stop:lb1": { verdict: "ok", race: ["lb2", "lb3"] } },
  },
];

/** Writes each node's file of a case under a new temporary directory; returns the paths in node order. */
export function writeCase(c: LabCase, root = mkdtempSync(join(tmpdir(), "kalint-case-"))): string[] {
  const dir = join(root, c.name);
  mkdirSync(dir, { recursive: true });
  return Object.entries(c.nodes).map(([name, node]) => {
    const path = join(dir, `${name}.conf`);
    writeFileSync(path, nodeText(node));
    return path;
  });
}
