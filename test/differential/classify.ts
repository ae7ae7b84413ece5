/**
 * How a `keepalived -t` run and a `kalint check` run are each reduced to one verdict: "does this
 * file have a configuration error that the language/schema layer should see?". The lists here
 * are the documented differences of docs/differential.md; keep the two in step.
 */
import { compareVersions } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";

/**
 * keepalived messages that come from its checks after parsing (cross-object validation) or
 * from the host, not from reading the statements. kalint reports the first kind through its
 * VRRP/LVS rules and cannot know the second, so neither decides the language/schema verdict.
 */
export const NOT_PARSE_LEVEL: readonly { readonly kind: "semantic" | "host" | "security" | "warning"; readonly pattern: RegExp }[] = [
  // Warnings keepalived -t counts as errors (exit 5) and kalint reports as warnings
  // (deprecated-keyword, duplicate-keyword): excluded on both sides.
  { kind: "warning", pattern: /deprecated|please (use|replace)|already (been )?(set|specified)|is a duplicate|specified more than once/i },
  // The same from 2.2.8 on (a second url `path` or `regex` replaces the first), and 2.1.5's
  // note on a repeated misc_dynamic: kalint's duplicate-keyword warning.
  { kind: "warning", pattern: /Duplicate \w+ (specified )?- (overwriting|replacing)|more than one dynamic misc checker per real server/ },
  // 2.3.0 and later report words after notification_email_from that they ignore: kalint's extra-argument warning.
  { kind: "warning", pattern: /ignoring extra entries/ },
  // keepalived installs a route without `dev` but will not track it; kalint's route-not-tracked warning.
  { kind: "warning", pattern: /Warning - cannot track route .* with no interface specified/ },
  // A long password keepalived cuts to 8, and value blocks it ignores when empty: kalint's
  // auth-pass-truncated and empty-block warnings.
  { kind: "warning", pattern: /Truncating auth_pass to \d+ characters|Warning - empty (notification_email|garp_group interfaces) block/ },
  // Host facts: interfaces, kernel features, files and users on this machine.
  // Interface names are whatever bytes sit between ASCII blanks (a glued no-break space included).
  {
    kind: "host",
    pattern:
      /interface [^ ]+ (for .* )?doesn't exist|tracked interface [^ ]+ doesn't exist|Non-existent interface|unknown interface [^ ]+ specified/,
  },
  {
    kind: "host",
    pattern:
      /not supported by kernel|Cannot find an IP address to use for interface|track file directory .* does not exist|read only or cannot be monitored/,
  },
  {
    kind: "host",
    pattern:
      /Disabling track script .* (insecure|not found)|Unable to set default user|Error setting global script uid\/gid|is not secure|cannot be accessed|No such file or directory/,
  },
  // A script `user` unknown on this host; an smtp_server host name the resolver cannot find here.
  { kind: "host", pattern: /Unable to set uid\/gid for script|Invalid smtp server \S*[A-Za-z]\S* / },
  { kind: "security", pattern: /SECURITY VIOLATION/ },
  // Cross-object checks keepalived makes once the whole file is read: rules, not schema.
  {
    kind: "semantic",
    pattern:
      /incompatible with AH authentication|State MASTER must match being address owner|Strict mode does not support|accept mode for VRRP version 2/,
  },
  {
    kind: "semantic",
    pattern:
      /No script set for vrrp_script|track (script|file|process|bfd) \S+ not found|script \S+ is not used|has no (real servers|members|virtual router)|has only 1 virtual router/,
  },
  {
    kind: "semantic",
    pattern: /no matching virtual router|Virtual router \S+ specified in sync group|cannot exist in more than one sync group/,
  },
  {
    kind: "semantic",
    pattern:
      /protocol specified for fwmark|ports don't match|has port specified|one packet scheduling requires UDP|no (protocol|scheduler|forwarding method) set/,
  },
  {
    kind: "semantic",
    pattern:
      /quorum \d+ for .* exceeds|hysteresis \d+ >= quorum|zero port only valid|is duplicated - removing|duplicate (track_\w+|unicast_peer)|VIP duplicates/,
  },
  {
    kind: "semantic",
    pattern:
      /nopreempt (will not work|is incompatible)|preempt delay will not work|preempt_delay is incompatible|expired_timer_backup requires nopreempt/,
  },
  {
    kind: "semantic",
    pattern:
      /virtual router id must be set|No VIP specified|Unknown interface!|must have unicast_src_ip or interface|A unicast keyword has been specified without any unicast peers/,
  },
  {
    kind: "semantic",
    pattern:
      /address family must match|MUST be of the same family|Address family of virtual server and (real|sorry) server|address family doesn't match/,
  },
  {
    kind: "semantic",
    pattern:
      /Cannot have weighted track|ignoring (tracked|weight|\S+ tracked)|due to (SYNC group|address owner)|is configured on VRRP instance and sync group/,
  },
  {
    kind: "semantic",
    pattern:
      /VRRPv[23] advertisement interval|cannot use IPv6 with VRRP version 2|first IPv6 VIP address|Cannot use unicast_ttl without unicast peers|unicast with use_vmac/,
  },
  {
    kind: "semantic",
    pattern:
      /VRRP version 3 does not support authentication|ignoring owner_ignore_adverts since priority is not 255|Quorum is greater than quorum_max|no interface for vip/,
  },
  {
    kind: "semantic",
    pattern:
      /Authentication specified but no password|auth_hmac|Unicast peers are not supported in strict mode|multicast destination specified with unicast/,
  },
  {
    kind: "semantic",
    pattern:
      /cannot use ha_suspend with fwmarks|matches sorry server|used before or without sorry_server|sorry_server forwarding used without/,
  },
  {
    kind: "semantic",
    pattern:
      /both use VRID|duplicate VRID conflict|uses same VMAC|vmac_xmit_base is only valid|Ignoring track_interface \S+ since own interface/,
  },
  {
    kind: "semantic",
    pattern:
      /garp group \S+ does not have any delay|BFD instance .* has no|max_hops exceeds|No file set for track_file|process name not specified|Static track group/,
  },
  {
    kind: "semantic",
    pattern:
      /HTTP\/SSL_GET checker (has no urls|url has no path)|No script path has been specified|min_reply length|does not match address family of (bindto|connect_ip)/,
  },
  {
    kind: "semantic",
    pattern:
      /Unable to find vrrp instance \S+ for lvs_syncd|Sync group \S+ has some member|FILE_CHECK has no track_file|No name has been specified for BFD_CHECKER/,
  },
];

