/**
 * Every structural difference between two nodes (`kalint diff`): settings compared block by block,
 * instances aligned by peer pairing (so a renamed instance still lines up), value blocks such as
 * virtual_ipaddress compared as sets. Some differences are the point of having two nodes.
 */
import type { Block, Node } from "../../../grammar/index.js";
import type { Difference } from "../protocol.js";
import type { ClusterNode, PeerSet } from "./types.js";

export type { Difference };

/** Settings that must differ (or may) between the nodes of one cluster. */
export const EXPECTED_DIFFERENCES: ReadonlySet<string> = new Set([
  "state",
  "priority",
  "router_id",
  "unicast_src_ip",
  "unicast_peer",
  "interface",
]);

const PRESENT = "{ … }";

type Entry =
  { readonly kind: "values"; readonly text: string[] } | { readonly kind: "block"; readonly block: Block; readonly label: string };

const words = (ws: readonly { readonly text: string }[]) => ws.map((w) => w.text).join(" ");

/** Children by key: statements by keyword (repeats joined), value blocks as line sets, blocks by header. */
function entries(children: readonly Node[], instanceKey: (b: Block) => string | undefined): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const count = new Map<string, number>();
  for (const c of children) {
    if (c.kind === "statement") {
      const key = c.keyword.text;
      const prev = out.get(key);
      const text = words(c.args);
      if (prev?.kind === "values") prev.text.push(text);
      else out.set(key, { kind: "values", text: [text] });
    } else if (c.kind === "block" && c.valueBlock) {
      const key = [c.keyword.text, ...c.args.map((w) => w.text)].join(" ");
      const lines = c.children.filter((x) => x.kind === "value").map((x) => words(x.words));
      const prev = out.get(key);
      out.set(key, { kind: "values", text: [...(prev?.kind === "values" ? prev.text : []), ...lines].sort() });
    } else if (c.kind === "block") {
      const header = [c.keyword.text, ...c.args.map((w) => w.text)].join(" ");
      let key = instanceKey(c) ?? header;
      const n = (count.get(key) ?? 0) + 1;
      count.set(key, n);
      if (n > 1) key = `${key} #${n}`;
      out.set(key, { kind: "block", block: c, label: key });
    }
  }
  return out;
}

function lastKeyword(key: string): string {
  return key.split(" ")[0]!;
}

export function structuralDifferences(master: ClusterNode, backup: ClusterNode, peerSets: readonly PeerSet[]): Difference[] {
  // An instance of the backup is compared with its peer on the master, under the master's name.
  const alias = new Map<Block, string>();
  for (const set of peerSets) {
    const m = set.peers.find((p) => p.node === master);
    const b = set.peers.find((p) => p.node === backup);
    if (m && b) alias.set(b.instance.block, `vrrp_instance ${m.instance.name}`);
  }
  const instanceKey = (b: Block) => alias.get(b);
  const out: Difference[] = [];

  const walk = (prefix: string, a: readonly Node[], b: readonly Node[]) => {
    const ea = entries(a, instanceKey);
    const eb = entries(b, instanceKey);
    const keys = [...ea.keys(), ...[...eb.keys()].filter((k) => !ea.has(k))];
    for (const key of keys) {
      const x = ea.get(key);
      const y = eb.get(key);
      const path = prefix ? `${prefix} > ${key}` : key;
      const expected = EXPECTED_DIFFERENCES.has(lastKeyword(key));
      if (x?.kind === "block" && y?.kind === "block") {
        const nameX = x.block.args.map((w) => w.text).join(" ");
        const nameY = y.block.args.map((w) => w.text).join(" ");
        if (nameX !== nameY) out.push({ path: `${path} > (name)`, master: nameX, backup: nameY, expected: false });
        walk(path, x.block.children, y.block.children);
        continue;
      }
      const show = (e: Entry | undefined) => (!e ? null : e.kind === "block" ? PRESENT : e.text.join(", "));
      const sx = show(x);
      const sy = show(y);
      if (sx !== sy) out.push({ path, master: sx, backup: sy, expected });
    }
  };
  walk("", master.config.file.children, backup.config.file.children);
  return out;
}
