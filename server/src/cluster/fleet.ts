/**
 * `kalint fleet`: sorts nodes into clusters and describes each. Nodes belong together when they
 * share a virtual address, when one file holds them (`@id` expansions), or when an rc file's
 * `peers` list says so. Instances with no address fall back to their name, VRID and interface.
 */
import { segmentOf } from "../model/segment.js";
import { vipAddresses } from "../model/vrrp.js";
import { buildCluster, masterOf } from "./pairing.js";
import type { Cluster, ClusterNode, Fleet } from "./types.js";
import { isLiteralBlock } from "../model/template.js";

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function groupingKeys(node: ClusterNode): string[] {
  const keys = [`file:${node.path}`];
  for (const i of node.model.instances) {
    // Template instances join clusters only by what the template writes literally.
    if (!isLiteralBlock(node.model.file, i.block)) continue;
    const vips = vipAddresses(i);
    if (vips.length) keys.push(...vips.map((a) => `vip:${a}`));
    else keys.push(`instance:${i.name}/${i.virtualRouterId?.value ?? ""}/${i.interface?.value ?? ""}`);
  }
  // A director with no VRRP at all still pairs with the node serving the same virtual servers.
  if (node.model.instances.length === 0)
    keys.push(...node.model.virtualServers.filter((vs) => isLiteralBlock(node.model.file, vs.block)).map((vs) => `vs:${vs.key}`));
  return keys;
}

/**
 * Groups nodes into clusters. `peers` lists groups of absolute paths that belong together
 * whatever their contents (`.kalintrc.json` "peers").
 */
export function groupIntoClusters(
  nodes: readonly ClusterNode[],
  peers: readonly (readonly string[])[] = [],
  resolvePath: (p: string) => string = (p) => p,
): Fleet {
  const uf = new UnionFind(nodes.length);
  const firstWithKey = new Map<string, number>();
  const join = (key: string, i: number) => {
    const j = firstWithKey.get(key);
    if (j === undefined) firstWithKey.set(key, i);
    else uf.union(i, j);
  };
  nodes.forEach((n, i) => {
    for (const k of groupingKeys(n)) join(k, i);
  });
  peers.forEach((group, g) => {
    nodes.forEach((n, i) => {
      if (group.includes(resolvePath(n.path))) join(`peers:${g}`, i);
    });
  });
  const members = new Map<number, ClusterNode[]>();
  nodes.forEach((n, i) => {
    const root = uf.find(i);
    members.set(root, [...(members.get(root) ?? []), n]);
  });
  return { clusters: [...members.values()].map(buildCluster) };
}

export interface ClusterSummary {
  readonly nodes: readonly string[];
  readonly instances: readonly {
    readonly name: string;
    readonly vrid: number | null;
    readonly segment: string | null;
    readonly vips: readonly string[];
    readonly nodes: number;
  }[];
}

export function summarize(cluster: Cluster): ClusterSummary {
  return {
    nodes: cluster.nodes.map((n) => n.label),
    instances: cluster.peerSets.map((set) => {
      const m = masterOf(set).instance;
      return {
        name: set.name,
        vrid: m.virtualRouterId?.value ?? null,
        segment: segmentOf(m) ?? null,
        vips: vipAddresses(m),
        nodes: set.peers.length,
      };
    }),
  };
}
