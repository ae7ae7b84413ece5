/**
 * Rendering a Jinja2 template for each node of a cluster (docs/templates.md, Render mode). One entry point
 * for every consumer: `kalint render`, `check --vars`, `diff --node|--inventory`, `simulate`
 * with `--node`, and the language server:
 *
 *   const t = prepareTemplate(path, { host });          // the template and its partials, marked
 *   const nodes = loadNodes(...) / withMagicVariables(...)
 *   const r = renderNode(t, node);                      // text + the template line of each line
 *
 * Partials are found as static mode finds them (analysis/partials.ts searchPath) and read
 * through the FileHost; nothing else is read, and nothing is ever run.
 */
import { dirname, isAbsolute, join, resolve } from "node:path";
import { DEFAULT_LIMITS, readTemplate, SourceText, textOf, type FileHost, type TemplateLayer } from "../../../grammar/index.js";
import { searchPath } from "../analysis/partials.js";
import { TemplateSet, type RenderFault } from "./engine.js";
import { FAULT_RE } from "./filters.js";
import { insertMarks, takeMarks, type Origin } from "./markers.js";
import { methodsAsFilters } from "./methods.js";
import { UNSAFE, type NodeVars, type Vars } from "./vars.js";

export interface PrepareOptions {
  readonly host: FileHost;
  /** The template's text when it is not the file's (an editor buffer). */
  readonly text?: string;
  /** `text` already read as a Jinja2 template (an analysis of it has one): not scanned again. */
  readonly layer?: TemplateLayer;
  /** More folders for partials (`--template-path`). */
  readonly templatePath?: readonly string[];
}

/** A template and the partials it reaches, marked for source mapping and loaded into the engine. */
export interface PreparedTemplate {
  readonly path: string;
  /** The entry first, then each partial; an Origin's `file` indexes this list. */
  readonly files: readonly SourceText[];
  readonly set: TemplateSet;
}

export function prepareTemplate(path: string, options: PrepareOptions): PreparedTemplate {
  const files: SourceText[] = [];
  const registered = new Map<string, string>();
  const byPath = new Map<string, number>();
  const add = (file: string, text: string): number => {
    const key = resolve(file);
    const known = byPath.get(key);
    if (known !== undefined) return known;
    const index = files.length;
    byPath.set(key, index);
    files.push(new SourceText(file, text));
    return index;
  };
  const entryText = options.text ?? textOf(options.host.readFile(path, DEFAULT_LIMITS.fileBytes));
  if (entryText === undefined) throw new Error(`cannot read ${path}`);
  const layers = new Map<number, TemplateLayer>();
  const mark = (text: string, index: number, layer = readTemplate(text, "jinja")) => {
    layers.set(index, layer);
    return insertMarks(methodsAsFilters(text, layer), index, layer);
  };
  const queue: number[] = [add(path, entryText)];
  registered.set(path, mark(entryText, 0, options.layer));
  while (queue.length) {
    const i = queue.shift()!;
    const file = files[i]!;
    const dirs = searchPath(file.path, options.templatePath ?? []);
    for (const inc of layers.get(i)!.includes) {
      const name = inc.name;
      if (!name || registered.has(name)) continue;
      const candidates = isAbsolute(name) ? [name] : dirs.map((d) => join(d, name));
      for (const c of candidates) {
        const text = textOf(options.host.readFile(c, DEFAULT_LIMITS.fileBytes));
        if (text === undefined) continue;
        const shown = isAbsolute(path) ? c : relativeTo(path, c);
        const before = files.length;
        const index = add(shown, text);
        registered.set(name, mark(text, index));
        if (files.length > before) queue.push(index);
        break;
      }
    }
  }
  return { path, files, set: new TemplateSet(registered, path) };
}

/** A partial named as the template was named: relative when it was given relative. */
function relativeTo(entry: string, found: string): string {
  const rel = found.startsWith(resolve(".") + "/") ? found.slice(resolve(".").length + 1) : found;
  return isAbsolute(entry) ? found : rel || dirname(entry);
}

/** Why a node did not render: the place (a template file and line) and what to report. */
export interface NodeFault {
  readonly code: "template-undefined-variable" | "template-render-unsupported" | "resource-limit";
  readonly message: string;
  /** Index into PreparedTemplate.files, and the 0-based line and column there. */
  readonly file: number;
  readonly line: number;
  readonly column: number;
  readonly width: number;
}

