/** The cluster rules, one module each, registered so `kalint rules` and `explain` list them. */
import { registerClusterRules } from "../../rules/registry.js";
import type { ClusterRule } from "../types.js";
import { advertIntMismatch } from "./advert-int-mismatch.js";
import { authMismatch } from "./auth-mismatch.js";
import { failoverOutage } from "./failover-outage.js";
import { fleetVridCollision } from "./fleet-vrid-collision.js";
import { peerMissing } from "./peer-missing.js";
import { priorityInverted } from "./priority-inverted.js";
import { priorityTie } from "./priority-tie.js";
import { trackMismatch } from "./track-mismatch.js";
import { trackWeightInsufficient } from "./track-weight-insufficient.js";
import { unicastMismatch } from "./unicast-mismatch.js";
import { versionMismatch } from "./version-mismatch.js";
import { vipMismatch } from "./vip-mismatch.js";
import { virtualServerMismatch } from "./virtual-server-mismatch.js";
import { vridMismatch } from "./vrid-mismatch.js";

export const CLUSTER_RULES: readonly ClusterRule[] = [
  vridMismatch,
  priorityTie,
  priorityInverted,
  authMismatch,
  advertIntMismatch,
  vipMismatch,
  versionMismatch,
  unicastMismatch,
  trackWeightInsufficient,
  trackMismatch,
  virtualServerMismatch,
  peerMissing,
  fleetVridCollision,
  failoverOutage,
];

registerClusterRules(CLUSTER_RULES);
