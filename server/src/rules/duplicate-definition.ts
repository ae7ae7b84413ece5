import type { FileRule } from "./types.js";

export const duplicateDefinition: FileRule = {
  scope: "file",
  code: "duplicate-definition",
  severity: "error",
  category: "language",
  summary: "two vrrp_instance, vrrp_script, sync groups or other named blocks share one name",
  fixable: false,
  check({ model }, report) {
    const seen = new Map<string, (typeof model.definitions)[number]>();
    for (const def of model.definitions) {
      if (!def.name) continue;
      const key = `${def.kind} ${def.name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, def);
        continue;
      }
      const at = def.nameWord ?? def.node.keyword;
      report({
        at,
        message: `${def.kind} '${def.name}' is already defined; keepalived skips this second block`,
        related: [{ ...(first.nameWord ?? first.node.keyword), message: "first definition" }],
      });
    }
  },
};
