/**
 * Reads a template into its layer: the tags, the tree of control constructs, the partials it
 * includes, its own syntax problems, and the keepalived text the grammar parses. That text has
 * the template's exact length and line breaks, so every offset in it is an offset in the
 * template: control tags and comments become blanks, each expression (and each construct
 * written inside a keepalived line) becomes a run of OPAQUE characters, one word to the
 * keepalived lexer. Never throws.
 */
import { classifyErb, erbAlternatives, scanErb } from "./erb.js";
import { classifyGo, goAlternatives, scanGo } from "./go.js";
import { classifyJinja, jinjaAlternatives, scanJinja } from "./jinja.js";
import { classifySubst, scanSubst } from "./subst.js";
import type { TagSink } from "./scan.js";
import { firstAtOrAfter } from "./search.js";
import type {
  OpaqueRange,
  TagRole,
  TemplateBranch,
  TemplateConstruct,
  TemplateEngine,
  TemplateInclude,
  TemplateProblem,
  TemplateTag,
} from "./types.js";

/** Stands for template output in the keepalived text: a private-use character no config holds. */
export const OPAQUE = "\uE000";
const OPAQUE_CODE = 0xe000;

/** Whether keepalived text (a word, a value) holds template output. */
export function isOpaque(text: string): boolean {
  return text.includes(OPAQUE);
}

/** The characters of `text` that the template wrote literally. */
export function literalPart(text: string): string {
  return text.includes(OPAQUE) ? text.split(OPAQUE).join("") : text;
}

interface Engine {
  scan(text: string): TagSink;
  classify(tag: TemplateTag, text: string): TagRole;
  alternatives(code: string): string[] | undefined;
}

const ENGINES: Readonly<Record<TemplateEngine, Engine>> = {
  jinja: { scan: scanJinja, classify: classifyJinja, alternatives: jinjaAlternatives },
  go: { scan: scanGo, classify: classifyGo, alternatives: goAlternatives },
  erb: { scan: scanErb, classify: classifyErb, alternatives: erbAlternatives },
  subst: { scan: scanSubst, classify: classifySubst, alternatives: () => undefined },
};

export interface TemplateLayer {
  readonly engine: TemplateEngine;
  /** Every tag, in file order. */
  readonly tags: readonly TemplateTag[];
  /** Constructs at the top of the file, in order. */
  readonly roots: readonly TemplateConstruct[];
  readonly includes: readonly TemplateInclude[];
  readonly problems: readonly TemplateProblem[];
  /** Opaque stretches of the keepalived text, in order. */
  readonly opaque: readonly OpaqueRange[];
  /** The keepalived text: the template's length and line breaks, tags blanked or made opaque. */
  readonly text: string;
  /** The innermost construct branch holding `offset` (undefined: rendered unconditionally). */
  branchAt(offset: number): TemplateBranch | undefined;
  /** The opaque stretch holding `offset`. */
  opaqueAt(offset: number): OpaqueRange | undefined;
}

export function readTemplate(source: string, engine: TemplateEngine): TemplateLayer {
  const e = ENGINES[engine];
  const sink = e.scan(source);
  const problems: TemplateProblem[] = [...sink.problems];
  const tags = sink.tags.sort((a, b) => a.start - b.start);
  const includes: TemplateInclude[] = [];
  const starts = lineStarts(source);
  const roots = buildTree(source, starts, tags, e, engine, problems, includes);
  markInline(roots, starts, keepalivedLines(source, starts, tags));
  const opaque: OpaqueRange[] = [];
  const text = mask(source, tags, roots, e, opaque);
  let branchId = 0;
  const number = (list: readonly TemplateConstruct[]) => {
    for (const c of list)
      for (const b of c.branches) {
        (b as { id: number }).id = ++branchId;
        number(b.children);
      }
  };
  number(roots);
  problems.sort((a, b) => a.start - b.start);
  return {
    engine,
    tags,
    roots,
    includes,
    problems,
    opaque,
    text,
    branchAt: (offset) => innermostBranch(roots, offset),
    opaqueAt: (offset) => {
      let lo = 0;
      let hi = opaque.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const o = opaque[mid]!;
        if (offset < o.start) hi = mid - 1;
        else if (offset >= o.end) lo = mid + 1;
        else return o;
      }
      return undefined;
    },
  };
}

