import type { Comment, ConfigFile } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import { parseChunked } from "./chunked-parse.js";
import { diagnostic } from "./registry.js";
import type { SourceText } from "./source.js";
import type { TemplateLayer } from "./template/index.js";

export interface ParseOptions {
  /** The template layer of a template: its keepalived text is parsed, spans stay in the template. */
  readonly template?: TemplateLayer;
  /** Keywords of the blocks the text sits in (a template partial), outermost first. */
  readonly parents?: readonly string[];
}

/** keepalived reads lines into a 1024-byte buffer: 1023 bytes of text at most. */
export const MAX_LINE_BYTES = 1023;

/** Parses one file as written. Never throws: problems become `syntax-error` diagnostics. */
export function parse(source: SourceText, options: ParseOptions = {}): ConfigFile {
  const { children, comments, diagnostics } = parseChunked(source, false, {
    ...(options.template ? { text: options.template.text } : {}),
    ...(options.parents ? { parents: options.parents } : {}),
  });
  diagnostics.push(...lineProblems(source));
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
export function lineProblems(source: SourceText): Diagnostic[] {
  const text = source.text;
  const out: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    out.push(diagnostic({ file: source, start: 0, end: 1 }, "syntax-error", "the file starts with a byte order mark, which keepalived reads as part of the first keyword"));
  }
  // Cheap screen first: a line can only exceed 1023 bytes if it has over 341 UTF-16 units.
  const long = text.length > 341;
  const nul = text.includes("\0");
  if (!long && !nul) return out;
  const starts = source.lineStarts;
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line]!;
    const end = source.lineEnd(line);
    if (end - start > 341 && Buffer.byteLength(text.slice(start, end)) > MAX_LINE_BYTES) {
      out.push(diagnostic({ file: source, start, end }, "line-too-long", `line is ${Buffer.byteLength(text.slice(start, end))} bytes long; keepalived ignores lines over ${MAX_LINE_BYTES} bytes`));
    } else if (nul) {
      const at = text.indexOf("\0", start);
      if (at !== -1 && at < end) {
        out.push(diagnostic({ file: source, start: at, end: at + 1 }, "syntax-error", "a NUL byte on this line makes keepalived ignore the whole line"));
      }
    }
  }
  return out;
}
