/**
 * The typed syntax tree of a keepalived configuration.
 *
 * One tree shape serves two views: the file as written (directives such as `@id`, `$NAME=`,
 * `~SEQ` and `include` kept as nodes, for editing and formatting) and the effective
 * configuration (directives applied, includes inlined; every span still points into the
 * file and line the text came from).
 */
import type { Diagnostic } from "./diagnostic.js";
import type { SourceText, Span } from "./source.js";
import type { TemplateLayer } from "./template/layer.js";

/** One word of a line: a bare word or a double-quoted string. */
export interface Word extends Span {
  readonly kind: "word";
  /** The text exactly as written, quotes included. */
  readonly raw: string;
  /** The value keepalived sees: quotes removed, `\#` and `\!` unescaped. */
  readonly text: string;
  readonly quoted: boolean;
  /** A quoted word with no closing quote on its line. */
  readonly unterminated?: boolean;
}

/** An `@id` / `@^id` line prefix: the line counts only when the config id matches (or, with ^, does not). */
export interface Condition extends Span {
  readonly kind: "condition";
  readonly id: string;
  readonly negated: boolean;
}

/** A `~SEQ(...)` / `~LST(...)` header that repeats the rest of its line. */
export interface SequenceHeader extends Span {
  readonly kind: "sequence";
  readonly form: "SEQ" | "SEQx" | "LST";
  /** Text between the parentheses. */
  readonly params: string;
  /** False when the closing parenthesis is missing. */
  readonly closed: boolean;
}

interface LineNode extends Span {
  readonly condition?: Condition;
  readonly sequences?: readonly SequenceHeader[];
}

/** `keyword arg...` on one line. */
export interface Statement extends LineNode {
  readonly kind: "statement";
  readonly keyword: Word;
  readonly args: readonly Word[];
}

/** `keyword arg... { children }`; the brace may sit on a later line. */
export interface Block extends LineNode {
  readonly kind: "block";
  readonly keyword: Word;
  readonly args: readonly Word[];
  /** The `{`. */
  readonly open: Span;
  /** The `}`, absent when the file ends first. */
  readonly close: Span | undefined;
  /** True for blocks whose lines are data (addresses, names, routes), not keywords. */
  readonly valueBlock: boolean;
  readonly children: readonly Node[];
}

/** One line of a value block: `10.0.0.1/24 dev eth0`; the first word is the item. */
export interface ValueLine extends LineNode {
  readonly kind: "value";
  readonly words: readonly Word[];
}

/** A `{ ... }` with no keyword before it. */
export interface AnonymousBlock extends LineNode {
  readonly kind: "anonymous-block";
  readonly open: Span;
  readonly close: Span | undefined;
  readonly children: readonly Node[];
}

/** `$NAME=value` (the value may continue over lines ending in `\`). */
export interface Definition extends LineNode {
  readonly kind: "definition";
  readonly name: string;
  readonly nameSpan: Span;
  /** The value with continuation backslashes removed and lines joined by `\n`. */
  readonly value: string;
  readonly valueSpan: Span;
  readonly multiline: boolean;
}

/** `include PATTERN` and its checked variants (`includer`, `includem`, ...). */
export interface Include extends LineNode {
  readonly kind: "include";
  readonly directive: Word;
  readonly pattern: Word | undefined;
  readonly extra: readonly Word[];
}

export type Node = Statement | Block | ValueLine | AnonymousBlock | Definition | Include;
export type Container = ConfigFile | Block | AnonymousBlock;

export interface Comment extends Span {
  readonly kind: "comment";
  /** The comment text including its `#` or `!`. */
  readonly text: string;
}

export interface ConfigFile {
  readonly kind: "file";
  readonly source: SourceText;
  readonly children: readonly Node[];
  readonly comments: readonly Comment[];
  /** Syntax diagnostics found while reading this text. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Set when the file is a template: its tags, control constructs and opaque stretches. Words
   * holding template output carry the OPAQUE character in their text (template/layer.ts).
   */
  readonly template?: TemplateLayer;
  /** A template fragment: blocks it leaves open continue in the file that includes it. */
  readonly fragment?: boolean;
}

/**
 * True when the word's span holds exactly its written text. A word produced by `$NAME`
 * substitution or a `~SEQ` expansion points at the directive, and an edit there would change
 * every use of it, so fixes, renames and highlighting skip such words.
 */
export function writtenAs(word: Word): boolean {
  return word.file.text.slice(word.start, word.end) === word.raw;
}

export function isBlockLike(node: Node): node is Block | AnonymousBlock {
  return node.kind === "block" || node.kind === "anonymous-block";
}
