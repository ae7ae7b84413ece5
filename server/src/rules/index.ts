/** The single-file rules, one module each (server/src/rules/<code>.ts). */
import type { FileRule } from "./types.js";
import { authPassTruncated } from "./auth-pass-truncated.js";
import { configTestTerminates } from "./config-test-terminates.js";
import { duplicateDefinition } from "./duplicate-definition.js";
import { duplicateRealServer } from "./duplicate-real-server.js";
import { emptyBlock } from "./empty-block.js";
import { implicitOwnerPriority } from "./implicit-owner-priority.js";
import { missingRealServer } from "./missing-real-server.js";
import { missingRequired } from "./missing-required.js";
import { mixedAddressFamily } from "./mixed-address-family.js";
import { nopreemptWithMaster } from "./nopreempt-with-master.js";
import { quorumUnreachable } from "./quorum-unreachable.js";
import { realServerPortMismatch } from "./real-server-port-mismatch.js";
import { relativeScriptPath } from "./relative-script-path.js";
import { scriptSecurity } from "./script-security.js";
import { strictModeConflict } from "./strict-mode-conflict.js";
import { undefinedReference } from "./undefined-reference.js";
import { unusedDefinition } from "./unused-definition.js";
import { vipLabelTooLong } from "./vip-label-too-long.js";
import { vridCollision } from "./vrid-collision.js";
import { weightedTrackInSyncGroup } from "./weighted-track-in-sync-group.js";

export const FILE_RULES: readonly FileRule[] = [
  // language
  duplicateDefinition,
  undefinedReference,
  unusedDefinition,
  emptyBlock,
  // vrrp
  missingRequired,
  vridCollision,
  authPassTruncated,
  nopreemptWithMaster,
  implicitOwnerPriority,
  mixedAddressFamily,
  strictModeConflict,
  scriptSecurity,
  relativeScriptPath,
  configTestTerminates,
  vipLabelTooLong,
  weightedTrackInSyncGroup,
  // lvs
  missingRealServer,
  duplicateRealServer,
  quorumUnreachable,
  realServerPortMismatch,
];
