/**
 * The shape of the keyword schema: every keyword in every block where keepalived accepts it.
 * Data lives in generated modules beside this one; lookups live in `lookup.ts`.
 */

/** A keepalived version as [major, minor, patch]. */
export type Version = readonly [number, number, number];

/** What one argument position accepts. */
export type ArgKind =
  | { readonly type: "integer"; readonly min?: number; readonly max?: number }
  /** Decimal seconds (or other unit) with at most `decimals` places. */
  | { readonly type: "decimal"; readonly min?: number; readonly max?: number; readonly decimals: number }
  /**
   * A floating-point number as C's strtod reads it (`1.5`, `1e3`, `0x10`, any number of decimal
   * places): how releases before 2.2.3 read seconds.
   */
  | { readonly type: "real"; readonly min?: number; readonly max?: number }
  | { readonly type: "boolean" }
  | { readonly type: "enum"; readonly values: readonly string[]; readonly caseInsensitive?: boolean }
  | { readonly type: "ipv4" }
  | { readonly type: "ipv6" }
  | { readonly type: "ip" }
  /** Address with optional /prefix. */
  | { readonly type: "ip-prefix" }
  | { readonly type: "port" }
  /** A multicast group address: of one family when `family` says so, else of either. */
  | { readonly type: "multicast"; readonly family?: 4 | 6 }
  /** An address, or a host name resolved when keepalived starts. */
  | { readonly type: "host" }
  | { readonly type: "name" }
  | { readonly type: "path" }
  | { readonly type: "string" }
  | { readonly type: "any" };

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** The last spec may repeat for the rest of the line. */
  readonly repeat?: boolean;
}

/** An argument list that keepalived used up to (not including) version `before`. */
export interface EarlierArgs {
  readonly before: Version;
  readonly args: readonly ArgSpec[];
  /**
   * Set when these releases took values the current list refuses and that are still mistakes
   * (a multicast group that is no multicast address): what such a release does with one, e.g.
   * "sends its adverts to it". kalint then warns, for those targets, where it would refuse.
   */
  readonly lenient?: string;
  /** What changed upstream, in a few words. */
  readonly why?: string;
  /** Whether those releases ignored words after the list, when that differs from the current entry. */
  readonly allowsExtra?: boolean;
}

export type BlockKind = "keywords" | "values";

export interface KeywordSpec {
  readonly name: string;
  /** Block path from the top level, e.g. ["virtual_server", "real_server"]; [] = top level. */
  readonly parents: readonly string[];
  /** Present when the keyword opens a block. */
  readonly block?: BlockKind;
  /** Arguments on the keyword's own line. Undefined = not checked (free form). */
  readonly args?: readonly ArgSpec[];
  /**
   * How releases before the current argument list read the line: for a target version below
   * some entry's `before`, the entry with the lowest such `before` applies.
   */
  readonly earlierArgs?: readonly EarlierArgs[];
  /** Extra words after the declared args are ignored by keepalived (extra-argument). */
  readonly allowsExtra?: boolean;
  /** Single-valued: giving it twice in one block is a duplicate. */
  readonly single?: boolean;
  /** keepalived exits (status 2) when the argument is missing. */
  readonly missingArgIsFatal?: boolean;
  readonly since: Version;
  /** Set when the keyword is deprecated; `replacement` names what to use instead. */
  readonly deprecated?: { readonly since?: Version; readonly replacement?: string; readonly note?: string };
  /** Another name of the same keyword (same handler). */
  readonly aliasOf?: string;
  /** Build features the keyword needs (e.g. "_WITH_BFD_"). */
  readonly buildConditions?: readonly string[];
  /** Documentation in kalint's own words (Markdown). */
  readonly doc: string;
  /** One-line argument syntax for hover and completion, e.g. "INTEGER 1..255". */
  readonly syntax: string;
}

/** Names that keepalived used to accept and no longer does. */
export interface RemovedKeyword {
  readonly name: string;
  readonly removedIn: Version;
  readonly replacement?: string;
  readonly doc: string;
}