export type RenderedNode =
  | {
      readonly name: string;
      readonly ok: true;
      readonly text: string;
      readonly origins: readonly (Origin | undefined)[];
      readonly faults: readonly NodeFault[];
    }
  | { readonly name: string; readonly ok: false; readonly faults: readonly NodeFault[] };

/** The variables a node's rendering sees (template variables added, templated values resolved). */
export function nodeContext(t: PreparedTemplate, node: NodeVars): Vars {
  return sanitize(resolveTemplatedVars(t, withTemplateVars(t, node)).vars, 0, new Set()) as Vars;
}

/** Renders one node; faults (an undefined variable, something unsupported) say where and why. */
export function renderNode(t: PreparedTemplate, node: NodeVars): RenderedNode {
  const { vars, poisoned } = resolveTemplatedVars(t, withTemplateVars(t, node));
  const outcome = t.set.render(sanitize(vars, 0, new Set()) as Vars);
  if (!outcome.ok) return { name: node.name, ok: false, faults: [faultOf(t, node, outcome.fault, poisoned)] };
  const { text, origins } = takeMarks(outcome.output);
  // A filter that could not do its work left a mark in the output: report it where it landed.
  const faults: NodeFault[] = [];
  if (text.includes("\uE010")) {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = FAULT_RE.exec(lines[i]!);
      const o = origins[i];
      if (!m || !o) continue;
      const lineText = t.files[o.file]!.lineText(o.line);
      if (m[1] === "undefined") {
        const filter = m[2]!.startsWith("filter:") ? m[2]!.slice(7) : "mandatory";
        const expr = new RegExp(`([A-Za-z_][\\w.[\\]'"]*)\\s*\\|\\s*${filter}\\b`).exec(lineText);
        const what = expr ? `'${expr[1]}'` : "a variable";
        const note = m[2] && !m[2].startsWith("filter:") ? ` (${m[2]})` : "";
        faults.push(
          at(
            o,
            lineText,
            expr?.[1],
            "template-undefined-variable",
            `${what} is undefined on node ${node.name}${note}; searched ${searched(node)}`,
          ),
        );
      } else {
        faults.push(
          at(
            o,
            lineText,
            undefined,
            "template-render-unsupported",
            `${m[2]}: kalint cannot evaluate this, so node ${node.name} is not rendered`,
          ),
        );
      }
    }
    if (faults.length) return { name: node.name, ok: false, faults };
  }
  return { name: node.name, ok: true, text, origins, faults };
}

/** What Ansible's template module defines for every template it renders (ansible_managed and template_*). */
function withTemplateVars(t: PreparedTemplate, node: NodeVars): NodeVars {
  const extra: Vars = {
    ansible_managed: "Ansible managed",
    template_path: t.path,
    template_fullpath: resolve(t.path),
    template_destpath: "/etc/keepalived/keepalived.conf",
    template_host: "localhost",
    template_uid: "root",
    template_run_date: "1970-01-01 00:00:00",
  };
  return { ...node, vars: { ...extra, ...node.vars } };
}

function at(o: Origin, lineText: string, word: string | undefined, code: NodeFault["code"], message: string): NodeFault {
  const col = word ? Math.max(0, lineText.indexOf(word)) : Math.max(0, lineText.search(/\S/));
  return { code, message, file: o.file, line: o.line, column: col, width: word ? word.length : Math.max(1, lineText.trim().length) };
}

function searched(node: NodeVars): string {
  return node.files.length ? node.files.join(", ") : "no vars files";
}

