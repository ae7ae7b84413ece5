/**
 * The registry: every code kalint reports, with its metadata, in one table below every layer that
 * reports (the grammar and preprocessor, the schema validator, the file and cluster rules, the
 * suppression comments). A layer names a code and never writes a severity: the default severity,
 * category, scope and docs page come from here, and `kalint rules`, `explain`, SARIF, the rc file
 * and the editor settings read the same table. Codes are stable slugs; never rename one.
 *
 * A new rule is one line here, its module, its docs page and its test (docs/ARCHITECTURE.md).
 */
import type { Diagnostic, Fix, RelatedInformation, Severity } from "./diagnostic.js";
import type { Span } from "./source.js";

export type Category = "language" | "schema" | "vrrp" | "lvs" | "cluster" | "meta";

/**
 * Who reports the code: `builtin` codes come from the grammar, the preprocessor, the schema
 * validator or the suppression comments; `file` rules check one node's model; `cluster` rules
 * compare the nodes of a cluster (they run under `kalint diff`, `fleet` and in the editor).
 */
export type Scope = "builtin" | "file" | "cluster";

interface Entry {
  readonly severity: Exclude<Severity, "hint">;
  readonly category: Category;
  readonly scope: Scope;
  /** One line: what the rule catches. */
  readonly summary: string;
  /** Whether the rule offers fixes. */
  readonly fixable?: true;
  /**
   * The severity of the code's milder findings: a defect the simulation shows causes no outage,
   * or a mistake the target release lets through (schema/dated.ts: it takes the value and does
   * something else with it than the line says).
   */
  readonly mild?: Exclude<Severity, "hint">;
}

