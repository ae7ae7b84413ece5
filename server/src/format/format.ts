/**
 * `kalint fmt` as a pure function: text in, canonical text (or the reasons to leave it alone)
 * out. It works on the file as written, so directives, definitions and quoted strings survive
 * exactly; the layout rules are in layout.ts.
 */
import type { IToken } from "chevrotain";
import {
  DEFAULT_LIMITS,
  diagnostic,
  formatBytes,
  formatCount,
  MAX_LINE_BYTES,
  SourceText,
  type Code,
  type Diagnostic,
} from "../../../grammar/index.js";
import { lineProblems } from "../../../grammar/parse.js";
import { linesTooLongToLex, MAX_LEXED_LINE, syntaxDiagnostics } from "../../../grammar/chunked-parse.js";
import { layoutLines, type OutputLine } from "./layout.js";
import { tokenize } from "./tokens.js";

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: readonly Diagnostic[] };

/** One level of nesting: four spaces, as most of keepalived's own sample configurations use. */
export const INDENT = "    ";

/**
 * Formats one file. A file with syntax errors is refused, since a layout built on a guess
 * about broken nesting could move lines into other blocks. `path` only names the file in the
 * diagnostics.
 */
export function formatDocument(text: string, path = ""): FormatResult {
  const source = new SourceText(path, text);
  const tooMuch = beyondLimits(source);
  if (tooMuch) return tooMuch;
  const { lines, tokens, uncovered, unterminated } = tokenize(text);
  const errors = syntaxErrors(source, tokens);
  if (errors.length > 0) return { ok: false, diagnostics: errors };

  // The parser reports these on statements only; anywhere else a quote that runs to the end of
  // its line would swallow a brace pulled onto that line.
  if (unterminated !== undefined) {
    return refuse(
      source,
      unterminated.startOffset,
      unterminated.startOffset + unterminated.image.length,
      "syntax-error",
      "this quoted string has no closing '\"' on its line",
    );
  }
  if (uncovered !== undefined) {
    const code = text.codePointAt(uncovered)!;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    return refuse(
      source,
      uncovered,
      uncovered + String.fromCodePoint(code).length,
      "syntax-error",
      `kalint does not read the character ${name} here, so it leaves the file as it is`,
    );
  }

  const layout = layoutLines(lines);
  const texts = layout.map(lineText);
  const overlong = layout.flatMap((l, i) => tooLong(source, l, texts[i]!));
  if (overlong.length > 0) return { ok: false, diagnostics: overlong };
  return { ok: true, text: render(texts, lineBreakOf(text)) };
}

/**
 * The errors `parse` would report, from the tokens the layout is built on: parsing them
 * directly spares the file a second lexing pass (`parse` lexes it in chunks of its own), and
 * parsing them a chunk at a time keeps the unused tree from piling up.
 */
function syntaxErrors(source: SourceText, tokens: IToken[]): Diagnostic[] {
  const all = [...syntaxDiagnostics(source, tokens), ...lineProblems(source)];
  return all.filter((d) => d.severity === "error").sort((a, b) => a.start - b.start);
}

/** The file's own line break, taken from its first line, so CRLF files stay CRLF. */
function lineBreakOf(text: string): string {
  const nl = text.indexOf("\n");
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? "\r\n" : "\n";
}

function lineText(l: OutputLine): string {
  if (l.kind === "blank") return "";
  const body = l.comment === undefined ? l.text : l.text ? `${l.text} ${l.comment}` : l.comment;
  // A word may end in `\ ` (the lexer keeps a blank escaped by a backslash); keepalived strips it anyway.
  return (INDENT.repeat(l.depth) + body).replace(/[ \t\f\v\r]+$/, "");
}

function render(texts: readonly string[], eol: string): string {
  if (texts.length === 0) return "";
  const out = texts.join("\n") + "\n";
  return eol === "\n" ? out : out.replace(/\n/g, eol);
}

/** Indenting a long line can push it past the length keepalived reads; the formatter then stops. */
function tooLong(source: SourceText, l: OutputLine, text: string): Diagnostic[] {
  if (text.length <= MAX_LINE_BYTES / 3) return [];
  const longest = Math.max(...text.split("\n").map((part) => Buffer.byteLength(part)));
  if (longest <= MAX_LINE_BYTES) return [];
  const end = source.lineEnd(source.lineOf(l.origin));
  return refuse(
    source,
    l.origin,
    end,
    "line-too-long",
    `indented, this line would be ${longest} bytes long; keepalived ignores lines over ${MAX_LINE_BYTES} bytes, so shorten it first`,
  ).diagnostics;
}

/**
 * The formatter lexes a whole file at once and keeps every token: a file past the analysis
 * limits (grammar/limits.ts) is refused before that, as is a line too long to lex, which
 * keepalived would drop anyway.
 */
function beyondLimits(source: SourceText): { ok: false; diagnostics: Diagnostic[] } | undefined {
  const text = source.text;
  const long = linesTooLongToLex(text)[0];
  if (long)
    return refuse(
      source,
      long[0],
      long[0],
      "line-too-long",
      `this line is over ${formatBytes(MAX_LEXED_LINE)}; keepalived drops lines over ${MAX_LINE_BYTES} bytes, and kalint does not format a file that has one`,
    );
  const { lines, words } = DEFAULT_LIMITS;
  let n = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    if (++n >= lines) return refuse(source, at + 1, at + 1, "resource-limit", `kalint formats files of up to ${formatCount(lines)} lines`);
  }
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const blank = c === 32 || c === 9 || c === 10 || c === 13;
    if (!blank && !inWord && ++count > words)
      return refuse(source, i, i, "resource-limit", `kalint formats files of up to ${formatCount(words)} words`);
    inWord = !blank;
  }
  return undefined;
}

function refuse(source: SourceText, start: number, end: number, code: Code, message: string): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [diagnostic({ file: source, start, end }, code, message)] };
}
