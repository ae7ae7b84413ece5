/**
 * The analysed configuration of one node: the objects keepalived builds from the effective tree,
 * with keepalived's defaults applied and a link back to the words they came from.
 */
import type { Block, ConfigFile, Span, Statement, ValueLine, Word } from "../../../grammar/index.js";

/** A setting's effective value: written somewhere, or keepalived's default. */
export interface Setting<T> {
  readonly value: T;
  /** The statement that set it; absent for a default. */
  readonly statement?: Statement;
  /** The word holding the value; absent for a default. */
  readonly word?: Word;
}

export type TrackKind = "script" | "interface" | "process" | "file" | "bfd";

export interface TrackEntry {
  readonly kind: TrackKind;
  readonly name: string;
  /** The written weight, if any. */
  readonly weight?: number;
  readonly reverse: boolean;
  readonly line: ValueLine;
}

export interface VirtualAddress {
  /** Address in canonical form (lower case IPv6, no prefix). */
  readonly address: string;
  readonly prefix?: number;
  readonly family: 4 | 6 | undefined;
  readonly dev?: string;
  readonly label?: string;
  readonly line: ValueLine;
}

export interface Authentication {
  readonly type?: Setting<string>;
  readonly pass?: Setting<string>;
  readonly block: Block;
}

export interface VrrpInstance {
  readonly name: string;
  readonly nameWord: Word | undefined;
  readonly block: Block;
  readonly state: Setting<"MASTER" | "BACKUP" | undefined>;
  /** Effective priority: as written, else 255 for `state MASTER`, else 100. */
  readonly priority: Setting<number>;
  readonly virtualRouterId?: Setting<number>;
  readonly interface?: Setting<string>;
  /** Seconds; default 1. */
  readonly advertInt: Setting<number>;
  /** Effective VRRP version: instance `version`, else IPv6 ⇒ 3, else global `vrrp_version`, else 2. */
  readonly version: Setting<2 | 3>;
  readonly family: 4 | 6;
  readonly authentication?: Authentication;
  readonly nopreempt: boolean;
  /**
   * Effective strict mode: the instance's `strict_mode`, else global `vrrp_strict` (a keyword
   * alone means on). The statement is the one that decided, absent when neither is written.
   */
  readonly strict: Setting<boolean>;
  readonly unicastSrcIp?: Setting<string>;
  readonly unicastPeers: readonly VirtualAddress[];
  readonly virtualAddresses: readonly VirtualAddress[];
  readonly excludedAddresses: readonly VirtualAddress[];
  readonly tracks: readonly TrackEntry[];
  readonly syncGroup?: SyncGroup;
  /** Sub-statements by keyword (the last one wins, as in keepalived). */
  readonly settings: ReadonlyMap<string, Statement>;
}

export interface SyncGroup {
  readonly name: string;
  readonly nameWord: Word | undefined;
  readonly block: Block;
  readonly members: readonly { readonly name: string; readonly word: Word }[];
  readonly tracks: readonly TrackEntry[];
}

export interface RealServer {
  readonly address: string;
  readonly port?: number;
  readonly block: Block | Statement;
  readonly weight: number;
  readonly checkers: readonly Block[];
}

export interface VirtualServer {
  /** `10.0.0.1 80`, `fwmark 5`, or `group NAME`. */
  readonly key: string;
  readonly kind: "address" | "fwmark" | "group";
  readonly address?: string;
  readonly port?: number;
  /** The virtual_server_group it serves (kind "group"). */
  readonly group?: string;
  readonly family: 4 | 6 | undefined;
  readonly block: Block;
  readonly method?: Setting<string>;
  readonly scheduler?: Setting<string>;
  readonly protocol?: Setting<string>;
  readonly quorum?: Setting<number>;
  readonly realServers: readonly RealServer[];
}

/** A `virtual_server_group NAME { ... }`: the addresses (ranges, networks) and fwmarks a `virtual_server group NAME` serves. */
export interface VirtualServerGroup {
  readonly name: string;
  readonly nameWord: Word | undefined;
  readonly block: Block;
  readonly entries: readonly VsgEntry[];
}

export type VsgEntry =
  /** `ADDRESS[-END|/PREFIX] [PORT]`: the first address of the entry, canonical. */
  | {
      readonly kind: "address";
      readonly line: ValueLine;
      readonly address: string;
      readonly family: 4 | 6 | undefined;
      readonly port?: number;
    }
  | { readonly kind: "fwmark"; readonly line: ValueLine; readonly fwmark?: number };

/** A named object other parts of the file refer to. */
export interface Definition {
  readonly kind: DefinitionKind;
  readonly name: string;
  readonly nameWord: Word | undefined;
  readonly node: Block;
}

export type DefinitionKind =
  | "vrrp_instance"
  | "vrrp_sync_group"
  | "vrrp_script"
  | "vrrp_track_process"
  | "vrrp_track_file"
  | "track_group"
  | "bfd_instance"
  | "virtual_server_group";

/** A word that names a definition. */
export interface Reference {
  readonly kind: DefinitionKind;
  readonly name: string;
  readonly word: Word;
  /** keepalived resolves this reference while reading, so the target must come first. */
  readonly mustPrecede: boolean;
  /**
   * The top-level block holding the reference. Its place among the file's top-level nodes is
   * the reference's place in the effective configuration, even when an include put the
   * word itself in another file.
   */
  readonly within?: Block;
}

export interface ConfigModel {
  readonly file: ConfigFile;
  readonly globalDefs: readonly Block[];
  readonly instances: readonly VrrpInstance[];
  readonly syncGroups: readonly SyncGroup[];
  readonly virtualServers: readonly VirtualServer[];
  readonly virtualServerGroups: readonly VirtualServerGroup[];
  readonly definitions: readonly Definition[];
  readonly references: readonly Reference[];
  /** A global_defs setting by keyword (the last one wins). */
  global(keyword: string): Statement | undefined;
}

export type { Span };