function faultOf(t: PreparedTemplate, node: NodeVars, f: RenderFault, poisoned: ReadonlyMap<string, Poison>): NodeFault {
  let file = f.template !== undefined ? t.files.findIndex((s) => s.path === f.template) : 0;
  if (file < 0) file = indexOfRegistered(t, f.template);
  const line = Math.max(0, (f.line ?? 1) - 1);
  const lineText = t.files[file]?.lineText(line) ?? "";
  const column = f.column ?? Math.max(0, lineText.search(/\S/));
  const width = f.width ?? Math.max(1, lineText.trim().length);
  const place = { file: Math.max(0, file), line, column, width };
  const expression = f.column !== undefined ? expressionAt(lineText, f.column, f.width ?? 1) : undefined;
  switch (f.kind) {
    case "undefined": {
      const root = expression ? /^[A-Za-z_]\w*/.exec(expression)?.[0] : undefined;
      const poison = root ? poisoned.get(root) : undefined;
      if (poison)
        return {
          ...place,
          code: poison.code,
          message: `'${root}' (set in ${node.origin.get(root!) ?? "a vars file"}) ${poison.why} on node ${node.name}`,
        };
      const name = expression ? `'${expression}'` : "a variable";
      return {
        ...place,
        code: "template-undefined-variable",
        message: `${name} is undefined on node ${node.name}; searched ${searched(node)}`,
      };
    }
    case "limit":
      // A template that loops or allocates without bound (bounds.ts: RENDER_FUEL and ENGINE_MEMORY_PAGES).
      return { ...place, code: "resource-limit", message: `node ${node.name} is not rendered: ${f.message}` };
    case "include":
      return {
        ...place,
        code: "template-render-unsupported",
        message: `the partial '${f.name}' fails to render for node ${node.name}: ${f.message}`,
      };
    case "unsupported":
      if (f.name === "syntax")
        return {
          ...place,
          code: "template-render-unsupported",
          message: `the Jinja2 engine cannot read this template (${f.message}); node ${node.name} is not rendered`,
        };
      return {
        ...place,
        code: "template-render-unsupported",
        message: `${f.name ?? "this"} is not supported in render mode (lookups and plugins are never run); node ${node.name} is not rendered`,
      };
    default:
      return { ...place, code: "template-render-unsupported", message: `rendering node ${node.name} fails here: ${f.message}` };
  }
}

