import { isOpaque } from "../../../grammar/index.js";
import { isOpenBlock, isOpenTopLevel } from "../model/template.js";
import { walk } from "../model/build.js";
import type { DefinitionKind } from "../model/types.js";
import type { FileRule } from "./types.js";

/** Objects that only matter when something tracks or uses them; instances and sync groups stand alone. */
const WHAT_USES: Partial<Record<DefinitionKind, string>> = {
  vrrp_script: "no track_script names it, so keepalived removes it and never runs the script",
  vrrp_track_process: "no track_process names it, so nothing reacts to the process",
  vrrp_track_file: "no track_file list or FILE_CHECK names it, so nothing reacts to the file",
  track_group: "no static address, route or rule names it in track_group",
  bfd_instance: "no track_bfd or BFD_CHECK names it, so its session affects nothing",
  virtual_server_group: "no 'virtual_server group' uses it, so its addresses are never served",
};

export const unusedDefinition: FileRule = {
  code: "unused-definition",
  check({ model, fragment }, report) {
    // A partial's names and scripts belong to the whole template it is part of.
    if (fragment) return;
    const used = new Set(model.references.map((r) => `${r.kind} ${r.name}`));
    // A template may name a definition where an expression writes the name or the lines.
    if (
      model.file.template &&
      (model.references.some((r) => isOpaque(r.name)) ||
        isOpenTopLevel(model.file) ||
        [...walk(model.file.children)].some((n) => n.kind === "block" && isOpenBlock(model.file, n)))
    )
      return;
    for (const def of model.definitions) {
      const why = WHAT_USES[def.kind];
      if (!why || !def.name || isOpaque(def.name) || used.has(`${def.kind} ${def.name}`)) continue;
      report({ at: def.nameWord ?? def.node.keyword, message: `${def.kind} '${def.name}' is never used: ${why}` });
    }
  },
};
