import { authInEffect } from "../../model/vrrp.js";
import { blockAnchor, fixReplacing, placeOf, plain, related } from "../locate.js";
import { backupPairs } from "../pairing.js";
import type { ClusterRule, Peer } from "../types.js";

const authAnchor = (peer: Peer) => blockAnchor(peer, peer.instance.authentication?.block);

export const authMismatch: ClusterRule = {
  code: "auth-mismatch",
  checkCluster(cluster, report) {
    for (const { master, backup: peer } of backupPairs(cluster)) {
      const want = authInEffect(master.instance);
      const got = authInEffect(peer.instance);
      if (!want && !got) continue;
      const mine = peer.instance.authentication;
      const theirs = master.instance.authentication;
      if (!want || !got) {
        const wantAt = authAnchor(master);
        const where = placeOf(master.node, wantAt);
        report({
          at: authAnchor(peer),
          message: got
            ? `this node authenticates adverts (${got.type}) but its peer does not (${where}); each drops the other's adverts, so both become master (split brain)`
            : `its peer authenticates adverts with ${want!.type} (${where}) but this node ${mine ? "has no authentication in effect (VRRPv3, vrrp_strict or no auth_pass)" : "has none"}; each drops the other's adverts, so both become master (split brain)`,
          related: [related(wantAt, "peer authentication")],
        });
        continue;
      }
      if (want.type !== got.type) {
        const at = mine?.type?.word ?? authAnchor(peer);
        const wantAt = theirs?.type?.word ?? authAnchor(master);
        report({
          at: plain(at),
          message: `auth_type ${got.type} differs from its peer's ${want.type} (${placeOf(master.node, wantAt)}); each drops the other's adverts, so both become master (split brain)`,
          related: [related(wantAt, "peer value")],
          ...(mine?.type?.word ? fixReplacing(mine.type.word, want.type, `use ${want.type}`) : {}),
        });
      } else if (want.pass !== got.pass) {
        const at = mine?.pass?.word ?? authAnchor(peer);
        const wantAt = theirs?.pass?.word ?? authAnchor(master);
        // The password itself stays out of the message: CI logs are often public.
        report({
          at: plain(at),
          message: `auth_pass differs from its peer's (${placeOf(master.node, wantAt)}) in the first 8 characters keepalived uses; each drops the other's adverts, so both become master (split brain)`,
          related: [related(wantAt, "peer value")],
          ...(mine?.pass?.word && theirs?.pass?.word ? fixReplacing(mine.pass.word, theirs.pass.word.raw, "use the peer's password") : {}),
        });
      }
    }
  },
};
