/**
 * Intended differences: files where kalint reports an error that keepalived 2.2.7 accepts
 * without a word, or reports only through a host-dependent check, on purpose. A disagreement is "intended" only when every deciding kalint
 * diagnostic matches one of these entries. docs/differential.md gives the reason for each.
 */
import type { KalintDiagnostic } from "./classify.js";

export interface IntendedDifference {
  readonly id: string;
  readonly reason: string;
  readonly matches: (d: KalintDiagnostic, word: string) => boolean;
}

export const INTENDED: readonly IntendedDifference[] = [
  {
    id: "duplicate-name-unreported",
    reason: "keepalived 2.2.7 says nothing about a second vrrp_script, vrrp_track_process, vrrp_track_file or virtual_server_group of one name; every reference then finds the first, so the second is dead text",
    matches: (d) => d.code === "duplicate-definition" && /^(vrrp_script|vrrp_track_process|vrrp_track_file|virtual_server_group) /.test(d.message),
  },
  {
    id: "smtp-server-not-a-name",
    reason: "keepalived 2.2.7 hands any smtp_server word to the resolver, and a failed lookup is a host-dependent message; a word that no host name can be ('<your_value>') fails on every host, so kalint says so",
    matches: (d) => d.code === "invalid-value" && /^smtp_server: .* is not a valid address or host name$/.test(d.message),
  },
];

export function intendedFor(deciding: readonly KalintDiagnostic[], wordAt: (d: KalintDiagnostic) => string): IntendedDifference | undefined {
  if (deciding.length === 0) return undefined;
  let found: IntendedDifference | undefined;
  for (const d of deciding) {
    const entry = INTENDED.find((e) => e.matches(d, wordAt(d)));
    if (!entry) return undefined;
    found ??= entry;
  }
  return found;
}
