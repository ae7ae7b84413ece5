/**
 * A template read as keepalived: the template layer (grammar/template/) gives the keepalived
 * text, the grammar parses it with every span in the template, and the template's own
 * problems become diagnostics: `template-syntax` for a malformed template and
 * `template-brace-imbalance` for a construct that nests blocks differently as it is rendered.
 */
import { diagnostic } from "./registry.js";
import type { ConfigFile, Node } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import { parse } from "./parse.js";
import type { SourceText } from "./source.js";
import { braceFaults, isOpaque, readTemplate, type TemplateEngine } from "./template/index.js";

export interface TemplateParseOptions {
  /** Keywords of the blocks the file is included in (a partial), outermost first. */
  readonly parents?: readonly string[];
  /**
   * A fragment (a partial, or a file named by `--fragment`): blocks left open at its end or
   * closed at its start are the including file's business, not findings.
   */
  readonly fragment?: boolean;
}

/** The parser's messages for braces that close nothing or are never closed (parser.ts). */
const UNBALANCED = /closes no block|is never closed/;

export function parseTemplate(source: SourceText, engine: TemplateEngine, options: TemplateParseOptions = {}): ConfigFile {
  const read = readTemplate(source.text, engine);
  const { faults, shadowed } = braceFaults(read.roots, keepalivedBraces(read.text));
  const layer = shadowed.length ? { ...read, text: blank(read.text, shadowed) } : read;
  const parsed = parse(source, { template: layer, ...(options.parents ? { parents: options.parents } : {}) });
  const faulted = faults.map((f) => ({
    start: f.construct.tags[0]!.start,
    end: (f.construct.close ?? f.construct.tags[f.construct.tags.length - 1]!).end,
  }));
  const diagnostics: Diagnostic[] = [];
  for (const d of parsed.diagnostics) {
    if (d.code === "syntax-error" && UNBALANCED.test(d.message)) {
      // One fault, one finding: what an unbalanced construct does to the braces around it is
      // the brace-imbalance finding's, and a fragment's open ends are its includer's.
      if (options.fragment || faulted.some((r) => d.start >= r.start && d.start < r.end)) continue;
    }
    diagnostics.push(d);
  }
  for (const p of layer.problems) diagnostics.push(diagnostic({ file: source, start: p.start, end: p.end }, "template-syntax", p.message));
  for (const f of faults) {
    const tag = f.construct.tags[0]!;
    diagnostics.push(diagnostic({ file: source, start: tag.start, end: tag.end }, "template-brace-imbalance", f.message));
  }
  diagnostics.sort((a, b) => a.start - b.start);
  return { ...parsed, diagnostics, ...(options.fragment ? { fragment: true } : {}) };
}

/** `text` with the ranges turned to blanks (line breaks kept, so offsets and lines stay). */
function blank(text: string, ranges: readonly { readonly start: number; readonly end: number }[]): string {
  const chars = text.split("");
  for (const r of ranges) for (let i = r.start; i < r.end; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  return chars.join("");
}

/** A line whose first word an expression writes: it may stand for any statements. */
export function hasOpaqueLine(children: readonly Node[]): boolean {
  for (const c of children) {
    const first = c.kind === "statement" || c.kind === "block" ? c.keyword : c.kind === "value" ? c.words[0] : undefined;
    if (first && isOpaque(first.text)) return true;
  }
  return false;
}

/**
 * The braces keepalived reads in a text, in order: every `{` and `}` outside double quotes (which
 * end at the line's end) and comments (an unescaped `#` or `!` to the line's end), as the lexer
 * tokens.ts splits them, without building its tokens.
 */
export function keepalivedBraces(text: string): { offset: number; delta: 1 | -1 }[] {
  const out: { offset: number; delta: 1 | -1 }[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) out.push({ offset: i, delta: 1 });
    else if (c === 125) out.push({ offset: i, delta: -1 });
    else if (c === 92)
      i++; // `\#`, `\!`: no comment (a backslash before anything else is a plain character)
    else if (c === 34 || c === 35 || c === 33) {
      // A quoted string ends at its closing quote or the line's end; a comment at the line's end.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 10 || (c === 34 && d === 34)) break;
      }
    }
  }
  return out;
}
