/**
 * Lexes and parses a text a chunk at a time. Top-level blocks do not depend on each other, so
 * the token vector handed to the parser is cut wherever a line ends outside every block; the
 * tokens of a chunk then die young instead of all living until the whole file is parsed.
 * Measured on the 5.3 MB benchmark file, lexing alone drops from ~105 ms to ~40 ms: the garbage
 * collector no longer copies half a million live tokens (ARCHITECTURE.md, speed notes).
 */
import type { IToken } from "chevrotain";
import type { Node } from "./ast.js";
import { FindingLimiter, type Diagnostic } from "./diagnostic.js";
import { lex, lineBreakAfter } from "./lexer.js";
import { parseTokens } from "./parser.js";
import type { SourceText } from "./source.js";
import { diagnostic } from "./registry.js";
import { WordTexts } from "./words.js";
import { LBrace, RBrace } from "./tokens.js";
import { checkDeadline, formatCount, type Budget } from "./limits.js";

/** Large enough that per-chunk overhead vanishes, small enough to stay in the young generation. */
const CHUNK_CHARS = 64 * 1024;

export interface ParsedText {
  readonly children: Node[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

export interface ChunkOptions {
  /** The text to lex instead of the source's own (same length and line breaks). */
  readonly text?: string;
  /** Keywords of the blocks the text sits in (a template partial), outermost first. */
  readonly parents?: readonly string[];
  /** The analysis's budget (grammar/limits.ts): the findings kept and the words parsed. */
  readonly budget?: Budget;
  /** The words were counted already (the preprocessor counts its output as it produces it). */
  readonly wordsCounted?: boolean;
}

/**
 * `effective`: the text is the preprocessor's output, where conditions are already applied, so
 * a line's leading `@word` is its keyword, not a condition.
 */
export function parseChunked(source: SourceText, effective = false, options: ChunkOptions = {}): ParsedText {
  // A template's keepalived text has the template's offsets and line breaks (template/layer.ts).
  const text = options.text ?? source.text;
  const { budget, wordsCounted } = options;
  const children: Node[] = [];
  const comments: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const limiter = new FindingLimiter(budget?.limits.findingsKept ?? Infinity);
  const pending = new PendingTokens(text);
  const texts = new WordTexts();
  const skipped = linesTooLongToLex(text);
  let next = 0;
  for (let at = 0; at < text.length;) {
    // A line too long to lex is left out whole, as keepalived drops every line over 1023 bytes.
    const skip = skipped[next];
    if (skip && at >= skip[0]) {
      at = skip[1];
      next++;
      continue;
    }
    const end = Math.min(chunkEnd(text, at + CHUNK_CHARS), skip ? skip[0] : text.length);
    checkDeadline();
    const lexed = lex(at === 0 && end === text.length ? text : text.slice(at, end));
    if (budget && !wordsCounted && !budget.take("words", lexed.tokens.length + lexed.comments.length)) {
      // The words of this chunk are over the budget: what came before is parsed, nothing after.
      const words = formatCount(budget.limits.words);
      diagnostics.push(
        diagnostic(
          { file: source, start: at, end: at },
          "resource-limit",
          `kalint parses ${words} words per analysis; the rest of ${source.path} from here is not analysed`,
        ),
      );
      break;
    }
    for (const t of lexed.comments) {
      t.startOffset += at;
      comments.push(t);
    }
    for (const t of lexed.tokens) t.startOffset += at;
    pending.add(lexed.tokens);
    const ready = end === text.length ? pending.takeAll() : pending.takeComplete();
    if (ready.length) {
      const out = parseTokens(source, ready, texts, effective, options.parents);
      // Pushed one by one: spreading a 100k-element array into push() overflows the stack.
      for (const n of out.children) children.push(n);
      for (const d of out.diagnostics) if (limiter.admit(d)) diagnostics.push(d);
    }
    at = end;
  }
  const rest = pending.takeAll();
  if (rest.length) {
    const out = parseTokens(source, rest, texts, effective, options.parents);
    for (const n of out.children) children.push(n);
    for (const d of out.diagnostics) if (limiter.admit(d)) diagnostics.push(d);
  }
  for (const d of limiter.summaries()) diagnostics.push(d);
  return { children, comments, diagnostics };
}

/**
 * Lines longer than this (in UTF-16 units) are not lexed: a word of several megabytes
 * overflows the backtracking stack of the lexer's regular expressions (9 MB did; 2 MB did
 * not). keepalived reads no line over 1023 bytes anyway, and `lineProblems` reports each one.
 */
export const MAX_LEXED_LINE = 1024 * 1024;

/** [start, end) of each line, line break included, longer than MAX_LEXED_LINE. */
export function linesTooLongToLex(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (text.length <= MAX_LEXED_LINE) return out;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > MAX_LEXED_LINE) out.push([start, nl === -1 ? end : nl]);
    start = end + 1;
  }
  return out;
}

