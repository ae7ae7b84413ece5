import type { Comment, ConfigFile } from "./ast.js";
import { FindingLimiter, type Diagnostic } from "./diagnostic.js";
import type { Budget } from "./limits.js";
import { parseChunked } from "./chunked-parse.js";
import { diagnostic } from "./registry.js";
import type { SourceText } from "./source.js";
import type { TemplateLayer } from "./template/index.js";

export interface ParseOptions {
  /** The template layer of a template: its keepalived text is parsed, spans stay in the template. */
  readonly template?: TemplateLayer;
  /** Keywords of the blocks the text sits in (a template partial), outermost first. */
  readonly parents?: readonly string[];
  /** The analysis's budget (grammar/limits.ts): words parsed and findings kept are bounded. */
  readonly budget?: Budget;
}

/** keepalived reads lines into a 1024-byte buffer: 1023 bytes of text at most. */
export const MAX_LINE_BYTES = 1023;

/**
 * Parses one file as written. Never throws: problems become `syntax-error` diagnostics. With a
 * budget (an analysis's), the words parsed and the findings kept are bounded (grammar/limits.ts).
 */
export function parse(source: SourceText, options: ParseOptions = {}): ConfigFile {
  const { children, comments, diagnostics } = parseChunked(source, false, {
    ...(options.template ? { text: options.template.text } : {}),
    ...(options.parents ? { parents: options.parents } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });
  for (const d of lineProblems(source, options.budget?.limits.findingsKept)) diagnostics.push(d);
  diagnostics.sort((a, b) => a.start - b.start);
  return {
    kind: "file",
    source,
    children,
    comments: comments.map((t): Comment => ({
      kind: "comment",
      file: source,
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      // As written: in a template the lexed text has its expressions blanked out.
      text: options.template ? source.text.slice(t.startOffset, t.startOffset + t.image.length) : t.image,
    })),
    diagnostics,
    ...(options.template ? { template: options.template } : {}),
  };
}

/** Lines keepalived would drop whole: too long for its buffer, or holding a NUL byte. */
export function lineProblems(source: SourceText, keep = Infinity): Diagnostic[] {
  const text = source.text;
  const out: Diagnostic[] = [];
  const limiter = new FindingLimiter(keep);
  const add = (d: Diagnostic) => {
    if (limiter.admit(d)) out.push(d);
  };
  if (text.charCodeAt(0) === 0xfeff) {
    out.push(
      diagnostic(
        { file: source, start: 0, end: 1 },
        "syntax-error",
        "the file starts with a byte order mark, which keepalived reads as part of the first keyword",
      ),
    );
  }
  // Cheap screen first: a line can only exceed 1023 bytes if it has over 341 UTF-16 units.
  const long = text.length > 341;
  const nul = text.includes("\0");
  if (!long && !nul) return out;
  scanLines(source, nul, add);
  for (const d of limiter.summaries()) out.push(d);
  return out;
}

function scanLines(source: SourceText, nul: boolean, add: (d: Diagnostic) => void): void {
  const text = source.text;
  const starts = source.lineStarts;
  // The next NUL at or after the line, found once per NUL rather than searched for per line.
  let nextNul = nul ? text.indexOf("\0") : -1;
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line]!;
    const end = source.lineEnd(line);
    const bytes = end - start > 341 ? Buffer.byteLength(text.slice(start, end)) : 0;
    if (bytes > MAX_LINE_BYTES) {
      add(
        diagnostic(
          { file: source, start, end },
          "line-too-long",
          `line is ${bytes} bytes long; keepalived ignores lines over ${MAX_LINE_BYTES} bytes`,
        ),
      );
    } else if (nextNul !== -1) {
      if (nextNul < start) nextNul = text.indexOf("\0", start);
      if (nextNul !== -1 && nextNul < end) {
        add(
          diagnostic(
            { file: source, start: nextNul, end: nextNul + 1 },
            "syntax-error",
            "a NUL byte on this line makes keepalived ignore the whole line",
          ),
        );
      }
    }
  }
}
