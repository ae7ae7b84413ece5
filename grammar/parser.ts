/**
 * The grammar of keepalived.conf as a chevrotain parser. keepalived splits a file into lines and
 * every brace into a line of its own, so the grammar is: lines of words, where a line followed
 * (on the same or a later line) by `{` opens a block that runs to its `}`.
 *
 * Line breaks are trivia, not tokens (a third of all tokens in a typical file would be line
 * breaks): the gates `sameLine` decide where a line ends by looking for a line feed in the gap
 * before the next token.
 *
 * The grammar accepts every token sequence: problems (a stray `}`, a block that never closes)
 * become diagnostics and the rest of the file still becomes a tree.
 */
import { EmbeddedActionsParser, EOF, type IToken } from "chevrotain";
import type { AnonymousBlock, Block, Condition, Definition, Include, Node, SequenceHeader, Statement, ValueLine, Word } from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import { DefinitionLine, SequenceHead } from "./directive-tokens.js";
import { allTokens } from "./lexer.js";
import type { SourceText, Span } from "./source.js";
import { AnyWord, AtWord, LBrace, RBrace } from "./tokens.js";
import { INCLUDE_DIRECTIVES, isValueBlock } from "./value-blocks.js";
import { makeWord, WordTexts } from "./words.js";

interface LinePrefix {
  readonly condition?: Condition;
  readonly sequences?: readonly SequenceHeader[];
}

/** Mutable construction state; the parser itself is created once and reused. */
interface BuildState {
  file: SourceText;
  diagnostics: Diagnostic[];
  /** Keywords of the enclosing blocks, innermost last. */
  parents: string[];
  /** Whether the innermost block holds data lines. */
  inValueBlock: boolean;
  /** Shared texts of repeated words. */
  texts: WordTexts;
}

class KeepalivedParser extends EmbeddedActionsParser {
  state: BuildState = { file: undefined as unknown as SourceText, diagnostics: [], parents: [], inValueBlock: false, texts: new WordTexts() };

