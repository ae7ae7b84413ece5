import { isOpaque } from "../../../grammar/index.js";
import { sameConditions } from "../model/template.js";
import type { DefinitionKind } from "../model/types.js";
import type { FileRule } from "./types.js";

/** Kinds keepalived itself reports twice-defined (and then skips); for the rest it keeps both and every reference finds the first. */
const REPORTED_BY_KEEPALIVED: ReadonlySet<DefinitionKind> = new Set(["vrrp_instance", "vrrp_sync_group", "track_group", "bfd_instance"]);

export const duplicateDefinition: FileRule = {
  code: "duplicate-definition",
  check({ model }, report) {
    const seen = new Map<string, (typeof model.definitions)[number]>();
    for (const def of model.definitions) {
      // In a template: a name an expression writes is unknown, and two blocks under different
      // conditions (two branches of an `if`) may never be rendered together.
      if (!def.name || isOpaque(def.name)) continue;
      const key = `${def.kind} ${def.name}`;
      const first = seen.get(key);
      if (!first || !sameConditions(model.file, first.node, def.node)) {
        seen.set(key, def);
        continue;
      }
      const at = def.nameWord ?? def.node.keyword;
      report({
        at,
        message: REPORTED_BY_KEEPALIVED.has(def.kind)
          ? `${def.kind} '${def.name}' is already defined; keepalived skips this second block`
          : `${def.kind} '${def.name}' is already defined; keepalived says nothing, but every reference finds the first one, so this block is never used`,
        related: [{ ...(first.nameWord ?? first.node.keyword), message: "first definition" }],
      });
    }
  },
};
