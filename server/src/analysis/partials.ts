/**
 * Template partials (docs/templates.md): `{% include "x.j2" %}`, `{{ template "x" }}`, `<%= render "x" %>`.
 * A partial is looked up in the including file's folder, then the nearest ancestor folder named
 * `templates` and the folder holding that one (an Ansible role's root, which names partials
 * `templates/x.j2`), then each `--template-path` folder, and read as a fragment in the block of the
 * place that includes it: a partial included inside `virtual_server` is checked as the body of
 * a virtual_server. Files are seen through the analysis's FileHost (the editor's buffers, or a
 * browser's), never the disk directly.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { isOpaque, type ConfigFile, type Node, type TemplateInclude } from "../../../grammar/index.js";

export interface ResolvedPartial {
  readonly include: TemplateInclude;
  /** The file found, or undefined when no folder of the search path has it. */
  readonly path: string | undefined;
  /** Keywords of the blocks around the include tag, outermost first; undefined when an expression names one. */
  readonly parents: readonly string[] | undefined;
  /** The folders searched, for the message when nothing was found. */
  readonly searched: readonly string[];
}

/** Folders to look for a partial of `file` in, in order. */
export function searchPath(file: string, templatePath: readonly string[] = []): string[] {
  const dirs = [dirname(resolve(file))];
  for (let d = dirs[0]!; ;) {
    if (basename(d) === "templates") {
      if (!dirs.includes(d)) dirs.push(d);
      dirs.push(dirname(d));
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const p of templatePath) if (!dirs.includes(resolve(p))) dirs.push(resolve(p));
  return dirs;
}

/** Where each literal partial of a parsed template is, and the block it is included in. */
export function resolvePartials(
  file: ConfigFile,
  path: string,
  templatePath: readonly string[],
  exists: (p: string) => boolean,
): ResolvedPartial[] {
  const layer = file.template;
  if (!layer) return [];
  const dirs = searchPath(path, templatePath);
  const out: ResolvedPartial[] = [];
  for (const include of layer.includes) {
    const name = include.name;
    if (name === undefined || name === "") continue;
    const candidates = isAbsolute(name) ? [name] : dirs.map((d) => join(d, name));
    const found = candidates.find(exists);
    const parents = blockPathAt(file.children, include.tag.start, []);
    // Named as the includer is: relative to the working folder when it was given so.
    const shown = found !== undefined && !isAbsolute(path) ? relative(process.cwd(), found) : found;
    out.push({
      include,
      path: shown,
      parents: parents.some(isOpaque) ? undefined : parents,
      searched: isAbsolute(name) ? [dirname(name)] : dirs,
    });
  }
  return out;
}

/** Keywords of the blocks whose braces hold `offset`. */
export function blockPathAt(children: readonly Node[], offset: number, base: readonly string[]): string[] {
  for (const n of children) {
    if (
      (n.kind === "block" || n.kind === "anonymous-block") &&
      n.open.end <= offset &&
      (n.close === undefined || offset <= n.close.start)
    ) {
      return blockPathAt(n.children, offset, n.kind === "block" ? [...base, n.keyword.text] : base);
    }
  }
  return [...base];
}
