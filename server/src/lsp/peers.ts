/**
 * Cluster diagnostics for open documents. A document's peers are the other nodes of its cluster:
 * the files listed with it in `kalint.peers` or an rc file's `peers`, else the keepalived files
 * of its workspace folder, grouped into clusters as `kalint fleet` groups them. Each node is read
 * from its open buffer when it has one, else from disk (cached until the file changes).
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../../../grammar/index.js";
import { checkFleet } from "../cluster/check.js";
import { groupIntoClusters } from "../cluster/fleet.js";
import { loadNode } from "../cluster/nodes.js";
import type { ClusterNode } from "../cluster/types.js";
import type { AnalysedDocument } from "../service/index.js";
import type { DocumentStore } from "./documents.js";
import type { SettingsStore } from "./settings.js";

/** Bounds on the workspace scan, so a huge folder costs a bounded amount once. */
const MAX_FILES = 300;
const MAX_DEPTH = 8;
const MAX_BYTES = 8 * 1024 * 1024;

export interface ClusterResult {
  /** Every diagnostic of the node, checked with its peers; undefined when it has none. */
  readonly diagnostics?: readonly Diagnostic[];
  /** Paths of the other nodes of its cluster. */
  readonly peers: readonly string[];
}

export class PeerIndex {
  private readonly diskNodes = new Map<string, ClusterNode>();
  private readonly scans = new Map<string, string[]>();

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly folders: () => readonly string[],
  ) {}

  /** A file changed on disk. */
  forget(path: string): void {
    this.diskNodes.delete(path);
  }

  /** Files were created or deleted: rescan folders next time. */
  forgetScans(): void {
    this.scans.clear();
  }

  forgetAll(): void {
    this.diskNodes.clear();
    this.scans.clear();
  }

  check(doc: AnalysedDocument): ClusterResult {
    const path = doc.path;
    const settings = this.settings.for(path);
    const groups = settings.peers.filter((g) => g.includes(resolve(path)));
    let candidates: string[];
    if (groups.length > 0) candidates = [...new Set(groups.flat())];
    else {
      const folder = this.folders().find((f) => path.startsWith(f + "/"));
      if (folder === undefined) return { peers: [] };
      candidates = this.scan(folder);
    }
    const self = nodeOf(doc, settings.rules);
    const nodes: ClusterNode[] = [self];
    for (const p of candidates) {
      if (p === path) continue;
      const node = this.nodeAt(p);
      if (node) nodes.push(node);
    }
    if (nodes.length === 1) return { peers: [] };
    // A file another candidate includes is a fragment of that node, not a node of its own.
    const included = new Set(nodes.flatMap((n) => n.config.files.slice(1).map((f) => f.path)));
    const standalone = nodes.filter((n) => n === self || !included.has(n.path));
    const fleet = groupIntoClusters(standalone, settings.peers, (p) => resolve(p));
    const cluster = fleet.clusters.find((c) => c.nodes.includes(self));
    if (!cluster || cluster.nodes.length < 2) return { peers: [] };
    const all = checkFleet(fleet);
    const mine = new Set(self.config.files.map((f) => f.path));
    return { diagnostics: all.filter((d) => mine.has(d.file.path)), peers: cluster.nodes.filter((n) => n !== self).map((n) => n.path) };
  }

  private nodeAt(path: string): ClusterNode | undefined {
    const open = this.store.openUriOfPath(path);
    if (open) {
      const doc = this.store.analysed(open);
      return doc && nodeOf(doc, this.settings.for(path).rules);
    }
    const cached = this.diskNodes.get(path);
    if (cached) return cached;
    if (this.store.host.readFile(path) === undefined) return undefined;
    const s = this.settings.for(path);
    const node = loadNode(path, { host: this.store.host, rules: s.rules, ...(s.targetVersion ? { targetVersion: s.targetVersion } : {}) });
    this.diskNodes.set(path, node);
    return node;
  }

  /** keepalived config files under a folder, named as `kalint fleet DIR` picks them. */
  private scan(folder: string): string[] {
    const cached = this.scans.get(folder);
    if (cached) return cached;
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.length >= MAX_FILES) return;
        if (e.name.startsWith(".") || e.name === "node_modules") continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && (/\.conf$/.test(e.name) || /^keepalived\.conf/.test(e.name))) {
          try {
            if (statSync(p).size <= MAX_BYTES) out.push(p);
          } catch {
            // vanished between listing and stat
          }
        }
      }
    };
    walk(folder, 0);
    this.scans.set(folder, out);
    return out;
  }
}

function nodeOf(doc: AnalysedDocument, rules: ClusterNode["rules"]): ClusterNode {
  return { label: doc.path, path: doc.path, config: doc.analysis.config, model: doc.analysis.model, diagnostics: doc.analysis.diagnostics, rules };
}
