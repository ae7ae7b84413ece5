/**
 * The one table of argument facts that differ between keepalived releases, each dated by the
 * release that changed it and with the reason. Keyword argument lists become the schema's
 * `earlierArgs` (lookup.ts attaches them); other facts (of value-block lines, of what a rule
 * requires) are read by the line checkers and rules through `datedCheck`: a check of what a
 * release reads that depends on the release belongs here. The other release-dated facts are
 * keepalived's own faults (each fault rule's `RELEASES`, rules/affected.ts) and how releases run
 * VRRP (simulate/setup.ts `RELEASES`). Found by the differential test against every release
 * (docs/differential.md) and read off each release's handlers.
 */
import type { ArgKind, ArgSpec, KeywordSpec, Version } from "./types.js";

export interface DatedArguments {
  /** Keyword paths ("vrrp_instance > advert_int"), or which positions of the schema it covers. */
  readonly keywords: readonly string[] | ((spec: Omit<KeywordSpec, "doc" | "syntax">) => boolean);
  /** The first release with the current argument list. */
  readonly before: Version;
  /** How releases before `before` read the line: an argument list, or one made from the current list. */
  readonly args: readonly ArgSpec[] | ((current: readonly ArgSpec[]) => readonly ArgSpec[]);
  /**
   * Set when those releases took values the current list refuses that are still mistakes: what
   * they do with one. kalint warns for such a target where it would refuse the value.
   */
  readonly lenient?: string;
  /** Why: what changed upstream. */
  readonly why: string;
  /** Whether those releases ignored words after the list, when that differs from the current entry. */
  readonly allowsExtra?: boolean;
}

/** A decimal argument's range read as another kind of number: C's strtod ("real") or whole numbers only. */
const readAs =
  (type: "real" | "integer") =>
  (kind: ArgKind): ArgKind =>
    kind.type === "decimal"
      ? { type, ...(kind.min !== undefined ? { min: kind.min } : {}), ...(kind.max !== undefined ? { max: kind.max } : {}) }
      : kind;
const seconds = readAs("real");
const wholeNumber = readAs("integer");
const isMicroseconds = (kind: ArgKind | undefined): boolean => kind?.type === "decimal" && kind.decimals === 6;