/** The table, in the order `kalint rules` lists it (SARIF's rule indexes follow it too). One line a rule. */
// prettier-ignore
const TABLE = {
  // language and schema, reported while reading and validating
  "syntax-error": { severity: "error", category: "language", scope: "builtin", summary: "unbalanced braces, unterminated quotes and other text keepalived cannot read" },
  "line-too-long": { severity: "error", category: "language", scope: "builtin", summary: "a line over 1023 bytes, which keepalived drops whole" },
  "include-not-found": { severity: "warning", category: "language", scope: "builtin", summary: "an include pattern that matches no readable file" },
  "include-cycle": { severity: "error", category: "language", scope: "builtin", summary: "a file that includes itself, directly or through others" },
  "not-keepalived-config": { severity: "error", category: "language", scope: "builtin", summary: "a file that is not keepalived configuration, named or included; its content is never shown" },
  "resource-limit": { severity: "error", category: "language", scope: "builtin", summary: "input past one of kalint's limits (size, lines, files, include matches, time): the rest is not read" },
  "undefined-variable": { severity: "error", category: "language", scope: "builtin", summary: "a $NAME reference with no definition before it" },
  "unknown-keyword": { severity: "error", category: "schema", scope: "builtin", fixable: true, summary: "a keyword that is not valid in the block it appears in" },
  "deprecated-keyword": { severity: "warning", category: "schema", scope: "builtin", fixable: true, summary: "a deprecated keyword or spelling, with its replacement" },
  "removed-keyword": { severity: "error", category: "schema", scope: "builtin", summary: "a keyword that the target keepalived version no longer accepts" },
  "keyword-too-new": { severity: "error", category: "schema", scope: "builtin", summary: "a keyword newer than the target keepalived version" },
  "invalid-value": { severity: "error", mild: "warning", category: "schema", scope: "builtin", summary: "a value of the wrong type or outside the allowed words" },
  "out-of-range": { severity: "error", mild: "warning", category: "schema", scope: "builtin", summary: "a number outside the range keepalived accepts" },
  "missing-argument": { severity: "error", category: "schema", scope: "builtin", summary: "a keyword with fewer arguments than it needs" },
  "extra-argument": { severity: "warning", category: "schema", scope: "builtin", summary: "arguments keepalived ignores" },
  "duplicate-keyword": { severity: "warning", category: "schema", scope: "builtin", summary: "a single-valued keyword given twice in one block" },
  "misread-value": { severity: "warning", category: "schema", scope: "builtin", fixable: true, summary: "a value keepalived accepts but reads otherwise than written (a /prefix it drops, a bare number it takes for a netmask)" },
  "route-not-tracked": { severity: "warning", category: "vrrp", scope: "builtin", summary: "a virtual or static route without 'dev', which keepalived loads but does not track" },
  "unused-suppression": { severity: "warning", category: "meta", scope: "builtin", fixable: true, summary: "a kalint disable comment that suppresses nothing" },
  "template-syntax": { severity: "error", category: "language", scope: "builtin", summary: "a malformed template: an unclosed tag or expression, an endif with no if, ..." },
  "template-brace-imbalance": { severity: "error", category: "language", scope: "builtin", summary: "a template loop body or if branches that open and close keepalived blocks unevenly" },
  // render mode (server/src/render/): a template rendered with each node's variables
  "template-undefined-variable": { severity: "error", category: "language", scope: "builtin", summary: "render mode: the template uses a variable no vars file defines" },
  "template-render-unsupported": { severity: "info", category: "language", scope: "builtin", summary: "render mode: a filter, test or lookup kalint cannot evaluate, so that node is not rendered" },
  "internal-error": { severity: "error", category: "meta", scope: "builtin", summary: "a rule failed on this input (a bug in kalint); the other rules still ran" },
  // one node (server/src/rules/<code>.ts)
  "duplicate-definition": { severity: "error", category: "language", scope: "file", summary: "two vrrp_instance, vrrp_script, sync groups or other named blocks share one name" },
  "undefined-reference": { severity: "error", category: "language", scope: "file", summary: "a track_*, sync group member or virtual_server group naming nothing defined (before it, where keepalived requires that)" },
  "unused-definition": { severity: "warning", category: "language", scope: "file", summary: "a vrrp_script, track_process, track_file, track_group, bfd_instance or virtual_server_group that nothing references" },
  "empty-block": { severity: "warning", category: "language", scope: "file", fixable: true, summary: "a notification_email or garp_group interfaces block with nothing in it" },
  "config-test-exit-zero": { severity: "info", category: "language", scope: "file", summary: "keepalived -t of 2.0.20-2.1.5 exits 0 after most configuration errors" },
  "config-test-namespace": { severity: "info", category: "language", scope: "file", summary: "keepalived -t stops, with exit status 0, where the net_namespace does not exist" },
  "missing-required": { severity: "error", category: "vrrp", scope: "file", summary: "a vrrp_instance without interface or virtual_router_id, a vrrp_script without script, and other blocks missing what keepalived needs" },
  "vrid-collision": { severity: "error", category: "vrrp", scope: "file", summary: "two instances with one virtual_router_id on one interface and address family" },
  "auth-pass-truncated": { severity: "warning", category: "vrrp", scope: "file", fixable: true, summary: "an auth_pass longer than the 8 characters keepalived uses" },
  "nopreempt-with-master": { severity: "warning", category: "vrrp", scope: "file", fixable: true, summary: "nopreempt (or preempt_delay) with state MASTER, which keepalived clears" },
  "implicit-owner-priority": { severity: "info", category: "vrrp", scope: "file", fixable: true, summary: "state MASTER without priority, which makes the instance the address owner (priority 255)" },
  "mixed-address-family": { severity: "error", category: "vrrp", scope: "file", summary: "IPv4 and IPv6 addresses mixed in one instance's virtual_ipaddress, unicast_peer or source address" },
  "strict-mode-conflict": { severity: "error", category: "vrrp", scope: "file", summary: "vrrp_strict (or strict_mode) with unicast peers, authentication or other settings strict mode rejects" },
  "script-security": { severity: "warning", category: "vrrp", scope: "file", fixable: true, summary: "scripts configured without enable_script_security in global_defs" },
  "relative-script-path": { severity: "warning", category: "vrrp", scope: "file", summary: "a script or notify command that is not an absolute path" },
  "config-test-terminates": { severity: "info", category: "vrrp", scope: "file", summary: "keepalived -t of 2.2.5-2.2.7 kills itself on a script that runs as a non-root user" },
  "vip-label-too-long": { severity: "error", mild: "warning", category: "vrrp", scope: "file", summary: "an address label (iface:label) over 15 characters" },
  "missing-interface-crash": { severity: "info", category: "vrrp", scope: "file", summary: "keepalived 2.0.8-2.0.20 crashes on an instance without interface after one with an interface" },
  "weighted-track-in-sync-group": { severity: "warning", category: "vrrp", scope: "file", summary: "a weighted track on an instance inside a sync group, where keepalived ignores the weight" },
  "missing-real-server": { severity: "error", category: "lvs", scope: "file", summary: "a virtual_server (or group-based one) with no real_server" },
  "duplicate-real-server": { severity: "error", category: "lvs", scope: "file", summary: "the same real server address and port twice in one virtual_server" },
  "quorum-unreachable": { severity: "warning", category: "lvs", scope: "file", fixable: true, summary: "a quorum greater than the sum of the real server weights" },
  "real-server-port-mismatch": { severity: "warning", category: "lvs", scope: "file", fixable: true, summary: "a DR or TUN real server whose port differs from the virtual server's" },
  "misc-check-user-crash": { severity: "info", category: "lvs", scope: "file", summary: "keepalived 2.0-2.2.2 crashes on a MISC_CHECK whose script user cannot be set" },
  "smtp-check-host-hang": { severity: "info", category: "lvs", scope: "file", summary: "keepalived 2.3.0-2.3.3 hangs on an SMTP_CHECK with a host block" },
  // the nodes of a cluster (server/src/cluster/rules/<code>.ts)
  "vrid-mismatch": { severity: "error", category: "cluster", scope: "cluster", fixable: true, summary: "peer instances on different nodes have different virtual_router_id values" },
  "priority-tie": { severity: "warning", category: "cluster", scope: "cluster", fixable: true, summary: "peer instances run with the same effective priority, so the master is chosen by IP address" },
  "priority-inverted": { severity: "error", category: "cluster", scope: "cluster", summary: "the state MASTER node has a lower priority than a state BACKUP peer" },
  "auth-mismatch": { severity: "error", category: "cluster", scope: "cluster", fixable: true, summary: "peer instances use a different authentication type or password" },
  "advert-int-mismatch": { severity: "error", mild: "warning", category: "cluster", scope: "cluster", fixable: true, summary: "peer instances advertise at different intervals (advert_int)" },
  "vip-mismatch": { severity: "error", mild: "warning", category: "cluster", scope: "cluster", summary: "peer instances carry different virtual_ipaddress sets" },
  "version-mismatch": { severity: "error", category: "cluster", scope: "cluster", fixable: true, summary: "peer instances speak different VRRP versions" },
  "unicast-mismatch": { severity: "error", mild: "warning", category: "cluster", scope: "cluster", fixable: true, summary: "one peer sends unicast and the other multicast, or a peer's unicast_src_ip is missing from the other's unicast_peer" },
  "track-weight-insufficient": { severity: "warning", category: "cluster", scope: "cluster", fixable: true, summary: "failing every weighted track on the master cannot bring its priority below the backup's" },
  "track-mismatch": { severity: "warning", category: "cluster", scope: "cluster", summary: "a script, process, file or BFD session tracked on one peer and not on the other" },
  "virtual-server-mismatch": { severity: "warning", category: "cluster", scope: "cluster", summary: "the LVS tables (virtual and real servers, methods, schedulers, checks) differ between nodes" },
  "peer-missing": { severity: "warning", category: "cluster", scope: "cluster", summary: "an instance has no peer on the other nodes of its cluster" },
  "fleet-vrid-collision": { severity: "error", category: "cluster", scope: "cluster", fixable: true, summary: "two different clusters use one VRID on one network segment" },
  "failover-outage": { severity: "error", category: "cluster", scope: "cluster", summary: "when one node fails (stops, a tracked check fails, it is cut off), the simulation ends in split brain, no owner or no failover" },
  "unicast-peer-self": { severity: "warning", category: "cluster", scope: "cluster", summary: "a node's unicast_peer lists its own unicast_src_ip" },
  "master-ambiguous": { severity: "warning", category: "cluster", scope: "cluster", summary: "several peers are state MASTER, or none is (without nopreempt)" },
} as const satisfies Readonly<Record<string, Entry>>;

