/**
 * The `keyword` operator: every keyword position of the schema that the target release has, put
 * into a base that holds its block, with an argument that fits, with none, and with one that
 * does not fit, each in the argument forms of that release. Most keywords appear in no base or
 * corpus file, so without this sweep the differential would never compare what the schema says
 * of them with what keepalived does. The `newer-keyword` operator puts each keyword position
 * the release does not have yet, with fitting arguments: keepalived must not know it, and kalint
 * must say keyword-too-new.
 */
import { allKeywords, compareVersions } from "../../server/src/schema/lookup.js";
import type { ArgKind, ArgSpec, KeywordSpec, Version } from "../../server/src/schema/types.js";
import { argsFor as argsOfRelease } from "../../server/src/validate/arguments.js";

/**
 * Keywords left out, with the reason: their verdict depends on something other than the line
 * itself, which a one-line insertion cannot give. `before`: left out only for older releases.
 */
const SKIPPED: ReadonlyMap<string, { readonly reason: string; readonly before?: Version }> = new Map([
  ["vrrp_ipsets", { reason: "the builds with Debian's dependencies have no ipset support, so keepalived does not know the keyword" }],
  [
    "vrrp_iptables",
    {
      reason: "before 2.2.0 the keyword needs iptables support, which a build with Debian's dependencies lacks (no libip6tc)",
      before: [2, 2, 0],
    },
  ],
  [
    "net_namespace",
    {
      reason:
        "keepalived -t first moves into the named namespace; where it does not exist (here) the test stops, silently, with exit status 0 (see the config-test-namespace rule)",
    },
  ],
  ["use_ipvlan", { reason: "an IPv4 ipvlan needs a source address elsewhere in the instance" }],
  ["vrf", { reason: "a VRF is refused when the instance names an interface, which every base instance does" }],
  ["hashed", { reason: "applies only with lb_algo sh" }],
  ["sh-port", { reason: "applies only with lb_algo sh" }],
  ["sh-fallback", { reason: "applies only with lb_algo sh" }],
  ["mh-port", { reason: "applies only with lb_algo mh" }],
  ["mh-fallback", { reason: "applies only with lb_algo mh" }],
  ["sorry_server_lvs_method", { reason: "keepalived refuses it before a sorry_server line" }],
  ["virtual_server_group", { reason: "an empty group is removed with an error; a group needs entries" }],
]);

const skipped = (name: string, target: Version): boolean => {
  const s = SKIPPED.get(name);
  return s !== undefined && (s.before === undefined || compareVersions(target, s.before) < 0);
};

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
    const value =
      pick(arg.kind) ?? (arg.kind.type === "any" ? "1" : arg.kind.type === "string" || arg.kind.type === "name" ? "sweep" : undefined);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

export interface SweepLine {
  readonly spec: KeywordSpec;
  /** `keyword` (known to the target) or `newer-keyword`. */
  readonly operator: string;
  /** The keyword position's index in the schema, stable between runs. */
  readonly id: number;
  readonly variant: number;
  readonly line: string;
}

/**
 * Number forms a numeric first argument is also tried in when every mutant is kept (by hand):
 * forms whose reading changed between releases (strtod before 2.2.3 took `1e3` and `0x10`).
 */
const NUMBER_FORMS = [".5", "1.5", "1e3", "0x10", "1.1234567", "-1", "0"];

/**
 * The lines to try for each keyword position: fitting arguments, none, and one unfitting value,
 * as release `target` reads them; with `numberForms`, a numeric first argument in every form of
 * NUMBER_FORMS and just past its bounds too.
 */
export function sweepLines(target: Version, numberForms = false): SweepLine[] {
  const out: SweepLine[] = [];
  allKeywords().forEach((spec, id) => {
    if (skipped(spec.name, target)) return;
    const newer = compareVersions(spec.since, target) > 0;
    const args = newer ? spec.args : argsOfRelease(spec, target).args;
    if (args === undefined) return;
    const known = FITTING.get(spec.name);
    const good = known !== undefined ? [known] : argsFor(args, fitting);
    const body = spec.block ? " {\n}" : "";
    if (newer) {
      if (good) out.push({ spec, operator: "newer-keyword", id, variant: 0, line: [spec.name, ...good].join(" ") + body });
      return;
    }
    if (good) out.push({ spec, operator: "keyword", id, variant: 0, line: [spec.name, ...good].join(" ") + body });
    if (args.length > 0 && !args[0]!.optional) out.push({ spec, operator: "keyword", id, variant: 1, line: spec.name + body });
    const first = args[0];
    const bad = first && unfitting(first.kind);
    if (good && bad !== undefined)
      out.push({ spec, operator: "keyword", id, variant: 2, line: [spec.name, bad, ...good.slice(1)].join(" ") + body });
    const kind = first?.kind;
    if (numberForms && good && kind && (kind.type === "integer" || kind.type === "decimal" || kind.type === "real")) {
      // Just outside the bounds (for seconds, 0, -1 and the forms above try the lower one).
      const edges =
        kind.type === "integer"
          ? [kind.min !== undefined ? String(kind.min - 1) : undefined, kind.max !== undefined ? String(kind.max + 1) : undefined]
          : [kind.max !== undefined ? (kind.max + 0.001).toFixed(3) : undefined];
      [...NUMBER_FORMS, ...edges].forEach((form, i) => {
        if (form !== undefined)
          out.push({ spec, operator: "keyword-number", id, variant: 3 + i, line: [spec.name, form, ...good.slice(1)].join(" ") + body });
      });
    }
  });
  return out;
}