function buildTree(
  text: string,
  starts: readonly number[],
  tags: readonly TemplateTag[],
  e: Engine,
  engine: TemplateEngine,
  problems: TemplateProblem[],
  includes: TemplateInclude[],
): TemplateConstruct[] {
  const roots: TemplateConstruct[] = [];
  const stack: TemplateConstruct[] = [];
  const current = (): TemplateBranch | undefined => {
    const top = stack[stack.length - 1];
    return top?.branches[top.branches.length - 1];
  };
  const endBranch = (c: TemplateConstruct, at: number) => {
    const b = c.branches[c.branches.length - 1]!;
    (b as { end: number }).end = at;
  };
  const label = (t: TemplateTag) => text.slice(t.start, t.end).replace(/\s+/g, " ").slice(0, 40);
  for (const tag of tags) {
    if (tag.kind !== "statement") continue;
    const role = e.classify(tag, text);
    switch (role.role) {
      case "open": {
        const parent = current();
        const construct: TemplateConstruct = {
          kind: role.construct,
          keyword: role.keyword,
          tags: [tag],
          branches: [],
          close: undefined,
          parent,
          inline: false,
        };
        construct.branches.push({ id: 0, construct, keyword: role.keyword, tag, start: tag.end, end: text.length, parent, children: [] });
        (parent ? parent.children : roots).push(construct);
        stack.push(construct);
        break;
      }
      case "branch": {
        const top = stack[stack.length - 1];
        if (!top) {
          problems.push({
            start: tag.start,
            end: tag.end,
            message: `'${label(tag)}' is outside any block it could continue; the template engine refuses the file`,
          });
          break;
        }
        if (
          engine === "jinja" &&
          (role.keyword === "elif"
            ? top.keyword !== "if"
            : role.keyword === "else"
              ? top.keyword !== "if" && top.keyword !== "for"
              : top.keyword !== "trans")
        ) {
          problems.push({
            start: tag.start,
            end: tag.end,
            message: `'${role.keyword}' cannot continue the '${top.keyword}' opened at line ${lineAt(starts, top.tags[0]!.start) + 1}; the template engine refuses the file`,
          });
          break;
        }
        endBranch(top, tag.start);
        top.tags.push(tag);
        top.branches.push({
          id: 0,
          construct: top,
          keyword: branchKeyword(text, tag, role.keyword),
          tag,
          start: tag.end,
          end: text.length,
          parent: top.parent,
          children: [],
        });
        break;
      }
      case "close": {
        let at = stack.length - 1;
        if (role.closes !== undefined) while (at >= 0 && stack[at]!.keyword !== role.closes) at--;
        if (at < 0) {
          const what = role.closes !== undefined ? `'${role.keyword}' has no '${role.closes}' to close` : `'${label(tag)}' closes no block`;
          problems.push({ start: tag.start, end: tag.end, message: `${what}; the template engine refuses the file` });
          break;
        }
        while (stack.length - 1 > at) {
          const open = stack.pop()!;
          problems.push({
            start: open.tags[0]!.start,
            end: open.tags[0]!.end,
            message: `'${open.keyword}' is never closed: '${role.keyword}' at line ${lineAt(starts, tag.start) + 1} closes the block around it; the template engine refuses the file`,
          });
          endBranch(open, tag.start);
        }
        const c = stack.pop()!;
        endBranch(c, tag.start);
        c.tags.push(tag);
        (c as { close: TemplateTag }).close = tag;
        break;
      }
      case "include":
        includes.push({ tag, keyword: role.keyword, name: role.name });
        break;
      case "single":
        break;
    }
  }
  for (const open of stack) {
    problems.push({
      start: open.tags[0]!.start,
      end: open.tags[0]!.end,
      message: `'${open.keyword}' is never closed; the template engine refuses the file`,
    });
  }
  return roots;
}

/** The offset each line starts at. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line holding `offset`, by the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  return firstAtOrAfter(starts, (s) => s, offset + 1) - 1;
}

/**
 * For each line (by index), whether it holds keepalived text outside every template tag: a
 * keepalived comment after the tags does not count, so `{% endif %}  # note` is a tag's own line.
 */
function keepalivedLines(text: string, starts: readonly number[], tags: readonly TemplateTag[]): Uint8Array {
  const out = new Uint8Array(starts.length);
  // Walk each line's characters outside tags until the first that is not blank.
  let k = 0;
  for (let line = 0; line < starts.length; line++) {
    const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    for (let i = starts[line]!; i < end; i++) {
      while (k < tags.length && tags[k]!.end <= i) k++;
      const tag = tags[k];
      if (tag && tag.start <= i) {
        i = tag.end - 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) continue;
      out[line] = c === 35 /* # */ || c === 33 /* ! */ ? 0 : 1;
      break;
    }
  }
  return out;
}

/** A construct any of whose tags shares a line with keepalived text is inline. */
function markInline(roots: readonly TemplateConstruct[], starts: readonly number[], textLines: Uint8Array): void {
  const onTextLine = (t: TemplateTag) =>
    textLines[lineAt(starts, t.start)] === 1 || textLines[lineAt(starts, Math.max(t.start, t.end - 1))] === 1;
  const visit = (list: readonly TemplateConstruct[]) => {
    for (const c of list) {
      c.inline = c.tags.some(onTextLine);
      if (!c.inline) for (const b of c.branches) visit(b.children);
    }
  };
  visit(roots);
}