  constructor() {
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  readonly file = this.RULE("file", (): Node[] => {
    const children: Node[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const brace = this.CONSUME(RBrace);
            this.ACTION(() => this.report(brace, brace, "this '}' closes no block"));
          },
        },
        {
          ALT: () => {
            const node = this.SUBRULE(this.line, { ARGS: [undefined] });
            this.ACTION(() => node && children.push(node));
          },
        },
      ]);
    });
    return children;
  });

  /**
   * One logical line: an `@id` prefix or `~SEQ` header followed by the rest of the line (parsed
   * again by this rule), a definition, an anonymous block, or `keyword args...` with its block.
   */
  private readonly line = this.RULE("line", (prefix: LinePrefix | undefined): Node | undefined => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            const at = this.CONSUME(AtWord);
            const next = this.ACTION(() => ({ ...prefix, condition: this.condition(at) }));
            return this.OPTION({ GATE: () => this.sameLine(at), DEF: () => this.SUBRULE(this.line, { ARGS: [next] }) });
          },
        },
        {
          ALT: () => {
            const seq = this.CONSUME(SequenceHead);
            const next = this.ACTION(() => ({ ...prefix, sequences: [...(prefix?.sequences ?? []), this.sequence(seq)] }));
            return this.OPTION2({ GATE: () => this.sameLine(seq), DEF: () => this.SUBRULE2(this.line, { ARGS: [next] }) });
          },
        },
        { ALT: () => this.definition(this.CONSUME(DefinitionLine), prefix) },
        { ALT: () => this.SUBRULE(this.anonymousBlock, { ARGS: [prefix] }) },
        {
          ALT: () => {
            const words: IToken[] = [this.CONSUME(AnyWord)];
            this.MANY({
              GATE: () => this.sameLine(words[words.length - 1]!),
              DEF: () => {
                words.push(this.CONSUME2(AnyWord));
              },
            });
            // A `{` on this line or any later one opens the block of this keyword line.
            const block = this.OPTION3(() => this.SUBRULE(this.blockBody, { ARGS: [words, prefix] }));
            return block ?? this.ACTION(() => this.statement(words, prefix));
          },
        },
      ],
    });
  });

  private readonly blockBody = this.RULE("blockBody", (words: IToken[], prefix: LinePrefix | undefined): Block => {
    const open = this.CONSUME(LBrace);
    const saved = { parents: this.state.parents.length, inValue: this.state.inValueBlock };
    let keyword: Word | undefined;
    let valueBlock = false;
    this.ACTION(() => {
      keyword = makeWord(this.state.file, words[0]!, this.state.texts);
      const parent = this.state.parents[this.state.parents.length - 1] ?? "";
      valueBlock = !this.state.inValueBlock && isValueBlock(parent, keyword.text);
      this.state.parents.push(keyword.text);
      this.state.inValueBlock = valueBlock;
    });
    const children = this.SUBRULE(this.body);
    const close = this.OPTION(() => this.CONSUME(RBrace));
    return this.ACTION(() => {
      this.state.parents.length = saved.parents;
      this.state.inValueBlock = saved.inValue;
      const file = this.state.file;
      const args = this.words(words, 1);
      if (!close) this.report(words[0]!, open, `'${keyword!.text}' block opened here is never closed`);
      const end = close ? close.startOffset + 1 : this.lastEnd(children, open.startOffset + 1);
      const block: Block = {
        kind: "block",
        file,
        start: prefixStart(prefix, words[0]!.startOffset),
        end,
        keyword: keyword!,
        args,
        open: this.span(open),
        close: close ? this.span(close) : undefined,
        valueBlock,
        children,
      };
      return withPrefix(block, prefix);
    });
  });

  private readonly anonymousBlock = this.RULE("anonymousBlock", (prefix: LinePrefix | undefined): AnonymousBlock => {
    const open = this.CONSUME(LBrace);
    const children = this.SUBRULE(this.body);
    const close = this.OPTION(() => this.CONSUME(RBrace));
    return this.ACTION(() => {
      if (!close) this.report(open, open, "this '{' is never closed");
      const file = this.state.file;
      return withPrefix<AnonymousBlock>({
        kind: "anonymous-block",
        file,
        start: prefixStart(prefix, open.startOffset),
        end: close ? close.startOffset + 1 : this.lastEnd(children, open.startOffset + 1),
        open: this.span(open),
        close: close ? this.span(close) : undefined,
        children,
      }, prefix);
    });
  });

  private readonly body = this.RULE("body", (): Node[] => {
    const children: Node[] = [];
    this.MANY(() => {
      const node = this.SUBRULE(this.line, { ARGS: [undefined] });
      this.ACTION(() => node && children.push(node));
    });
    return children;
  });

  /** Does the next token sit on the same line as `previous` (no line feed in the gap)? */
  private sameLine(previous: IToken): boolean {
    const next = this.LA(1);
    if (next.tokenType === EOF) return false;
    const text = this.state.file.text;
    for (let i = previous.startOffset + previous.image.length; i < next.startOffset; i++) {
      if (text.charCodeAt(i) === 10) return false;
    }
    return true;
  }

  private statement(tokens: IToken[], prefix: LinePrefix | undefined): Statement | ValueLine | Include {
    const file = this.state.file;
    if (this.state.inValueBlock) {
      const words = this.words(tokens, 0);
      for (const w of words) if (w.unterminated) this.reportUnterminated(w);
      const first = words[0]!;
      return withPrefix({ kind: "value", file, start: prefixStart(prefix, first.start), end: words[words.length - 1]!.end, words }, prefix);
    }
    const first = makeWord(file, tokens[0]!, this.state.texts);
    const args = this.words(tokens, 1);
    const start = prefixStart(prefix, first.start);
    const end = args.length > 0 ? args[args.length - 1]!.end : first.end;
    if (first.unterminated) this.reportUnterminated(first);
    for (const w of args) if (w.unterminated) this.reportUnterminated(w);
    // The first-letter test spares hashing every keyword of the file for the set lookup.
    if (first.text.charCodeAt(0) === 105 /* i */ && !first.quoted && INCLUDE_DIRECTIVES.has(first.text)) {
      return withPrefix({ kind: "include", file, start, end, directive: first, pattern: args[0], extra: args.slice(1) }, prefix);
    }
    return withPrefix({ kind: "statement", file, start, end, keyword: first, args }, prefix);
  }

  /**
   * Words of `tokens[from..]` in an array of exactly their number: this runs once per line of
   * the file and the arrays live as long as the tree, so a pushed-to array's spare capacity
   * (17 slots after the first push) would be most of a statement's memory.
   */
  private words(tokens: readonly IToken[], from: number): Word[] {
    const file = this.state.file;
    const texts = this.state.texts;
    switch (tokens.length - from) {
      case 0:
        return [];
      case 1:
        return [makeWord(file, tokens[from]!, texts)];
      case 2:
        return [makeWord(file, tokens[from]!, texts), makeWord(file, tokens[from + 1]!, texts)];
      case 3:
        return [makeWord(file, tokens[from]!, texts), makeWord(file, tokens[from + 1]!, texts), makeWord(file, tokens[from + 2]!, texts)];
      default: {
        const out: Word[] = [];
        for (let i = from; i < tokens.length; i++) out.push(makeWord(file, tokens[i]!, texts));
        // slice() copies into an array of exactly this length.
        return out.slice();
      }
    }
  }

  private reportUnterminated(word: Word): void {
    this.reportSpan(word, "this quoted string has no closing '\"' on its line");
  }

  private definition(token: IToken, prefix: LinePrefix | undefined): Definition {
    return this.ACTION(() => {
      const file = this.state.file;
      const image = token.image;
      const eq = image.indexOf("=");
      const start = token.startOffset;
      let valueStart = eq + 1;
      while (valueStart < image.length && (image[valueStart] === " " || image[valueStart] === "\t")) valueStart++;
      const rawValue = image.slice(valueStart);
      const multiline = /\\\s*(?:[#!][^\n]*)?\r?\n/.test(rawValue);
      const value = multiline ? joinContinuations(rawValue) : rawValue;
      return withPrefix<Definition>({
        kind: "definition",
        file,
        start: prefixStart(prefix, start),
        end: start + image.length,
        name: image.slice(1, eq),
        nameSpan: { file, start: start + 1, end: start + eq },
        value,
        valueSpan: { file, start: start + valueStart, end: start + image.length },
        multiline,
      }, prefix);
    }) as Definition;
  }

  private condition(token: IToken): Condition {
    const image = token.image;
    const negated = image.charCodeAt(1) === 94; /* ^ */
    return {
      kind: "condition",
      file: this.state.file,
      start: token.startOffset,
      end: token.startOffset + image.length,
      id: image.slice(negated ? 2 : 1),
      negated,
    };
  }

  private sequence(token: IToken): SequenceHeader {
    const image = token.image;
    const form = image.startsWith("~SEQx") ? "SEQx" : image.startsWith("~SEQ") ? "SEQ" : "LST";
    const closed = image.endsWith(")");
    const open = image.indexOf("(");
    if (!closed) this.report(token, token, `'~${form}(' has no closing ')'`);
    return {
      kind: "sequence",
      file: this.state.file,
      start: token.startOffset,
      end: token.startOffset + image.length,
      form,
      params: image.slice(open + 1, closed ? -1 : undefined),
      closed,
    };
  }

  private span(token: IToken): Span {
    return { file: this.state.file, start: token.startOffset, end: token.startOffset + token.image.length };
  }

  private lastEnd(children: Node[], fallback: number): number {
    return children.length ? children[children.length - 1]!.end : fallback;
  }

  private report(from: IToken, to: IToken, message: string): void {
    this.state.diagnostics.push({
      file: this.state.file,
      start: from.startOffset,
      end: to.startOffset + to.image.length,
      code: "syntax-error",
      severity: "error",
      message,
    });
  }

  private reportSpan(span: Span, message: string): void {
    this.state.diagnostics.push({ file: span.file, start: span.start, end: span.end, code: "syntax-error", severity: "error", message });
  }
}

/** Adds the line prefix only when there is one, so the common node shape stays small and monomorphic. */
function withPrefix<T extends Node>(node: T, prefix: LinePrefix | undefined): T {
  if (prefix === undefined) return node;
  return { ...node, condition: prefix.condition, sequences: prefix.sequences };
}

function prefixStart(prefix: LinePrefix | undefined, start: number): number {
  if (prefix === undefined) return start;
  return Math.min(prefix.condition?.start ?? start, prefix.sequences?.[0]?.start ?? start);
}

/** Joins the lines of a multi-line definition: trailing `\`, comments and blanks removed. */
function joinContinuations(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((line, i, all) => {
      let text = i === 0 ? line : line.trimStart();
      if (i < all.length - 1) text = text.replace(/\s*(?:[#!].*)?$/, "").replace(/\\$/, "").trimEnd();
      return text;
    })
    .join("\n");
}

let shared: KeepalivedParser | undefined;

export interface ParseOutput {
  readonly children: Node[];
  readonly diagnostics: Diagnostic[];
}

export function parseTokens(file: SourceText, tokens: IToken[], inheritedParents: readonly string[] = [], texts = new WordTexts()): ParseOutput {
  const parser = (shared ??= new KeepalivedParser());
  const diagnostics: Diagnostic[] = [];
  parser.state = { file, diagnostics, parents: [...inheritedParents], inValueBlock: false, texts };
  parser.input = tokens;
  const children = parser.file();
  const errors = parser.errors;
  // Let the tokens go: the shared parser would otherwise keep the last file's tokens alive.
  parser.input = [];
  for (const error of errors) {
    // The grammar accepts every token sequence; an error here is a bug, but never a crash.
    const token = error.token;
    const start = Number.isFinite(token.startOffset) ? token.startOffset : file.text.length;
    diagnostics.push({ file, start, end: start + (token.image?.length ?? 0), code: "syntax-error", severity: "error", message: error.message });
  }
  return { children, diagnostics };
}