/**
 * The first release whose `keepalived -t` exit status reflects the errors it reported. Before,
 * the status is no verdict: 2.0.20 to 2.1.5 forget the errors of every reading but the last
 * (most files with errors exit 0: the config-test-exit-zero rule), and 2.0.19 exits 4 (its
 * "config test" status) for warnings and host messages as well. Those releases are judged by
 * their messages alone: a parse-level message is an error, whatever the status.
 */
export const EXIT_STATUS_FROM: Version = [2, 2, 0];

export interface KeepalivedRun {
  readonly exit: number;
  readonly lines: readonly string[];
}

export interface KeepalivedVerdict {
  /** keepalived found an error while reading statements (or stopped on a missing argument). */
  readonly parseError: boolean;
  /** Kinds of the other messages, for the report. */
  readonly other: ReadonlySet<string>;
  readonly parseLines: readonly string[];
}

/**
 * keepalived's output as messages: a message that names a virtual server by an address
 * keepalived never set (`virtual_server fwmark 0`) prints whatever bytes the memory held, a
 * newline among them at times; such a "Virtual server [" is joined with the rest of its message.
 */
function messages(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last !== undefined && /Virtual server \[[^\]]*$/.test(last)) out[out.length - 1] = `${last}${line}`;
    else out.push(line);
  }
  return out;
}

export function keepalivedVerdict(run: KeepalivedRun, version: Version): KeepalivedVerdict {
  const other = new Set<string>();
  const parseLines: string[] = [];
  for (const raw of messages(run.lines)) {
    const line = raw.replace(/^\([^)]*Line \d+\) /, "").trim();
    if (line === "" || /^Please use/.test(line)) continue;
    const match = NOT_PARSE_LEVEL.find((p) => p.pattern.test(line));
    if (match) other.add(match.kind);
    else parseLines.push(raw);
  }
  // Exit 2 is keepalived giving up on a missing argument; its message may be the only line.
  // Exit 128 and above is keepalived dying on a signal while reading (2.2.7 segfaults on a
  // bfd_instance without a name or a neighbor_ip without an address): the file cannot be loaded.
  // Except SIGTERM (143): keepalived 2.2.5-2.2.7 send it to themselves under -t when they check
  // a script that runs as another user, a bug of the config test (kalint: config-test-terminates).
  if (run.exit === 143) other.add("host");
  // Before 2.2.0 the exit status of -t does not say whether a message was an error (see
  // EXIT_STATUS_FROM), so those releases are judged by their messages alone.
  const crashed = run.exit >= 128 && run.exit !== 143;
  const parseError =
    compareVersions(version, EXIT_STATUS_FROM) >= 0
      ? run.exit === 2 || crashed || (run.exit !== 0 && parseLines.length > 0)
      : crashed || parseLines.length > 0;
  return { parseError, other, parseLines };
}

/** Codes of the language and schema layer (the registry's builtin scope: grammar/registry.ts). */
export const LANGUAGE_SCHEMA_CODES: ReadonlySet<string> = new Set([
  "syntax-error",
  "line-too-long",
  "include-not-found",
  "include-cycle",
  "undefined-variable",
  "unknown-keyword",
  "deprecated-keyword",
  "removed-keyword",
  "keyword-too-new",
  "invalid-value",
  "out-of-range",
  "missing-argument",
  // Reported by a rule rather than the validator, but keepalived refuses such an address while reading it.
  "vip-label-too-long",
  // keepalived reports a second vrrp_instance, sync group or track_group of one name while reading.
  "duplicate-definition",
]);

export interface KalintDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export interface KalintVerdict {
  readonly error: boolean;
  /** The diagnostics that made the verdict. */
  readonly deciding: readonly KalintDiagnostic[];
}

/** Only errors count: kalint's warnings (deprecations, repeats, ignored words) match keepalived's excluded "warning" messages. */
export function kalintVerdict(diagnostics: readonly KalintDiagnostic[]): KalintVerdict {
  const deciding = diagnostics.filter((d) => LANGUAGE_SCHEMA_CODES.has(d.code) && d.severity === "error");
  return { error: deciding.length > 0, deciding };
}
