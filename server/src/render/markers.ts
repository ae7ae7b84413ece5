/**
 * Source mapping for rendered templates. Before rendering, each template line that writes text
 * gets a mark at its start naming its file and line (private-use characters, so no
 * configuration holds one); the engine copies marks like any text, once per loop iteration,
 * into whatever include or macro call renders them. After rendering the marks are taken out,
 * and each rendered line maps to the mark it starts with, or (a line that an expression's
 * multi-line value or a joined line began) to the last mark before it.
 *
 * A mark must not change what the engine writes, so it is placed where whitespace control
 * cannot see it: never inside a tag, never on a line whose text a `-` on a neighbouring tag
 * would join to the line before, and on a line that starts with a block tag only after that
 * tag (where trim_blocks and lstrip_blocks have done their work), and only when text follows.
 */
import { readTemplate, type TemplateConstruct, type TemplateLayer, type TemplateTag } from "../../../grammar/index.js";

const OPEN = "\uE001";
const CLOSE = "\uE002";
const MARK_RE = /\uE001(\d+):(\d+)\uE002/g;

/** Where a rendered line came from: a template file (index into the files list) and its 0-based line. */
export interface Origin {
  readonly file: number;
  readonly line: number;
}

/** Block keywords after which a mark may go on the same line (text that follows is output). */
const MARK_AFTER = new Set([
  "if",
  "elif",
  "else",
  "endif",
  "for",
  "endfor",
  "with",
  "endwith",
  "raw",
  "endraw",
  "endmacro",
  "endcall",
  "endfilter",
  "call",
  "filter",
]);

const mark = (file: number, line: number) => `${OPEN}${file}:${line}${CLOSE}`;

/** The template text with a mark for each line that writes text; `file` is the file's index. */
export function insertMarks(text: string, file: number, layer: TemplateLayer = readTemplate(text, "jinja")): string {
  const tags = layer.tags;
  // Lines inside a captured `{% set x %}...{% endset %}` would put marks into a value the template may compare.
  const captured = capturedRanges(layer.roots);
  const out: string[] = [];
  let tagIndex = 0;
  let from = 0;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    while (tagIndex < tags.length && tags[tagIndex]!.end <= start) tagIndex++;
    const at = markAt(text, start, end, tags, tagIndex, captured);
    if (at !== undefined) {
      out.push(text.slice(from, at), mark(file, line));
      from = at;
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  out.push(text.slice(from));
  return out.join("");
}

/** Where on the line [start, end) a mark goes, or undefined for none. */
function markAt(
  text: string,
  start: number,
  end: number,
  tags: readonly TemplateTag[],
  next: number,
  captured: readonly [number, number][],
): number | undefined {
  if (captured.some(([a, b]) => start > a && start < b)) return undefined;
  const tag = tags[next];
  // A line that starts inside a tag (a multi-line tag or comment) is the tag's.
  if (tag && tag.start < start) return undefined;
  let first = start;
  while (first < end && (text[first] === " " || text[first] === "\t" || text[first] === "\r")) first++;
  if (first === end) return undefined;
  // Text a right-trimming tag before it would join to an earlier line.
  const before = next > 0 ? tags[next - 1] : undefined;
  if (before && /^\s*$/.test(text.slice(before.end, first)) && /-[%}#]\}$/.test(text.slice(before.end - 3, before.end))) return undefined;
  if (tag && tag.start === first) {
    const opener = text.slice(first, first + 3);
    if (/^\{[{%#]-/.test(opener)) return undefined;
    if (tag.kind === "expression") return start;
    // A block tag or comment first: the mark goes after it, when the rest of the line writes text.
    const keyword = /^[A-Za-z_]+/.exec(text.slice(tag.bodyStart, tag.bodyEnd).trim())?.[0] ?? "";
    if (tag.kind === "statement" && !MARK_AFTER.has(keyword)) return undefined;
    if (/-[%#]\}$/.test(text.slice(tag.end - 3, tag.end))) return undefined;
    const rest = text.slice(tag.end, end);
    if (!/\S/.test(rest)) return undefined;
    const following = tags[next + 1];
    if (
      following &&
      following.start < end &&
      /^\s*$/.test(text.slice(tag.end, following.start)) &&
      /^\{[%#]/.test(text.slice(following.start, following.start + 2))
    )
      return undefined;
    return tag.end;
  }
  return start;
}

function capturedRanges(roots: readonly TemplateConstruct[]): [number, number][] {
  const out: [number, number][] = [];
  const walk = (list: readonly TemplateConstruct[]) => {
    for (const c of list) {
      if (c.keyword === "set" && c.kind === "definition") out.push([c.tags[0]!.start, (c.close ?? c.tags[c.tags.length - 1]!).end]);
      for (const b of c.branches) walk(b.children);
    }
  };
  walk(roots);
  return out;
}

/** The rendered text without marks, and each of its lines' origin (undefined before the first mark). */
export function takeMarks(rendered: string): { text: string; origins: (Origin | undefined)[] } {
  const origins: (Origin | undefined)[] = [];
  const clean: string[] = [];
  let current: Origin | undefined;
  for (const raw of rendered.split("\n")) {
    if (!raw.includes(OPEN)) {
      origins.push(current);
      clean.push(raw);
      continue;
    }
    // One pass over the line's marks: the text between them is kept; marks in a row at the start
    // (a macro call's line, then the macro body's) give the line's origin, the last, innermost, wrote the text.
    let text = "";
    let from = 0;
    let leading = true;
    let lineOrigin: Origin | undefined;
    let last: Origin | undefined;
    MARK_RE.lastIndex = 0;
    for (let m = MARK_RE.exec(raw); m; m = MARK_RE.exec(raw)) {
      const between = raw.slice(from, m.index);
      last = { file: Number(m[1]), line: Number(m[2]) };
      leading &&= BLANK_RE.test(between);
      if (leading) lineOrigin = last;
      text += between;
      from = MARK_RE.lastIndex;
    }
    origins.push(lineOrigin ?? current);
    if (last) current = last;
    clean.push(text + raw.slice(from));
  }
  return { text: clean.join("\n"), origins };
}

const BLANK_RE = /^[ \t]*$/;
