/** Cluster fixtures: small node configs written inline, read from memory, compared as a cluster. */
import { clusterFindings, checkFleet } from "../../server/src/cluster/check.js";
import { groupIntoClusters } from "../../server/src/cluster/fleet.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import type { ClusterNode, Fleet } from "../../server/src/cluster/types.js";
import type { Diagnostic } from "../../grammar/index.js";
import { memoryHost } from "../support/memory-host.js";
import { expect } from "vitest";

export interface Seen {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly message: string;
  readonly severity: string;
  readonly related: readonly { file: string; line: number }[];
  readonly fix?: { description: string; edits: { file: string; line: number; newText: string }[] };
}

function seen(d: Diagnostic): Seen {
  const line = (s: { file: Diagnostic["file"]; start: number }) => s.file.positionAt(s.start).line + 1;
  return {
    code: d.code,
    file: d.file.path,
    line: line(d),
    text: d.file.text.slice(d.start, d.end),
    message: d.message,
    severity: d.severity,
    related: (d.related ?? []).map((r) => ({ file: r.file.path, line: line(r) })),
    ...(d.fix
      ? {
          fix: {
            description: d.fix.description,
            edits: d.fix.edits.map((e) => ({ file: e.file.path, line: line(e), newText: e.newText })),
          },
        }
      : {}),
  };
}

/** Nodes from `{ "master.conf": text, ... }`, in the order given. */
export function readNodes(files: Record<string, string>): ClusterNode[] {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/${p}`, t])));
  return Object.keys(files).map((p) => loadNode(`/${p}`, { host }));
}

/** One file holding every node as `@id` lines, expanded once per id. */
export function readIds(text: string, ids: readonly string[]): ClusterNode[] {
  const host = memoryHost({ "/cluster.conf": text });
  return ids.map((id) => loadNode("/cluster.conf", { host, configId: id }));
}

export function fleetOfNodes(nodes: readonly ClusterNode[]): Fleet {
  return { clusters: [buildCluster(nodes)] };
}

/** Findings of one cluster rule (before settings), over a cluster of the given nodes. */
export function findings(code: string, files: Record<string, string> | readonly ClusterNode[]): Seen[] {
  const nodes = Array.isArray(files) ? (files as ClusterNode[]) : readNodes(files as Record<string, string>);
  return clusterFindings(fleetOfNodes(nodes))
    .filter((d) => d.code === code)
    .map(seen);
}

/** `master.conf` and `backup.conf` as a cluster. */
export function pair(master: string, backup: string, code: string): Seen[] {
  return findings(code, { "master.conf": master, "backup.conf": backup });
}

/** Every node grouped as `kalint fleet` groups them; findings of one code. */
export function fleetFindings(code: string, files: Record<string, string>): Seen[] {
  return checkFleet(groupIntoClusters(readNodes(files)))
    .filter((d) => d.code === code)
    .map(seen);
}

export interface InstanceOptions {
  name?: string;
  state?: "MASTER" | "BACKUP";
  iface?: string;
  vrid?: number;
  priority?: number | string;
  advert?: number | string;
  auth?: { type: string; pass: string };
  vips?: readonly string[];
  /** Lines added inside the instance, as written. */
  extra?: string;
}

/** A readable vrrp_instance block. */
export function instance(o: InstanceOptions = {}): string {
  const lines = [
    `vrrp_instance ${o.name ?? "VI_1"} {`,
    ...(o.state ? [`    state ${o.state}`] : []),
    `    interface ${o.iface ?? "eth0"}`,
    ...(o.vrid !== undefined ? [`    virtual_router_id ${o.vrid}`] : ["    virtual_router_id 51"]),
    ...(o.priority !== undefined ? [`    priority ${o.priority}`] : []),
    ...(o.advert !== undefined ? [`    advert_int ${o.advert}`] : []),
    ...(o.auth ? ["    authentication {", `        auth_type ${o.auth.type}`, `        auth_pass ${o.auth.pass}`, "    }"] : []),
    "    virtual_ipaddress {",
    ...(o.vips ?? ["10.0.0.100/24"]).map((v) => `        ${v}`),
    "    }",
    ...(o.extra ? o.extra.split("\n").map((l) => `    ${l}`) : []),
    "}",
  ];
  return lines.join("\n") + "\n";
}

export const master = (o: InstanceOptions = {}, before = "") => before + instance({ state: "MASTER", priority: 150, ...o });
export const backup = (o: InstanceOptions = {}, before = "") => before + instance({ state: "BACKUP", priority: 100, ...o });

export const script = (name: string, weight?: string) =>
  `vrrp_script ${name} {\n    script "/usr/local/bin/${name}"\n${weight ? `    weight ${weight}\n` : ""}}\n`;

const lvs = `virtual_server 10.0.0.100 80 {
    lvs_sched rr
    lvs_method DR
    protocol TCP
    real_server 10.0.1.1 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

/**
 * Pairs that differ only where nodes of one cluster legitimately differ. Every cluster rule
 * stays silent on every one of them.
 */
export const CLEAN_PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  "interface names differ": [
    `global_defs {\n    router_id LB_A\n}\n` + master({ iface: "eth0", auth: { type: "PASS", pass: "secret" } }),
    `global_defs {\n    router_id LB_B\n}\n` + backup({ iface: "ens3", auth: { type: "PASS", pass: "secret" } }),
  ],
  "unicast source and peer swapped": [
    master({ extra: "unicast_src_ip 10.0.0.1\nunicast_peer {\n    10.0.0.2\n}" }),
    backup({ extra: "unicast_src_ip 10.0.0.2\nunicast_peer {\n    10.0.0.1\n}" }),
  ],
  "track weights that cross the gap": [
    master(
      { priority: 110, extra: "track_script {\n    chk_web weight -20\n}\ntrack_interface {\n    eth1 weight -15\n}" },
      script("chk_web"),
    ),
    backup({ priority: 100, extra: "track_script {\n    chk_web weight -20\n}" }, script("chk_web")),
  ],
  "script default weight and positive weights that cross the gap": [
    master({ priority: 101, extra: "track_script {\n    chk_haproxy\n}" }, script("chk_haproxy", "2")),
    backup({ priority: 100, extra: "track_script {\n    chk_haproxy\n}" }, script("chk_haproxy", "2")),
  ],
  "identical LVS tables": [master() + lvs, backup() + lvs],
  "two instances, second paired by addresses under another name": [
    master() + master({ name: "DB", vrid: 52, vips: ["10.0.0.200/24"] }),
    backup() + backup({ name: "DATABASE", vrid: 52, vips: ["10.0.0.200/24"] }),
  ],
};

/** Registers one test per clean pair asserting that `code` stays silent on it. */
export function silentOnCleanPairs(code: string, testFn: (name: string, fn: () => void) => void): void {
  for (const [name, [m, b]] of Object.entries(CLEAN_PAIRS)) {
    testFn(`silent on a clean pair: ${name}`, () => expect(pair(m, b, code)).toEqual([]));
  }
}
