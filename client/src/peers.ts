/**
 * Which files to offer as the peer of a file in "Compare with peer". No vscode import, so it is
 * unit-tested. Relative `kalint.peers` entries resolve as the server resolves them (path.resolve
 * against the workspace folder), so both agree on which files are a file's peers.
 */
import { dirname, resolve } from "node:path";

/** The other members of every `kalint.peers` group that holds `file` (paths relative to `root`). */
export function configuredPeers(file: string, groups: readonly (readonly string[])[], root: string): string[] {
  const peers: string[] = [];
  for (const group of groups) {
    const members = group.map((p) => resolve(root, p));
    if (!members.includes(file)) continue;
    for (const m of members) if (m !== file && !peers.includes(m)) peers.push(m);
  }
  return peers;
}

/**
 * Candidates in the order a user most likely wants them: configured peers, then files in the
 * same folder, then files in sibling folders (lb1/keepalived.conf beside lb2/keepalived.conf),
 * then the rest, each group sorted by path.
 */
export function rankCandidates(file: string, configured: readonly string[], found: readonly string[]): string[] {
  const dir = dirname(file);
  const parent = dirname(dir);
  const closeness = (p: string) => (dirname(p) === dir ? 0 : dirname(dirname(p)) === parent ? 1 : 2);
  const rest = [...new Set(found)]
    .filter((p) => p !== file && !configured.includes(p))
    .sort((a, b) => closeness(a) - closeness(b) || a.localeCompare(b));
  return [...configured.filter((p) => p !== file), ...rest];
}
