/**
 * The peer index: cluster diagnostics for open documents. A document's peers are the other nodes of its cluster:
 * the files listed with it in `kalint.peers` or an rc file's `peers`, else the keepalived files
 * of its workspace folder, grouped into clusters as `kalint fleet` groups them. Each node is read
 * from its open buffer when it has one, else from disk (cached until the file changes). Its nodes name
 * their files relative to the workspace folder, so cluster messages name places as a user of the
 * folder knows them (as `kalint diff` run from that folder does).
 */
import { resolve } from "node:path";
import { DeadlineExceeded, findConfigFiles, pathKind, type Diagnostic, type FileHost, type WalkLimits } from "../../../grammar/index.js";
import { checkFleet } from "../cluster/check.js";
import { groupIntoClusters } from "../cluster/fleet.js";
import { loadNode, nodeOf } from "../cluster/nodes.js";
import { structuralDifferences, type Difference } from "../cluster/differences.js";
import type { Cluster, ClusterNode, Fleet } from "../cluster/types.js";
import type { Analysis } from "../analysis/analyze.js";
import type { AnalysedDocument } from "./document.js";
import { ANALYSIS_BUDGET_MS, folderOf, type DocumentSettings } from "./workspace.js";

/** Bounds on the workspace scan, so a huge folder costs a bounded amount once. */
/**
 * Bounds on the workspace scan, so a huge folder costs a bounded amount once: files, levels,
 * directories listed, size, and no symbolic link followed out of the folder.
 */
const SCAN_LIMITS: WalkLimits = { maxFiles: 300, maxDepth: 8, maxDirectories: 2_000, maxBytes: 8 * 1024 * 1024, staysInside: true };

export interface ClusterResult {
  /** Every diagnostic of the node, checked with its peers; undefined when it has none. */
  readonly diagnostics?: readonly Diagnostic[];
  /** Paths of the other nodes of its cluster. */
  readonly peers: readonly string[];
}

/** The structural differences between a document and one of its peers. */
export interface PeerDifferences {
  readonly peer: string;
  readonly differences: readonly Difference[];
}

/** One cluster check: the nodes it read, in order, and every diagnostic of their fleet. */
interface FleetCheck {
  readonly nodes: readonly ClusterNode[];
  readonly fleet: Fleet;
  /** Run on the first node that has peers (a node alone in its cluster needs no check). */
  all?: readonly Diagnostic[];
}

/** What the peer index reads through: the workspace's files and open documents, its folders and settings. */
export interface PeerSources {
  /** Files as the workspace reads them (open buffers first). */
  readonly host: FileHost;
  folders(): readonly string[];
  settingsFor(path: string): DocumentSettings;
  /** The analysis of the open document at `path`, if one is open. */
  openDocument(path: string): AnalysedDocument | undefined;
}

export class PeerIndex {
  /** Nodes read from disk; null for a file whose analysis ran out of time. */
  private readonly diskNodes = new Map<string, ClusterNode | null>();
  private readonly scans = new Map<string, readonly string[]>();
  /** One node per analysis of an open document, so an unchanged fleet is recognised by identity. */
  private readonly openNodes = new WeakMap<Analysis, ClusterNode>();
  /**
   * The last check of each list of candidates. Open peers share it: after an edit, the edited
   * file's publish checks the fleet and its open peers' publishes reuse that check.
   */
  private readonly checks = new Map<string, FleetCheck>();

  constructor(private readonly sources: PeerSources) {}

  /** A file changed on disk. */
  forget(path: string): void {
    this.diskNodes.delete(path);
    this.checks.clear();
  }

  /** The set of files of a folder may have changed (a document opened or closed): its next check scans again. */
  forgetScans(): void {
    this.scans.clear();
  }

  forgetAll(): void {
    this.diskNodes.clear();
    this.scans.clear();
    this.checks.clear();
  }

  /**
   * An open document's text changed: drop the checks that hold its old analysis, so the old tree
   * is garbage by the time the new one is built.
   */
  release(path: string): void {
    for (const [key, c] of this.checks) if (c.nodes.some((n) => n.path === path)) this.checks.delete(key);
  }

  /** How messages name a file: relative to the workspace folder that holds it (the CLI shows paths as given). */
  readonly displayPath = (path: string): string => {
    const folder = folderOf(this.sources.folders(), path);
    return folder === undefined ? path : path.slice(folder.length + 1);
  };

  check(doc: AnalysedDocument): ClusterResult {
    const found = this.fleetCheck(doc);
    if (!found) return { peers: [] };
    const { c, cluster, self } = found;
    c.all ??= checkFleet(c.fleet);
    const mine = new Set(self.config.files.map((f) => f.path));
    return { diagnostics: c.all.filter((d) => mine.has(d.file.path)), peers: cluster.nodes.filter((n) => n !== self).map((n) => n.path) };
  }

