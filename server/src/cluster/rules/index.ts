/** The cluster rules, one module each; their metadata is in the registry (grammar/registry.ts). */
import { inRegistryOrder, type CodeOfScope } from "../../../../grammar/index.js";
import type { ClusterRule } from "../types.js";
import { advertIntMismatch } from "./advert-int-mismatch.js";
import { authMismatch } from "./auth-mismatch.js";
import { failoverOutage } from "./failover-outage.js";
import { masterAmbiguous } from "./master-ambiguous.js";
import { fleetVridCollision } from "./fleet-vrid-collision.js";
import { peerMissing } from "./peer-missing.js";
import { priorityInverted } from "./priority-inverted.js";
import { priorityTie } from "./priority-tie.js";
import { trackMismatch } from "./track-mismatch.js";
import { trackWeightInsufficient } from "./track-weight-insufficient.js";
import { unicastMismatch } from "./unicast-mismatch.js";
import { unicastPeerSelf } from "./unicast-peer-self.js";
import { versionMismatch } from "./version-mismatch.js";
import { vipMismatch } from "./vip-mismatch.js";
import { virtualServerMismatch } from "./virtual-server-mismatch.js";
import { vridMismatch } from "./vrid-mismatch.js";

/** Every rule of this scope by code: the compiler asks for a new registry line's module here. */
const BY_CODE: { readonly [C in CodeOfScope<"cluster">]: ClusterRule } = {
  "advert-int-mismatch": advertIntMismatch,
  "failover-outage": failoverOutage,
  "auth-mismatch": authMismatch,
  "fleet-vrid-collision": fleetVridCollision,
  "peer-missing": peerMissing,
  "priority-inverted": priorityInverted,
  "priority-tie": priorityTie,
  "track-mismatch": trackMismatch,
  "track-weight-insufficient": trackWeightInsufficient,
  "unicast-mismatch": unicastMismatch,
  "version-mismatch": versionMismatch,
  "vip-mismatch": vipMismatch,
  "virtual-server-mismatch": virtualServerMismatch,
  "vrid-mismatch": vridMismatch,
  "unicast-peer-self": unicastPeerSelf,
  "master-ambiguous": masterAmbiguous,
};

export const CLUSTER_RULES: readonly ClusterRule[] = inRegistryOrder(BY_CODE);
