import type { Fix } from "../../../grammar/index.js";
import { isOpaque } from "../../../grammar/index.js";
import { isOpenBlock } from "../model/template.js";
import type { ConfigModel } from "../model/types.js";
import { writtenAs } from "../../../grammar/index.js";
import { indentOf } from "./edits.js";
import { scriptCommands } from "./scripts.js";
import type { FileRule } from "./types.js";

export const scriptSecurity: FileRule = {
  code: "script-security",
  check({ model, fragment }, report) {
    // A partial's names and scripts belong to the whole template it is part of.
    if (fragment) return;
    if (model.global("enable_script_security")) return;
    // Scripts then run as that user by default, not as root, which is what the check protects.
    const user = model.global("script_user")?.args[0]?.text;
    if (user !== undefined && user !== "root") return;
    // In a template the literal global_defs decide (docs/templates.md): one an expression writes in part
    // may enable it. Only scripts the template writes literally are judged.
    if (model.globalDefs.some((g) => isOpenBlock(model.file, g))) return;
    const scripts = scriptCommands(model).filter((c) => !isOpaque(c.program) && !isOpaque(c.statement.keyword.text));
    const first = scripts[0];
    if (!first) return;
    const more = scripts.length > 1 ? ` (and ${scripts.length - 1} more command${scripts.length > 2 ? "s" : ""})` : "";
    const fix = addSetting(model);
    report({
      at: first.statement.keyword,
      message: `${first.statement.keyword.text} runs '${first.program}' as root${more}, but global_defs has no enable_script_security: keepalived runs scripts even when a non-root user can replace them, and keepalived -t fails`,
      ...(fix ? { fix } : {}),
    });
  },
};

/**
 * Add the flag at the top of the first global_defs (or a new global_defs at the top of the file).
 * Not safe: keepalived then refuses scripts whose path is writable by others.
 */
function addSetting(model: ConfigModel): Fix | undefined {
  const description = "add enable_script_security to global_defs";
  const globals = model.globalDefs[0];
  if (globals) {
    if (!writtenAs(globals.keyword) || globals.condition) return undefined;
    const file = globals.open.file;
    const lineOfOpen = file.lineOf(globals.open.start);
    const at = file.lineEnd(lineOfOpen);
    if (file.text.slice(globals.open.end, at).trim() !== "") return undefined;
    const child = globals.children[0];
    const indent = child && file === child.file ? indentOf(child) : `${indentOf(globals)}    `;
    return { description, safe: false, edits: [{ file, start: at, end: at, newText: `\n${indent}enable_script_security` }] };
  }
  const first = model.file.children[0];
  const file = first?.file ?? model.file.source;
  const at = first ? file.lineStarts[file.lineOf(first.start)]! : 0;
  return { description, safe: false, edits: [{ file, start: at, end: at, newText: "global_defs {\n    enable_script_security\n}\n\n" }] };
}