/** A rule code: a key of the table, so a misspelt code is a compile error. */
export type Code = keyof typeof TABLE;

/** The codes of one scope: a rule list of that scope typed by it must hold every one of them. */
export type CodeOfScope<S extends Scope> = { [C in Code]: (typeof TABLE)[C]["scope"] extends S ? C : never }[Code];

export interface RuleInfo {
  readonly code: Code;
  readonly severity: Exclude<Severity, "hint">;
  readonly category: Category;
  readonly scope: Scope;
  readonly summary: string;
  readonly fixable: boolean;
}

let list: readonly RuleInfo[] | undefined;
let byCode: ReadonlyMap<string, RuleInfo> | undefined;

/** Every rule, in the table's order. */
export function allRuleInfo(): readonly RuleInfo[] {
  list ??= Object.entries(TABLE).map(([code, e]: [string, Entry]) => ({
    code: code as Code,
    severity: e.severity,
    category: e.category,
    scope: e.scope,
    summary: e.summary,
    fixable: e.fixable === true,
  }));
  return list;
}

/** The rule a code names, or undefined for a string that is no code. */
export function ruleInfo(code: string): RuleInfo | undefined {
  byCode ??= new Map(allRuleInfo().map((r) => [r.code, r]));
  return byCode.get(code);
}

