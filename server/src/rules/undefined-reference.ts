import { isOpaque, type Node } from "../../../grammar/index.js";
import { isOpenTopLevel } from "../model/template.js";
import type { Definition, Reference } from "../model/types.js";
import type { FileRule } from "./types.js";

export const undefinedReference: FileRule = {
  code: "undefined-reference",
  check({ model, fragment }, report) {
    // A partial's names and scripts belong to the whole template it is part of.
    if (fragment) return;
    const defs = new Map<string, Definition>();
    for (const d of model.definitions) {
      const key = `${d.kind} ${d.name}`;
      if (!defs.has(key)) defs.set(key, d);
    }
    const instances = new Set(model.instances.map((i) => i.name));
    // A template whose top level an expression or a partial writes may define anything there.
    const unseen = isOpenTopLevel(model.file);
    const opaqueKinds = new Set(model.definitions.filter((d) => isOpaque(d.name)).map((d) => d.kind));
    // Place in the effective configuration: top-level index first (includes are inlined there),
    // offsets only to order two things inside one block. The index is built on first need only.
    let order: Map<Node, number> | undefined;
    const place = (node: Node): number | undefined => (order ??= new Map(model.file.children.map((n, i) => [n, i]))).get(node);
    const comesAfter = (def: Definition, ref: Reference): boolean => {
      const d = place(def.node);
      const r = ref.within ? place(ref.within) : undefined;
      if (d !== undefined && r !== undefined && d !== r) return d > r;
      return ref.word.file === def.node.file && def.node.start > ref.word.start;
    };
    for (const ref of model.references) {
      if (isOpaque(ref.name)) continue;
      if (
        (unseen || opaqueKinds.has(ref.kind)) &&
        !defs.has(`${ref.kind} ${ref.name}`) &&
        !(ref.kind === "vrrp_instance" && instances.has(ref.name))
      )
        continue;
      if (ref.kind === "vrrp_instance") {
        if (!instances.has(ref.name))
          report({ at: ref.word, message: `no vrrp_instance named '${ref.name}' is defined; keepalived drops it from the group` });
        continue;
      }
      const def = defs.get(`${ref.kind} ${ref.name}`);
      if (!def) {
        report({ at: ref.word, message: `no ${ref.kind} named '${ref.name}' is defined; keepalived ignores this reference` });
      } else if (ref.mustPrecede && comesAfter(def, ref)) {
        report({
          at: ref.word,
          message: `${ref.kind} '${ref.name}' is defined further down; keepalived resolves the name while reading, finds nothing yet and ignores this reference: move the definition above`,
          related: [{ ...(def.nameWord ?? def.node.keyword), message: "defined here" }],
        });
      }
    }
  },
};