/** The literal texts of an inline `if` whose branches are plain text on one line, else undefined. */
function inlineAlternatives(c: TemplateConstruct, text: string, tags: readonly TemplateTag[]): string[] | undefined {
  if (c.kind !== "if" || c.keyword === "with" || c.keyword === "case") return undefined;
  const out: string[] = [];
  for (const b of c.branches) {
    if (b.children.length) return undefined;
    const body = text.slice(b.start, b.end);
    if (body.includes("\n") || hasTagIn(tags, b.start, b.end)) return undefined;
    out.push(body.trim());
  }
  if (!c.branches.some((b) => b.keyword === "else")) out.push("");
  return out;
}

/** `else` only for an unconditional last branch: Go's `else if`/`else with`, `elsif` and `when` are `elif`. */
function branchKeyword(text: string, tag: TemplateTag, keyword: string): string {
  if (keyword !== "else") return keyword === "pluralize" ? "else" : "elif";
  return /\belse\s+(?:if|with)\b/.test(text.slice(tag.bodyStart, tag.bodyEnd)) ? "elif" : "else";
}

/** The keepalived text; fills `opaque` with the opaque stretches in order. */
function mask(source: string, tags: readonly TemplateTag[], roots: readonly TemplateConstruct[], e: Engine, opaque: OpaqueRange[]): string {
  interface Region {
    start: number;
    end: number;
    fill: "blank" | "opaque";
    alternatives?: readonly string[];
    brace?: string;
  }
  const regions: Region[] = [];
  const whole = (c: TemplateConstruct) => ({ start: c.tags[0]!.start, end: (c.close ?? c.tags[c.tags.length - 1]!).end });
  const visit = (list: readonly TemplateConstruct[]) => {
    for (const c of list) {
      if (c.inline) {
        const alternatives = inlineAlternatives(c, source, tags);
        regions.push({ ...whole(c), fill: "opaque", ...(alternatives ? { alternatives } : {}) });
      } else if (c.kind === "definition") {
        // Rendered where it is called, not here: nothing of it is this place's keepalived text.
        const w = whole(c);
        regions.push({ start: w.start, end: c.close ? c.close.end : source.length, fill: "blank" });
      } else for (const b of c.branches) visit(b.children);
    }
  };
  visit(roots);
  for (const t of tags) {
    if (t.kind === "expression") {
      const alternatives = e.alternatives(source.slice(t.bodyStart, t.bodyEnd));
      // `{{ "{" }}` writes a brace (templates use it where `{{` would start a tag): keepalived
      // reads a brace on its own whatever stands beside it, so it is one here too.
      if (alternatives?.length === 1 && (alternatives[0] === "{" || alternatives[0] === "}"))
        regions.push({ start: t.start, end: t.end, fill: "blank", brace: alternatives[0] });
      else regions.push({ start: t.start, end: t.end, fill: "opaque", ...(alternatives ? { alternatives } : {}) });
    } else regions.push({ start: t.start, end: t.end, fill: "blank" });
  }
  // Larger regions first at one start, so a construct swallows the tags inside it.
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let at = 0;
  for (const r of regions) {
    if (r.start < at) continue; // inside a region already written
    parts.push(source.slice(at, r.start));
    const filled = fill(source, r.start, r.end, r.fill === "opaque" ? OPAQUE_CODE : 32);
    parts.push(r.brace !== undefined ? r.brace + filled.slice(1) : filled);
    if (r.fill === "opaque") opaque.push({ start: r.start, end: r.end, ...(r.alternatives ? { alternatives: r.alternatives } : {}) });
    at = r.end;
  }
  parts.push(source.slice(at));
  return parts.join("");
}

/** Whether a tag starts in [start, end) (tags are in order: a binary search). */
function hasTagIn(tags: readonly TemplateTag[], start: number, end: number): boolean {
  const at = firstAtOrAfter(tags, tagStart, start);
  return at < tags.length && tags[at]!.start < end;
}

const tagStart = (t: TemplateTag): number => t.start;

/** `source[start, end)` with every character but line breaks replaced by `code`. */
function fill(source: string, start: number, end: number, code: number): string {
  const ch = String.fromCharCode(code);
  // Most tags sit on one line.
  const nl = source.indexOf("\n", start);
  if ((nl === -1 || nl >= end) && source.charCodeAt(end - 1) !== 13) return ch.repeat(end - start);
  let out = "";
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      out += ch.repeat(run) + source[i];
      run = 0;
    } else run++;
  }
  return out + ch.repeat(run);
}

function innermostBranch(list: readonly TemplateConstruct[], offset: number): TemplateBranch | undefined {
  let found: TemplateBranch | undefined;
  let level = list;
  for (;;) {
    let lo = 0;
    let hi = level.length - 1;
    let hit: TemplateConstruct | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = level[mid]!;
      const start = c.tags[0]!.start;
      const end = c.close ? c.close.end : Number.POSITIVE_INFINITY;
      if (offset < start) hi = mid - 1;
      else if (offset >= end) lo = mid + 1;
      else {
        hit = c;
        break;
      }
    }
    if (!hit) return found;
    const branch = hit.branches.find((b) => offset >= b.start && offset < b.end);
    if (!branch) return found;
    found = branch;
    level = branch.children;
  }
}