  /** What `kalint diff DOC PEER` lists, for each other node of the document's cluster (the document as master). */
  differences(doc: AnalysedDocument): PeerDifferences[] {
    const found = this.clusterOf(doc);
    if (!found) return [];
    const { cluster, self } = found;
    return cluster.nodes
      .filter((n) => n !== self)
      .map((peer) => ({ peer: peer.path, differences: structuralDifferences(self, peer, cluster.peerSets) }));
  }

  /** The document's cluster (two or more nodes) and its own node in it, as the last check grouped them. */
  clusterOf(doc: AnalysedDocument): { readonly cluster: Cluster; readonly self: ClusterNode } | undefined {
    const found = this.fleetCheck(doc);
    return found && { cluster: found.cluster, self: found.self };
  }

  private fleetCheck(doc: AnalysedDocument): { c: FleetCheck; cluster: Cluster; self: ClusterNode } | undefined {
    const path = doc.path;
    const settings = this.sources.settingsFor(path);
    const groups = settings.peers.filter((g) => g.includes(resolve(path)));
    let candidates: readonly string[];
    // Listed peers are bounded as the folder scan is: a settings file may list anything.
    if (groups.length > 0) candidates = [...new Set(groups.flat())].slice(0, SCAN_LIMITS.maxFiles);
    else {
      const folder = folderOf(this.sources.folders(), path);
      if (folder === undefined) return undefined;
      candidates = this.scan(folder);
    }
    // The nodes in the candidates' order (as `kalint fleet` reads a folder, or as the peers
    // setting lists them) whichever file is open, so every open peer sees the same check.
    const self = this.nodeOfDocument(doc, settings.rules);
    const listed = candidates.includes(path);
    const nodes: ClusterNode[] = listed ? [] : [self];
    for (const p of candidates) {
      const node = p === path ? self : this.nodeAt(p);
      if (node) nodes.push(node);
    }
    if (nodes.length === 1) return undefined;
    // A file another candidate includes is a fragment of that node, not a node of its own,
    // unless it is the document asked about (then that check is its own, not shared).
    const included = new Set(nodes.flatMap((n) => n.config.files.slice(1).map((f) => f.path)));
    const shared = !included.has(path);
    const key = `${listed ? "" : path}\0${JSON.stringify(settings.peers)}\0${candidates.join("\0")}`;
    let c = shared ? this.checks.get(key) : undefined;
    if (!c || c.nodes.length !== nodes.length || c.nodes.some((n, i) => n !== nodes[i])) {
      const standalone = nodes.filter((n) => n === self || !included.has(n.path));
      c = { nodes, fleet: groupIntoClusters(standalone, settings.peers, (p) => resolve(p)) };
      if (shared) this.checks.set(key, c);
    }
    const cluster = c.fleet.clusters.find((cl) => cl.nodes.includes(self));
    if (!cluster || cluster.nodes.length < 2) return undefined;
    return { c, cluster, self };
  }

  private nodeOfDocument(doc: AnalysedDocument, rules: ClusterNode["rules"]): ClusterNode {
    let node = this.openNodes.get(doc.analysis);
    if (!node) {
      node = nodeOf(doc.path, doc.analysis, { rules }, this.displayPath);
      this.openNodes.set(doc.analysis, node);
    }
    return node;
  }

  private nodeAt(path: string): ClusterNode | undefined {
    const open = this.sources.openDocument(path);
    if (open) return this.nodeOfDocument(open, this.sources.settingsFor(path).rules);
    const cached = this.diskNodes.get(path);
    if (cached !== undefined) return cached ?? undefined;
    // Only regular files (or open documents) are nodes: a FIFO or device named as a peer is not read.
    const kind = pathKind(this.sources.host.stat(path));
    if (kind !== "file" && kind !== "executable") return undefined;
    const s = this.sources.settingsFor(path);
    let node: ClusterNode | null;
    try {
      node = loadNode(
        path,
        {
          host: this.sources.host,
          rules: s.rules,
          budgetMs: ANALYSIS_BUDGET_MS,
          ...(s.targetVersion ? { targetVersion: s.targetVersion } : {}),
        },
        this.displayPath,
      );
    } catch (e) {
      if (!(e instanceof DeadlineExceeded)) throw e;
      // Too slow to be a peer: not tried again until the file changes.
      node = null;
    }
    this.diskNodes.set(path, node);
    return node ?? undefined;
  }

  /** keepalived config files under a folder: the files `kalint fleet DIR` reads, within the scan's bounds. */
  private scan(folder: string): readonly string[] {
    const cached = this.scans.get(folder);
    if (cached) return cached;
    const { files } = findConfigFiles(this.sources.host, folder, SCAN_LIMITS);
    this.scans.set(folder, files);
    return files;
  }
}