/** The values of a table keyed by code, in the registry's order. */
export function inRegistryOrder<T>(byCode: Partial<Readonly<Record<Code, T>>>): T[] {
  return allRuleInfo().flatMap((r) => (byCode[r.code] !== undefined ? [byCode[r.code]!] : []));
}

/** The default severity of a code. */
export function severityOf(code: Code): Severity {
  return TABLE[code].severity;
}

/**
 * A finding of `code` at `at`, with the code's default severity, or its milder one for a `mild`
 * finding (settings may change either later).
 */
export function diagnostic(
  at: Span,
  code: Code,
  message: string,
  extras: { readonly related?: readonly RelatedInformation[]; readonly fix?: Fix; readonly mild?: boolean } = {},
): Diagnostic {
  const entry: Entry = TABLE[code];
  return {
    file: at.file,
    start: at.start,
    end: at.end,
    code,
    severity: (extras.mild ? entry.mild : undefined) ?? entry.severity,
    message,
    ...(extras.related ? { related: extras.related } : {}),
    ...(extras.fix ? { fix: extras.fix } : {}),
  };
}

/** Where a rule's page is published: docs/rules/<code>.md of the repository (SARIF helpUri, LSP codeDescription). */
export function docsUrl(code: string): string {
  return `https://github.com/kalint/kalint/blob/main/docs/rules/${code}.md`;
}

/** The severities a rule may be given, from most to least severe: also the levels of `--fail-on`. */
export const RULE_SEVERITIES = ["error", "warning", "info"] as const;

/**
 * What an rc file, `--disable`/`--enable` and the editor's `kalint.rules` may set a rule to: one
 * of RULE_SEVERITIES, or off (client/package.json lists the same words; a test compares them).
 */
export type RuleSetting = (typeof RULE_SEVERITIES)[number] | "off";
export const RULE_SETTINGS: readonly RuleSetting[] = ["off", ...[...RULE_SEVERITIES].reverse()];