/** Tokens handed to the parser at a time by `syntaxDiagnostics` (about one 64 KB chunk of text). */
const CHUNK_TOKENS = 8192;

/**
 * The syntax diagnostics of tokens already lexed (comments excluded), parsed a top-level
 * chunk at a time so each chunk's tree is garbage before the next is built: for a caller that
 * keeps the tokens (the formatter) but has no use for the tree.
 *
 * The loop is parseChunked's, written out again on purpose: shared through a generator or a
 * callback, the previous run's output stayed reachable (a suspended frame, a live register)
 * while the next run was parsed, so the dropped trees could survive a collection and be
 * promoted: `fmt` of the 5.3 MB file then peaked at about 320 MB in half the runs, against
 * about 254 MB in nearly all runs written out like this.
 */
export function syntaxDiagnostics(source: SourceText, tokens: readonly IToken[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending = new PendingTokens(source.text);
  const texts = new WordTexts();
  for (let at = 0; at < tokens.length; at += CHUNK_TOKENS) {
    pending.add(tokens.slice(at, at + CHUNK_TOKENS));
    const ready = at + CHUNK_TOKENS >= tokens.length ? pending.takeAll() : pending.takeComplete();
    if (ready.length) for (const d of parseTokens(source, ready, texts).diagnostics) diagnostics.push(d);
  }
  return diagnostics;
}

/**
 * The end of the line at or after `target`. Only a `$NAME=` definition continues over a line
 * break, and only after a backslash, so a line holding a backslash is never the last of a chunk.
 */
function chunkEnd(text: string, target: number): number {
  let from = target;
  for (;;) {
    if (from >= text.length) return text.length;
    const nl = text.indexOf("\n", from);
    if (nl === -1) return text.length;
    const lineStart = text.lastIndexOf("\n", nl - 1) + 1;
    // Only this line is searched: indexOf would run on to the end of a text with no backslash.
    if (!hasBackslash(text, lineStart, nl)) return nl + 1;
    from = nl + 1;
  }
}

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

/** Tokens lexed but not yet parsed, with the brace depth scanned so far. */
class PendingTokens {
  private tokens: IToken[] = [];
  private scanned = 0;
  private depth = 0;
  private lastCut = 0;

  constructor(private readonly text: string) {}

  add(tokens: readonly IToken[]): void {
    for (const t of tokens) this.tokens.push(t);
  }

  /** Tokens up to the last place where a line ends outside every block and no `{` follows. */
  takeComplete(): IToken[] {
    const tokens = this.tokens;
    for (let i = this.scanned; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (this.depth === 0 && i > 0 && t.tokenType !== LBrace && lineBreakAfter(this.text, tokens[i - 1]!, t.startOffset)) this.lastCut = i;
      // A `}` at the top closes nothing; the parser reports it and the depth stays 0.
      if (t.tokenType === LBrace) this.depth++;
      else if (t.tokenType === RBrace && this.depth > 0) this.depth--;
    }
    this.scanned = tokens.length;
    const cut = this.lastCut;
    if (cut === 0) return [];
    const ready = tokens.slice(0, cut);
    this.tokens = tokens.slice(cut);
    this.scanned -= cut;
    this.lastCut = 0;
    return ready;
  }

  takeAll(): IToken[] {
    const all = this.tokens;
    this.tokens = [];
    this.scanned = this.lastCut = this.depth = 0;
    return all;
  }
}
