import type { Block, Fix } from "../../../../grammar/index.js";
import { parseAddress } from "../../model/address.js";
import { isUnicast } from "../../model/vrrp.js";
import { blockAnchor, childBlock, instanceAnchor, placeOf, related, settingAnchor } from "../locate.js";
import { backupPairs, masterOf } from "../pairing.js";
import { checksUnicastSource, releaseOf } from "../../simulate/setup.js";
import type { ClusterRule, Peer } from "../types.js";

const peerBlock = (peer: Peer) => childBlock(peer, "unicast_peer");
const peerAnchor = (peer: Peer) => blockAnchor(peer, peerBlock(peer));

/** Adds `address` as a new line of the unicast_peer block, indented like its other lines. */
function addPeerFix(block: Block, address: string): Fix | undefined {
  const close = block.close;
  if (!close) return undefined;
  const file = close.file;
  const lineStart = file.lineStarts[file.lineOf(close.start)]!;
  const before = file.text.slice(lineStart, close.start);
  const description = `add ${address} to unicast_peer`;
  if (before.trim() !== "") return { description, edits: [{ file, start: close.start, end: close.start, newText: `${address} ` }] };
  const first = block.children[0];
  const indent = first ? file.lineText(file.lineOf(first.start)).match(/^\s*/)![0] : `${before}    `;
  return { description, edits: [{ file, start: lineStart, end: lineStart, newText: `${indent}${address}\n` }] };
}

export const unicastMismatch: ClusterRule = {
  code: "unicast-mismatch",
  checkCluster(cluster, report) {
    for (const { master, backup: peer } of backupPairs(cluster)) {
      const mine = isUnicast(peer.instance);
      if (mine === isUnicast(master.instance)) continue;
      const theirAt = mine ? instanceAnchor(master) : peerAnchor(master);
      report({
        at: mine ? peerAnchor(peer) : instanceAnchor(peer),
        message: mine
          ? `this node sends adverts by unicast but its peer uses multicast (${placeOf(master.node, theirAt)}); neither hears the other`
          : `this node uses multicast but its peer sends adverts by unicast (${placeOf(master.node, theirAt)}); neither hears the other`,
        related: [related(theirAt, mine ? "peer instance (multicast)" : "peer unicast_peer")],
      });
    }
    for (const set of cluster.peerSets) {
      const unicast = set.peers.filter((p) => isUnicast(p.instance));
      if (unicast.length !== set.peers.length) continue;
      // Every node's source address must be in every other node's peer list, or its adverts are dropped.
      for (const from of unicast) {
        const src = from.instance.unicastSrcIp;
        if (!src) continue;
        const { address, family } = parseAddress(src.value);
        // Not an address at all (a placeholder such as [main_ip]): the file check already says so.
        if (family === undefined) continue;
        const srcAt = settingAnchor(from, src);
        for (const to of unicast) {
          if (to === from || to.instance.unicastPeers.some((p) => p.address === address)) continue;
          const block = peerBlock(to);
          const fix = block ? addPeerFix(block, src.value) : undefined;
          // `to` never sends there; it also drops what comes from there only with check_unicast_src
          // (vrrp_check_packet). Without the check the damage depends on which node is master.
          const checks = checksUnicastSource(to.node, to.instance, releaseOf(to.node));
          const toIsMaster = masterOf(set) === to;
          const consequence = checks
            ? "with check_unicast_src it also drops that peer's adverts, so neither hears the other and both are master (split brain)"
            : toIsMaster
              ? "that peer never hears this master and takes the addresses too (split brain)"
              : "harmless while the peer is master, but when the peer comes back after a failover it does not hear this node and both hold the addresses until the peer's master-down timer runs out";
          report({
            at: peerAnchor(to),
            message: `unicast_peer does not list ${src.value}, the unicast_src_ip of its peer (${placeOf(from.node, srcAt)}), so this node never sends its adverts there; ${consequence}`,
            related: [related(srcAt, "peer unicast_src_ip")],
            ...(fix ? { fix } : {}),
            ...(!checks && !toIsMaster ? { mild: true } : {}),
          });
        }
      }
    }
  },
};
