/**
 * Intended differences: files where kalint reports an error that keepalived 2.2.7 accepts
 * without a word, or reports only through a host-dependent check, on purpose. A disagreement is "intended" only when every deciding kalint
 * diagnostic matches one of these entries. docs/differential.md gives the reason for each.
 */
import type { Version } from "../../server/src/schema/types.js";
import type { KalintDiagnostic } from "./classify.js";

export interface IntendedDifference {
  readonly id: string;
  readonly reason: string;
  readonly matches: (d: KalintDiagnostic, word: string, target: Version) => boolean;
}

export const INTENDED: readonly IntendedDifference[] = [
  {
    id: "duplicate-name-unreported",
    reason:
      "keepalived says nothing about a second vrrp_script, vrrp_track_process, vrrp_track_file or virtual_server_group of one name; every reference then finds the first, so the second is dead text",
    matches: (d) =>
      d.code === "duplicate-definition" && /^(vrrp_script|vrrp_track_process|vrrp_track_file|virtual_server_group) /.test(d.message),
  },
  {
    id: "smtp-server-not-a-name",
    reason:
      "keepalived hands any smtp_server word to the resolver, and a failed lookup is a host-dependent message; a word that no host name can be ('<your_value>') fails on every host, so kalint says so",
    matches: (d) => d.code === "invalid-value" && /^smtp_server: .* is not a valid address or host name$/.test(d.message),
  },
];

/**
 * keepalived's own faults, which kalint notes with an info rule for the releases they affect:
 * on such a file keepalived -t crashes or hangs (so the verdict says "error") or stops early
 * (so it says "clean"), whatever the file holds. A disagreement is intended when kalint's note
 * for the fault is there and keepalived's side is the one the fault gives.
 */
export interface KeepalivedFault {
  readonly id: string;
  readonly code: string;
  /** The verdict the fault forces on keepalived's side. */
  readonly keepalived: "error" | "clean";
  readonly reason: string;
}

export const KEEPALIVED_FAULTS: readonly KeepalivedFault[] = [
  {
    id: "misc-check-user-crash",
    code: "misc-check-user-crash",
    keepalived: "error",
    reason:
      "keepalived 2.0 to 2.2.2 crash (double free or use after free) on a MISC_CHECK whose script user cannot be set, instead of reporting it; whether the user exists is the host's matter",
  },
  {
    id: "missing-interface-crash",
    code: "missing-interface-crash",
    keepalived: "error",
    reason:
      "keepalived 2.0.8 to 2.0.20 crash (SIGSEGV) on an instance without interface after one with an interface, where later releases report the missing interface after reading (a check of kalint's rules, not of this layer)",
  },
  {
    id: "smtp-check-host-hang",
    code: "smtp-check-host-hang",
    keepalived: "error",
    reason: "keepalived 2.3.0 to 2.3.3 hang on an SMTP_CHECK host block (the test stops them after 20 s)",
  },
  {
    id: "config-test-namespace",
    code: "config-test-namespace",
    keepalived: "clean",
    reason: "keepalived -t stops with exit status 0 where the net_namespace does not exist, before it checks the rest",
  },
];

/** The fault that explains a disagreement: kalint noted it, and keepalived's verdict is the one it forces. */
export function faultFor(all: readonly KalintDiagnostic[], keepalivedError: boolean): KeepalivedFault | undefined {
  return KEEPALIVED_FAULTS.find((f) => (f.keepalived === "error") === keepalivedError && all.some((d) => d.code === f.code));
}

export function intendedFor(
  deciding: readonly KalintDiagnostic[],
  wordAt: (d: KalintDiagnostic) => string,
  target: Version,
): IntendedDifference | undefined {
  if (deciding.length === 0) return undefined;
  let found: IntendedDifference | undefined;
  for (const d of deciding) {
    const entry = INTENDED.find((e) => e.matches(d, wordAt(d), target));
    if (!entry) return undefined;
    found ??= entry;
  }
  return found;
}
