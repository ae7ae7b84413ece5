/** The shape most cluster rules share: a backup's setting differs from the one on its master. */
import type { Word } from "../../../grammar/index.js";
import type { Setting } from "../model/types.js";
import type { Report } from "../rules/types.js";
import { fixReplacing, placeOf, related, settingAnchor } from "./locate.js";
import { backupPairs } from "./pairing.js";
import type { Cluster, Peer } from "./types.js";

export interface SettingMismatch<T> {
  /** The setting compared; peers where it is undefined are left to the single-file rules. */
  readonly setting: (peer: Peer) => Setting<T> | undefined;
  /** `where` is the master's place, as `master.conf:9`. */
  readonly message: (got: Setting<T>, want: Setting<T>, where: string, pair: { readonly master: Peer; readonly backup: Peer }) => string;
  /** How the related information names the master's value. */
  readonly related: string;
  /** The backup's word the fix may rewrite to the master's value: its value word unless told otherwise. */
  readonly fixable?: (got: Setting<T>) => Word | undefined;
  /** Whether the difference causes no outage for this pair: the finding then takes the rule's milder severity. */
  readonly mild?: (pair: { readonly master: Peer; readonly backup: Peer }) => boolean;
}

/**
 * Reports each backup whose setting differs from its master's, at the backup's value (else its
 * instance name), with the master's value as related information and, when the backup's word
 * may be rewritten, a fix that writes the master's value.
 */
export function reportSettingMismatches<T>(cluster: Cluster, report: Report, check: SettingMismatch<T>): void {
  for (const pair of backupPairs(cluster)) {
    const want = check.setting(pair.master);
    const got = check.setting(pair.backup);
    if (!want || !got || got.value === want.value) continue;
    const wantAt = settingAnchor(pair.master, want);
    const word = check.fixable ? check.fixable(got) : got.word;
    const mild = check.mild?.(pair) === true;
    report({
      ...(mild ? { mild } : {}),
      at: settingAnchor(pair.backup, got),
      message: check.message(got, want, placeOf(pair.master.node, wantAt), pair),
      related: [related(wantAt, check.related)],
      ...(word ? fixReplacing(word, String(want.value), `use ${want.value}`) : {}),
    });
  }
}
