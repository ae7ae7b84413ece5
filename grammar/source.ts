import type { FileStamp } from "./file-host.js";

/** One file's text with a lazily built line table; offsets are UTF-16 code units, as in LSP. */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

/** What is known of where a text came from, beyond its path. */
export interface SourceOrigin {
  /** The file read, when it came from disk (so --fix writes only to that file). */
  readonly stamp?: FileStamp;
  /** Set when the text is only the start of the file: a limit stopped the reading (grammar/limits.ts). */
  readonly truncated?: boolean;
}

export class SourceText {
  private starts: number[] | undefined;

  constructor(
    /** Path as the user gave it (or the include path as resolved); also the identity of the file. */
    readonly path: string,
    readonly text: string,
    readonly origin: SourceOrigin = {},
  ) {}

  get lineStarts(): readonly number[] {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      let i = text.indexOf("\n");
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf("\n", i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line index holding `offset` (offsets past the end clamp to the last line). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    let end = line + 1 < starts.length ? starts[line + 1]! - 1 : this.text.length;
    if (end > starts[line]! && this.text.charCodeAt(end - 1) === 13 && line + 1 < starts.length) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line] ?? this.text.length, this.lineEnd(line));
  }
}

/** A stretch of one source file. Every AST node and diagnostic carries one. */
export interface Span {
  readonly file: SourceText;
  /** Offset of the first code unit. */
  readonly start: number;
  /** Offset just past the last code unit. */
  readonly end: number;
}

export function spanText(span: Span): string {
  return span.file.text.slice(span.start, span.end);
}
