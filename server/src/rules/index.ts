/** The single-file rules, one module each (server/src/rules/<code>.ts). */
import type { FileRule } from "./types.js";
import { duplicateDefinition } from "./duplicate-definition.js";
import { undefinedReference } from "./undefined-reference.js";

export const FILE_RULES: readonly FileRule[] = [duplicateDefinition, undefinedReference];
