/**
 * The `keyword` operator: every keyword position of the schema that keepalived 2.2.7 has, put
 * into a base that holds its block, with an argument that fits, with none, and with one that
 * does not fit. Most keywords appear in no base or corpus file, so without this sweep the
 * differential would never compare what the schema says of them with what keepalived does.
 */
import { allKeywords, compareVersions } from "../../server/src/schema/lookup.js";
import type { ArgKind, ArgSpec, KeywordSpec, Version } from "../../server/src/schema/types.js";

const TARGET: Version = [2, 2, 7];

/**
 * Keywords left out, with the reason: their verdict depends on something other than the line
 * itself, which a one-line insertion cannot give.
 */
const SKIPPED: ReadonlyMap<string, string> = new Map([
  ["vrrp_ipsets", "the Debian build of 2.2.7 has no ipset support, so keepalived does not know the keyword"],
  ["use_ipvlan", "an IPv4 ipvlan needs a source address elsewhere in the instance"],
  ["vrf", "a VRF is refused when the instance names an interface, which every base instance does"],
  ["hashed", "applies only with lb_algo sh"],
  ["sh-port", "applies only with lb_algo sh"],
  ["sh-fallback", "applies only with lb_algo sh"],
  ["mh-port", "applies only with lb_algo mh"],
  ["mh-fallback", "applies only with lb_algo mh"],
  ["sorry_server_lvs_method", "keepalived refuses it before a sorry_server line"],
  ["virtual_server_group", "an empty group is removed with an error; a group needs entries"],
]);

/** Values for keywords whose argument kind says too little to make a fitting one. */
const FITTING: ReadonlyMap<string, string> = new Map([
  ["persistence_granularity", "255.255.255.0"],
  ["vrrp_rx_bufs_policy", "MTU"],
  ["virtualhost", "www.example.com"],
  ["vrrp_cpu_affinity", "0"],
  ["checker_cpu_affinity", "0"],
  ["bfd_cpu_affinity", "0"],
  ["umask", "022"],
  ["user", "root"],
]);

/** A value keepalived should take for an argument of this kind. */
function fitting(kind: ArgKind): string | undefined {
  switch (kind.type) {
    case "integer":
    case "decimal":
      return String(kind.min !== undefined && kind.min > 1 ? kind.min : Math.min(kind.max ?? 1, 1));
    case "boolean":
      return "true";
    case "enum":
      return kind.values[0];
    case "ipv4":
    case "ip":
    case "host":
      return "10.9.9.9";
    case "ipv6":
      return "2001:db8::9";
    case "ip-prefix":
      return "10.9.9.0/24";
    case "port":
      return "8080";
    case "path":
      return "/etc/keepalived/sweep.txt";
    case "multicast":
      return kind.family === 6 ? "ff02::13" : "224.0.0.19";
    default:
      return undefined;
  }
}

/** A value this kind refuses, when there is one that keepalived refuses too. */
function unfitting(kind: ArgKind): string | undefined {
  switch (kind.type) {
    case "integer":
      return kind.max !== undefined ? String(kind.max + 1) : "abc";
    case "decimal":
      return "abc";
    case "boolean":
      return "maybe";
    case "enum":
      return "bogus";
    case "ipv4":
    case "ipv6":
    case "ip":
    case "ip-prefix":
      return "10.9.9.300";
    case "port":
      return "65536";
    case "multicast":
      // An address of the right family outside the multicast ranges.
      return kind.family === 6 ? "2001:db8::9" : "10.9.9.9";
    default:
      return undefined;
  }
}

function argsFor(args: readonly ArgSpec[], pick: (kind: ArgKind) => string | undefined): string[] | undefined {
  const out: string[] = [];
  for (const arg of args) {
    if (arg.optional) break;
    // A free-form value: a number is what most of them hold (seconds, counts, sizes).
    const value = pick(arg.kind) ?? (arg.kind.type === "any" ? "1" : arg.kind.type === "string" || arg.kind.type === "name" ? "sweep" : undefined);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

export interface SweepLine {
  readonly spec: KeywordSpec;
  readonly variant: number;
  readonly line: string;
}

/** The lines to try for each keyword position: fitting arguments, none, and one unfitting value. */
export function sweepLines(): SweepLine[] {
  const out: SweepLine[] = [];
  for (const spec of allKeywords()) {
    if (compareVersions(spec.since, TARGET) > 0 || spec.args === undefined || SKIPPED.has(spec.name)) continue;
    const known = FITTING.get(spec.name);
    const good = known !== undefined ? [known] : argsFor(spec.args, fitting);
    const body = spec.block ? " {\n}" : "";
    if (good) out.push({ spec, variant: 0, line: [spec.name, ...good].join(" ") + body });
    if (spec.args.length > 0 && !spec.args[0]!.optional) out.push({ spec, variant: 1, line: spec.name + body });
    const first = spec.args[0];
    const bad = first && unfitting(first.kind);
    if (good && bad !== undefined) out.push({ spec, variant: 2, line: [spec.name, bad, ...good.slice(1)].join(" ") + body });
  }
  return out;
}
