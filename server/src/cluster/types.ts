/**
 * The cluster model: the nodes of one VRRP cluster, and the instances that are the same virtual
 * router on different nodes (a peer set). Cluster rules read this; they never see files or the CLI.
 */
import type { Code, Diagnostic, EffectiveConfig, RuleSetting } from "../../../grammar/index.js";
import type { ConfigModel, VrrpInstance } from "../model/types.js";
import type { Version } from "../schema/types.js";
import type { Report } from "../rules/types.js";

/** One keepalived node: a file, or one `@config-id` expansion of a file that holds several nodes. */
export interface ClusterNode {
  /** How messages name the node: its file as `fileLabel` names it, plus `@id` when one file holds several nodes. */
  readonly label: string;
  /**
   * How messages name one of the node's files (its own or an included one): as given on the
   * command line in the CLI, relative to the workspace folder in the editor.
   */
  readonly fileLabel: (path: string) => string;
  readonly path: string;
  readonly configId?: string;
  readonly config: EffectiveConfig;
  readonly model: ConfigModel;
  /** The node's own single-file diagnostics (schema, VRRP and LVS rules); none for a node read only for its model (modelNode). */
  readonly diagnostics: readonly Diagnostic[];
  /** Per-code settings from the node's rc file and the command line. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** The keepalived release the node is checked against (`--target-version`, rc file); absent: the newest known. */
  readonly targetVersion?: Version;
}

/** A vrrp_instance on one node. */
export interface Peer {
  readonly node: ClusterNode;
  readonly instance: VrrpInstance;
}

/** The same virtual router on several nodes: at most one peer per node. */
export interface PeerSet {
  /** The first peer's instance name. */
  readonly name: string;
  readonly peers: readonly Peer[];
}

export interface Cluster {
  readonly nodes: readonly ClusterNode[];
  readonly peerSets: readonly PeerSet[];
}

/** Every cluster found among a set of files (`kalint fleet`); `kalint diff` is a fleet of one. */
export interface Fleet {
  readonly clusters: readonly Cluster[];
}

/** A rule over the nodes of one cluster, or across the clusters of a fleet. */
export interface ClusterRule {
  readonly code: Code;
  checkCluster?(cluster: Cluster, report: Report): void;
  checkFleet?(fleet: Fleet, report: Report): void;
}
