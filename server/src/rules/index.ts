/** The single-file rules, one module each (server/src/rules/<code>.ts); their metadata is in the registry (grammar/registry.ts). */
import { inRegistryOrder, type CodeOfScope } from "../../../grammar/index.js";
import type { FileRule } from "./types.js";
import { authPassTruncated } from "./auth-pass-truncated.js";
import { configTestExitZero } from "./config-test-exit-zero.js";
import { configTestNamespace } from "./config-test-namespace.js";
import { configTestTerminates } from "./config-test-terminates.js";
import { duplicateDefinition } from "./duplicate-definition.js";
import { duplicateRealServer } from "./duplicate-real-server.js";
import { emptyBlock } from "./empty-block.js";
import { implicitOwnerPriority } from "./implicit-owner-priority.js";
import { missingRealServer } from "./missing-real-server.js";
import { miscCheckUserCrash } from "./misc-check-user-crash.js";
import { missingInterfaceCrash } from "./missing-interface-crash.js";
import { missingRequired } from "./missing-required.js";
import { mixedAddressFamily } from "./mixed-address-family.js";
import { nopreemptWithMaster } from "./nopreempt-with-master.js";
import { quorumUnreachable } from "./quorum-unreachable.js";
import { realServerPortMismatch } from "./real-server-port-mismatch.js";
import { relativeScriptPath } from "./relative-script-path.js";
import { scriptSecurity } from "./script-security.js";
import { smtpCheckHostHang } from "./smtp-check-host-hang.js";
import { strictModeConflict } from "./strict-mode-conflict.js";
import { undefinedReference } from "./undefined-reference.js";
import { unusedDefinition } from "./unused-definition.js";
import { vipLabelTooLong } from "./vip-label-too-long.js";
import { vridCollision } from "./vrid-collision.js";
import { weightedTrackInSyncGroup } from "./weighted-track-in-sync-group.js";

/** Every rule of this scope by code: the compiler asks for a new registry line's module here. */
const BY_CODE: { readonly [C in CodeOfScope<"file">]: FileRule } = {
  "auth-pass-truncated": authPassTruncated,
  "config-test-exit-zero": configTestExitZero,
  "config-test-namespace": configTestNamespace,
  "config-test-terminates": configTestTerminates,
  "duplicate-definition": duplicateDefinition,
  "duplicate-real-server": duplicateRealServer,
  "empty-block": emptyBlock,
  "implicit-owner-priority": implicitOwnerPriority,
  "misc-check-user-crash": miscCheckUserCrash,
  "missing-interface-crash": missingInterfaceCrash,
  "missing-real-server": missingRealServer,
  "missing-required": missingRequired,
  "mixed-address-family": mixedAddressFamily,
  "nopreempt-with-master": nopreemptWithMaster,
  "quorum-unreachable": quorumUnreachable,
  "real-server-port-mismatch": realServerPortMismatch,
  "relative-script-path": relativeScriptPath,
  "script-security": scriptSecurity,
  "smtp-check-host-hang": smtpCheckHostHang,
  "strict-mode-conflict": strictModeConflict,
  "undefined-reference": undefinedReference,
  "unused-definition": unusedDefinition,
  "vip-label-too-long": vipLabelTooLong,
  "vrid-collision": vridCollision,
  "weighted-track-in-sync-group": weightedTrackInSyncGroup,
};

export const FILE_RULES: readonly FileRule[] = inRegistryOrder(BY_CODE);