function indexOfRegistered(t: PreparedTemplate, name: string | undefined): number {
  if (name === undefined) return 0;
  const i = t.files.findIndex((s) => s.path.endsWith(name.replace(/^\.\//, "")));
  return i < 0 ? 0 : i;
}

/** The whole dotted/indexed name around the engine's caret: `instance.vip` for a caret under `vip`. */
export function expressionAt(line: string, column: number, width: number): string | undefined {
  const isName = (c: string | undefined) => c !== undefined && /[\w.[\]'"]/.test(c);
  let s = column;
  let e = Math.min(line.length, column + width);
  while (s > 0 && isName(line[s - 1])) s--;
  while (e < line.length && isName(line[e])) e++;
  const text = line.slice(s, e).replace(/^[.\]]+|[.[]+$/g, "");
  return /^[A-Za-z_]/.test(text) ? text : undefined;
}

interface Poison {
  readonly code: NodeFault["code"];
  readonly why: string;
}

const TAG_RE = /\{\{|\{%/;

/**
 * Variables whose values are templates (`"{{ other }}"`), rendered as Ansible renders them: a
 * value that is one `{{ expression }}` keeps the expression's type (a list stays a list), other
 * text is rendered as text. A value that cannot be rendered (it uses an undefined variable, or
 * itself through others) is left out, so a template that uses it fails there, with the reason.
 */
function resolveTemplatedVars(t: PreparedTemplate, node: NodeVars): { vars: Vars; poisoned: Map<string, Poison> } {
  const source = node.vars;
  const done = new Map<string, unknown>();
  const poisoned = new Map<string, Poison>();
  const visiting: string[] = [];
  const ctx: Vars = {};
  const resolveName = (name: string): void => {
    if (done.has(name) || poisoned.has(name)) return;
    const i = visiting.indexOf(name);
    if (i >= 0) {
      const cycle = [...visiting.slice(i), name].join(" → ");
      for (const n of visiting.slice(i))
        poisoned.set(n, { code: "template-undefined-variable", why: `is defined through itself (${cycle})` });
      return;
    }
    visiting.push(name);
    try {
      const value = resolveValue(source[name], name);
      if (!poisoned.has(name)) {
        done.set(name, value);
        ctx[name] = value;
      }
    } catch (e) {
      if (e instanceof ValueFault) poisoned.set(name, e.poison);
      else throw e;
    } finally {
      visiting.pop();
    }
  };
  const resolveValue = (v: unknown, owner: string): unknown => {
    if (typeof v === "string") {
      if (!TAG_RE.test(v)) return v;
      for (const dep of namesIn(v)) if (dep !== owner && dep in source) resolveName(dep);
      if (poisoned.has(owner)) return undefined;
      for (const dep of namesIn(v)) {
        const p = poisoned.get(dep);
        if (p && dep !== owner) throw new ValueFault({ code: p.code, why: `uses '${dep}', which ${p.why}` });
        if (dep === owner && !(dep in ctx))
          throw new ValueFault({ code: "template-undefined-variable", why: `is defined through itself (${owner} → ${owner})` });
      }
      const single = /^\s*\{\{(.*)\}\}\s*$/s.exec(v);
      if (single && !single[1]!.includes("}}") && !single[1]!.includes("{{")) {
        const r = t.set.evaluate(single[1]!, sanitize(ctx, 0, new Set()) as Vars);
        // An expression that comes out undefined (a name no file sets) leaves the variable undefined too.
        if (r.ok && r.value === undefined)
          throw new ValueFault({ code: "template-undefined-variable", why: `is '${v.trim()}', which is undefined` });
        if (r.ok) return r.value;
        throw new ValueFault({
          code: r.undefined ? "template-undefined-variable" : "template-render-unsupported",
          why: `cannot be rendered: ${r.message}`,
        });
      }
      const r = t.set.renderString(v, sanitize(ctx, 0, new Set()) as Vars);
      if (r.ok) return r.value;
      throw new ValueFault({
        code: r.undefined ? "template-undefined-variable" : "template-render-unsupported",
        why: `cannot be rendered: ${r.message}`,
      });
    }
    if (Array.isArray(v)) return v.map((x) => resolveValue(x, owner));
    if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (UNSAFE in o) return o[UNSAFE];
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = k === "hostvars" && owner === "hostvars" ? x : resolveValue(x, owner);
      return out;
    }
    return v;
  };
  for (const name of Object.keys(source)) {
    if (name === "hostvars") continue;
    resolveName(name);
  }
  // hostvars: every node's variables, the other nodes' as given (Ansible renders them on access too; kalint resolves this node's).
  if ("hostvars" in source) {
    const hv = { ...(source["hostvars"] as Record<string, unknown>) };
    hv[node.name] = { ...ctx };
    ctx["hostvars"] = hv;
  }
  return { vars: ctx, poisoned };
}

/** Plain data the engine can take: no cycles (a shared value is copied, a value inside itself dropped), bounded depth. */
function sanitize(v: unknown, depth: number, path: Set<object>): unknown {
  if (v === null || typeof v !== "object")
    return typeof v === "bigint" ? Number(v) : typeof v === "function" || typeof v === "symbol" ? undefined : v;
  if (path.has(v) || depth > MAX_DEPTH) return null;
  path.add(v);
  let out: unknown;
  if (Array.isArray(v)) out = v.map((x) => sanitize(x, depth + 1, path));
  else if (v instanceof Map) out = Object.fromEntries([...v].map(([k, x]) => [String(k), sanitize(x, depth + 1, path)]));
  else {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = sanitize(x, depth + 1, path);
    out = o;
  }
  path.delete(v);
  return out;
}

/** Deeper values than any vars file needs; the engine's conversion recurses once per level. */
const MAX_DEPTH = 64;

class ValueFault extends Error {
  constructor(readonly poison: Poison) {
    super(poison.why);
  }
}

const WORDS = new Set([
  "if",
  "else",
  "elif",
  "for",
  "in",
  "not",
  "and",
  "or",
  "is",
  "true",
  "false",
  "none",
  "True",
  "False",
  "None",
  "defined",
  "undefined",
  "endif",
  "endfor",
  "set",
  "loop",
]);

/** Top-level names a template string may read (an over-approximation: filters and attributes too). */
function namesIn(text: string): string[] {
  const out = new Set<string>();
  const tag = /\{\{(.*?)\}\}|\{%(.*?)%\}/gs;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text))) {
    const code = (m[1] ?? m[2] ?? "").replace(/'[^']*'|"[^"]*"/g, "");
    for (const w of code.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []) if (!WORDS.has(w)) out.add(w);
  }
  return [...out];
}
