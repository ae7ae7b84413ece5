/**
 * The effective configuration is text keepalived would see after preprocessing. Each of its lines
 * remembers where its pieces came from, so a span in it maps back to a file and offset as written.
 */
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
  for (const s of line.segments) {
    const a = Math.max(s.at, from);
    const b = Math.min(s.at + s.len, to);
    if (b <= a && !(s.len === 0 && s.at >= from && s.at <= to)) continue;
    segments.push(s.origLen === undefined ? { at: a - from, len: b - a, file: s.file, orig: s.orig + (a - s.at) } : { ...s, at: a - from, len: b - a });
  }
  return { text: line.text.slice(from, to), segments };
}

/** Replaces [from, to) of the line with generated text that maps back to `origin`. */
export function replaceInLine(line: MappedLine, from: number, to: number, text: string, origin: Span): MappedLine {
  const head = sliceLine(line, 0, from);
  const tail = sliceLine(line, to);
  const generated: Segment = { at: from, len: text.length, file: origin.file, orig: origin.start, origLen: origin.end - origin.start };
  return {
    text: head.text + text + tail.text,
    segments: [...head.segments, generated, ...tail.segments.map((s) => ({ ...s, at: s.at + from + text.length }))],
  };
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