export const DATED_ARGUMENTS: readonly DatedArguments[] = [
  {
    keywords: ["global_defs > vrrp_strict"],
    before: [2, 3, 0],
    args: [{ name: "IGNORED", kind: { type: "any" }, optional: true }],
    why: "2.3.0 reads an optional boolean after vrrp_strict; before, a word after it was ignored",
  },
  {
    keywords: ["global_defs > vrrp_skip_check_adv_addr"],
    before: [2, 3, 0],
    args: [{ name: "IGNORED", kind: { type: "any" }, optional: true, repeat: true }],
    why: "2.3.0 reads an optional boolean after vrrp_skip_check_adv_addr; before, any word after it meant true",
  },
  {
    keywords: ["virtual_server > real_server > HTTP_GET > url > regex", "virtual_server > real_server > SSL_GET > url > regex"],
    before: [2, 2, 8],
    args: [{ name: "REGEX", kind: { type: "string" }, optional: true }],
    why: "until 2.2.8 a regex line without its pattern was only logged; 2.2.8 reports it as an error",
  },
  {
    keywords: ["vrrp_script > interval", "vrrp_script > timeout"],
    before: [2, 3, 2],
    args: [{ name: "SECONDS", kind: { type: "integer", min: 1, max: 4294 } }],
    why: "whole seconds until 2.3.2, which reads milliseconds (up to 3 decimal places)",
  },
  {
    // Every timer in seconds with microsecond precision (advert_int, delay_loop, connect_timeout, ...).
    keywords: (spec) => isMicroseconds(spec.args?.[0]?.kind),
    before: [2, 2, 3],
    args: (current) => current.map((a) => ({ ...a, kind: seconds(a.kind) })),
    why: "until 2.2.3 keepalived read seconds with C's strtod, which takes 1e3, 0x10 and any number of decimal places; 2.2.3 reads at most 6 decimal places and nothing else",
  },
  {
    keywords: ["bfd_instance > min_rx", "bfd_instance > min_tx", "bfd_instance > idle_tx"],
    before: [2, 2, 0],
    args: (current) => current.map((a) => ({ ...a, name: "MILLISECONDS", kind: wholeNumber(a.kind) })),
    why: "whole milliseconds until 2.2.0, which reads up to 3 decimal places",
  },
  {
    keywords: ["global_defs > lvs_sync_daemon"],
    before: [2, 1, 0],
    args: [
      { name: "INTERFACE", kind: { type: "string" } },
      { name: "VRRP_INSTANCE", kind: { type: "name" } },
    ],
    why: "the VRRP instance was a required second word until 2.1.0, which made it optional (`inst NAME`)",
  },
  {
    keywords: ["global_defs > vrrp_mcast_group4", "global_defs > vrrp_mcast_group6"],
    before: [2, 0, 20],
    args: [{ name: "ADDRESS", kind: { type: "any" } }],
    lenient: "takes the word without checking it (an address becomes the group, any other word leaves the default group)",
    why: "2.0.20 reports a group it cannot read as an address",
  },
  {
    keywords: ["global_defs > vrrp_mcast_group4", "global_defs > vrrp_mcast_group6"],
    before: [2, 2, 5],
    args: [{ name: "ADDRESS", kind: { type: "ip" } }],
    lenient: "takes any address as the group without checking it and sends its adverts there",
    why: "2.2.5 refuses a group that is not a multicast address of the keyword's family",
  },
  {
    keywords: ["virtual_server > real_server > weight"],
    before: [2, 1, 0],
    args: [{ name: "NUMBER", kind: { type: "integer", min: 0, max: 65535 } }],
    why: "a real server's weight was at most 65535 until 2.1.0, which takes what IPVS takes (2147483647)",
  },
  {
    keywords: ["virtual_server > real_server > UDP_CHECK > require_reply"],
    before: [2, 2, 0],
    args: [],
    allowsExtra: false,
    why: "2.2.0 reads the reply's bytes after require_reply; before, words after it were ignored",
  },
];

/** Other facts checks read (value-block lines, what a rule requires) that changed between releases. */
export interface DatedCheck {
  /** The keywords whose hover and explain mention it (value blocks whose lines it concerns, ...). */
  readonly blocks: readonly string[];
  readonly before: Version;
  /** The kind of line, for hover ("an address label over 15 characters"). */
  readonly what: string;
  /** What releases before `before` do with a line the current ones refuse. */
  readonly does: string;
  readonly why: string;
}

export const DATED_CHECKS = {
  /** `virtual_server_group` entries written as a network (`10.0.0.0/29`). */
  groupNetwork: {
    blocks: ["virtual_server_group"],
    before: [2, 2, 2],
    does: "drops the /prefix and reads the entry as that one address",
    why: "networks in virtual_server_group entries arrived in 2.2.2",
    what: "an entry written as a network (10.0.0.0/29)",
  },
  /** Words after a `unicast_peer` address (min_ttl, max_ttl, weight). */
  peerOptions: {
    blocks: ["unicast_peer"],
    before: [2, 1, 0],
    does: "reads only the address and ignores every word after it",
    why: "unicast_peer options arrived in 2.1.0",
    what: "words after a peer's address",
  },
  /** A vrrp_instance without `interface` (and no `default_interface`), for unicast. */
  instanceInterface: {
    blocks: ["vrrp_instance"],
    before: [2, 1, 0],
    does: "needs an interface for every instance, unicast or not, and reports 'Unknown interface!' without one",
    why: "2.1.0 lets an instance with unicast peers and unicast_src_ip do without an interface",
    what: "an instance without interface",
  },
  /** An address `label` longer than 15 characters. */
  labelLength: {
    blocks: ["virtual_ipaddress", "virtual_ipaddress_excluded", "static_ipaddress"],
    before: [2, 2, 3],
    does: "keeps the first 16 bytes of the label in a 16-byte field, without room for its terminating zero, so what reaches the kernel is no valid label and the address may not be added",
    why: "2.2.3 refuses a label over 15 characters and drops the address",
    what: "an address label over 15 characters",
  },
} as const satisfies Record<string, DatedCheck>;

export type DatedCheckId = keyof typeof DATED_CHECKS;
