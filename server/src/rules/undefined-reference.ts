import type { FileRule } from "./types.js";

export const undefinedReference: FileRule = {
  scope: "file",
  code: "undefined-reference",
  severity: "error",
  category: "language",
  summary: "a track_*, sync group member or virtual_server group naming nothing defined (before it, where keepalived requires that)",
  fixable: false,
  check({ model }, report) {
    const defs = new Map<string, (typeof model.definitions)[number]>();
    for (const d of model.definitions) {
      const key = `${d.kind} ${d.name}`;
      if (!defs.has(key)) defs.set(key, d);
    }
    const instances = new Set(model.instances.map((i) => i.name));
    for (const ref of model.references) {
      const def = ref.kind === "vrrp_instance" ? (instances.has(ref.name) ? true : undefined) : defs.get(`${ref.kind} ${ref.name}`);
      if (!def) {
        report({ at: ref.word, message: `no ${ref.kind} named '${ref.name}' is defined; keepalived ignores this reference` });
      } else if (def !== true && ref.mustPrecede && ref.word.file === def.node.file && def.node.start > ref.word.start) {
        report({
          at: ref.word,
          message: `${ref.kind} '${ref.name}' is defined after this reference; keepalived looks it up while reading and ignores the reference: move the definition above`,
          related: [{ ...(def.nameWord ?? def.node.keyword), message: "defined here" }],
        });
      }
    }
  },
};
