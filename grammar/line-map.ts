/**
 * The effective configuration is text keepalived would see after preprocessing. Each of its lines
 * remembers where its pieces came from, so a span in it maps back to a file and offset as written.
 */
import type { Node } from "./ast.js";
import type { SourceText, Span } from "./source.js";

/** `len` code units at column `at` of an effective line come from `orig` in `file`. */
export interface Segment {
  readonly at: number;
  readonly len: number;
  readonly file: SourceText;
  readonly orig: number;
  /** Text produced by substitution or expansion: it maps to the whole of [orig, orig + origLen). */
  readonly origLen?: number;
}

export interface MappedLine {
  readonly text: string;
  readonly segments: readonly Segment[];
}

export function freshLine(file: SourceText, start: number, text: string): MappedLine {
  return { text, segments: [{ at: 0, len: text.length, file, orig: start }] };
}

export function sliceLine(line: MappedLine, from: number, to = line.text.length): MappedLine {
  const segments: Segment[] = [];
  pushSlice(segments, line, from, to, 0);
  return { text: line.text.slice(from, to), segments };
}

/** Replaces [from, to) of the line with generated text that maps back to `origin`. */
export function replaceInLine(line: MappedLine, from: number, to: number, text: string, origin: Span): MappedLine {
  // One pass over the segments, without slicing the line into a head and a tail first: this runs
  // for every substitution, and an expansion may make hundreds of thousands of them.
  const segments: Segment[] = [];
  pushSlice(segments, line, 0, from, 0);
  segments.push({ at: from, len: text.length, file: origin.file, orig: origin.start, origLen: origin.end - origin.start });
  pushSlice(segments, line, to, line.text.length, from + text.length);
  return { text: line.text.slice(0, from) + text + line.text.slice(to), segments };
}

/**
 * Appends the segments of columns [from, to) of `line`, moved to start at column `at`; an empty
 * segment within them is kept. A segment that stays as it was is shared, not copied.
 */
function pushSlice(out: Segment[], line: MappedLine, from: number, to: number, at: number): void {
  for (const s of line.segments) {
    const a = Math.max(s.at, from);
    const b = Math.min(s.at + s.len, to);
    if (b <= a && !(s.len === 0 && s.at >= from && s.at <= to)) continue;
    const col = a - from + at;
    if (col === s.at && a === s.at && b - a === s.len) out.push(s);
    else
      out.push(s.origLen === undefined ? { at: col, len: b - a, file: s.file, orig: s.orig + (a - s.at) } : { ...s, at: col, len: b - a });
  }
}

/** The original place of column `col` of a line (`end` true: the position just after a character). */
export function mapColumn(line: MappedLine, col: number, end: boolean): { file: SourceText; offset: number } | undefined {
  const segs = line.segments;
  if (segs.length === 0) return undefined;
  let best = segs[0]!;
  for (const s of segs) {
    if (s.at <= col && (col < s.at + s.len || (end && col === s.at + s.len))) {
      best = s;
      if (!end || col < s.at + s.len) break;
    } else if (s.at <= col) best = s;
  }
  if (best.origLen !== undefined) return { file: best.file, offset: end ? best.orig + best.origLen : best.orig };
  const within = Math.min(Math.max(col - best.at, 0), best.len);
  return { file: best.file, offset: best.orig + within };
}

/** The written place of columns [from, to) of a line. */
export function spanOf(line: MappedLine, from: number, to: number): Span {
  const a = mapColumn(line, from, false)!;
  const b = mapColumn(line, to, true)!;
  return { file: a.file, start: a.offset, end: b.file === a.file ? Math.max(a.offset, b.offset) : a.offset };
}

/** The written place of [start, end) of the effective text, whose lines are `lines`. */
export function mapSpan(effective: SourceText, lines: readonly MappedLine[], start: number, end: number): Span {
  const sLine = effective.lineOf(start);
  // Most spans end on the line they start on: no second search for it.
  const next = effective.lineStarts[sLine + 1];
  const eLine = next === undefined || end - 1 < next ? sLine : effective.lineOf(end - 1);
  const startCol = start - effective.lineStarts[sLine]!;
  const endCol = end - effective.lineStarts[eLine]!;
  const a = mapColumn(lines[sLine]!, startCol, false);
  const b = mapColumn(lines[eLine]!, endCol, true);
  if (!a) return { file: effective, start, end };
  if (!b || b.file !== a.file || b.offset < a.offset)
    return { file: a.file, start: a.offset, end: a.file.lineEnd(a.file.lineOf(a.offset)) };
  return { file: a.file, start: a.offset, end: b.offset };
}

export type SpanMapper = (span: { start: number; end: number }) => Span;
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves a span of the effective text to where it came from, in place: the tree is fresh from
 * the parser and nothing else holds it, and a copy would double the memory of a large file.
 */
function place<T extends Span>(span: T, map: SpanMapper): T {
  const to = map(span);
  const w = span as Writable<T>;
  w.file = to.file;
  w.start = to.start;
  w.end = to.end;
  return span;
}

/** Moves every span of a parsed node of the effective text, and of its children, to its written place. */
export function remapNode(node: Node, map: SpanMapper): Node {
  const n = place(node, map);
  switch (n.kind) {
    case "statement":
      place(n.keyword, map);
      for (const w of n.args) place(w, map);
      break;
    case "value":
      for (const w of n.words) place(w, map);
      break;
    case "block":
    case "anonymous-block":
      if (n.kind === "block") {
        place(n.keyword, map);
        for (const w of n.args) place(w, map);
      }
      place(n.open, map);
      if (n.close) place(n.close, map);
      for (const c of n.children) remapNode(c, map);
      break;
    case "include":
      place(n.directive, map);
      if (n.pattern) place(n.pattern, map);
      for (const w of n.extra) place(w, map);
      break;
    case "definition":
      place(n.nameSpan, map);
      place(n.valueSpan, map);
      break;
  }
  return n;
}
