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
import { DefinitionLine, definitionParts, type DefinitionPart } from "./directive-tokens.js";
import { allTokens, lineBreakAfter } from "./lexer.js";
import type { SourceText, Span } from "./source.js";
import { AnyWord, AtWord, LBrace, LinePrefix as LinePrefixToken, RBrace } from "./tokens.js";
import { INCLUDE_DIRECTIVES, isValueBlock } from "./value-blocks.js";
import { makeWord, WordTexts } from "./words.js";
import { limitNesting } from "./nesting.js";
import { conditionWords } from "./condition-words.js";
import { diagnostic } from "./registry.js";

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
  state: BuildState = {
    file: undefined as unknown as SourceText,
    diagnostics: [],
    parents: [],
    inValueBlock: false,
    texts: new WordTexts(),
  };

  // The rules below run once per line of a file, so they allocate nothing they can avoid: the
  // alternatives and repetition bodies are built once (chevrotain accepts the same objects on
  // every call), and what a closure would have captured is handed over in these fields.

  /** The prefix for the next `line` rule to start with (set just before entering it). */
  private entering: LinePrefix | undefined;
  /** The prefix of the line being read (valid from the start of `line` until it recurses). */
  private prefix: LinePrefix | undefined;
  /** The last `@id` or `~SEQ` token of the line being read, while its prefixes are read. */
  private lastPrefix: IToken | undefined;
  /**
   * Tokens of the keyword lines being read, innermost last: a block keeps its header here while
   * its body is read. The stack's height is `tokenTop`, not the array's length: shortening an
   * array makes V8 trim its backing store, and the next push grow it again, once per line.
   */
  private readonly tokens: IToken[] = [];
  private tokenTop = 0;
  /** Where the header of the block about to be entered starts in `tokens`. */
  private headerStart = 0;
  /** Children of the blocks being read, innermost last; the height is `nodeTop` (see `tokenTop`). */
  private readonly nodes: Node[] = [];
  private nodeTop = 0;

  constructor() {
    super(allTokens, { maxLookahead: 1, recoveryEnabled: false, skipValidations: true });
    this.performSelfAnalysis();
  }

  /** Clears the construction stacks (also of the tokens recorded during self-analysis). */
  clearStacks(): void {
    this.tokens.length = this.tokenTop = 0;
    this.nodes.length = this.nodeTop = 0;
    this.entering = this.prefix = this.lastPrefix = undefined;
  }

  readonly file = this.RULE("file", (): Node[] => {
    this.MANY(() => {
      this.OR(
        (this.topLevelAlternatives ??= [
          {
            ALT: () => {
              const brace = this.CONSUME(RBrace);
              this.ACTION(() => this.report(brace, brace, "this '}' closes no block"));
            },
          },
          { ALT: this.bodyLine },
        ]),
      );
    });
    return this.ACTION(() => {
      const children = this.nodes.slice(0, this.nodeTop);
      this.nodeTop = 0;
      return children;
    });
  });

  private topLevelAlternatives: { ALT: () => void }[] | undefined;

  /**
   * One logical line: `@id` prefixes and `~SEQ` headers followed by the rest of the line (parsed
   * again by this rule), a definition, an anonymous block, or `keyword args...` with its block.
   */
  private readonly line = this.RULE("line", (): Node | undefined => {
    this.prefix = this.entering;
    this.entering = this.lastPrefix = undefined;
    return this.OR((this.lineChoice ??= { IGNORE_AMBIGUITIES: true, DEF: this.makeLineAlternatives() }));
  });

  private lineChoice: { IGNORE_AMBIGUITIES: true; DEF: { ALT: () => Node | undefined }[] } | undefined;

  /**
   * The prefixes of a line are read in a loop, and the rule recurses once for what follows
   * them: a line of thousands of `@id` words must not take a stack frame each.
   */
  private readonly linePrefix = {
    GATE: (): boolean => this.lastPrefix === undefined || this.sameLine(this.lastPrefix),
    DEF: (): void => {
      const token = this.CONSUME(LinePrefixToken);
      this.ACTION(() => {
        const prefix = this.prefix;
        this.prefix =
          token.tokenType === AtWord
            ? { ...prefix, condition: this.condition(token) }
            : { ...prefix, sequences: [...(prefix?.sequences ?? []), this.sequence(token)] };
        this.lastPrefix = token;
      });
    },
  };

  /** What follows a line's prefixes on the same line; nothing when the line ends after them. */
  private readonly afterPrefixes = {
    GATE: (): boolean => this.sameLine(this.lastPrefix!),
    DEF: (): Node | undefined => {
      this.entering = this.prefix;
      return this.SUBRULE2(this.line);
    },
  };

  private makeLineAlternatives(): { ALT: () => Node | undefined }[] {
    return [
      {
        ALT: () => {
          this.AT_LEAST_ONE(this.linePrefix);
          return this.OPTION(this.afterPrefixes);
        },
      },
      { ALT: () => this.definition(this.CONSUME(DefinitionLine), this.prefix) },
      { ALT: () => this.SUBRULE(this.anonymousBlock) },
      {
        ALT: () => {
          const prefix = this.prefix;
          const start = this.tokenTop;
          this.tokens[this.tokenTop++] = this.CONSUME(AnyWord);
          this.MANY(this.moreWords);
          // A `{` on this line or any later one opens the block of this keyword line.
          this.headerStart = start;
          const block = this.OPTION3(this.blockAfterWords);
          return block ?? this.ACTION(() => this.statement(start, prefix));
        },
      },
    ];
  }

  /** The rest of a keyword line: words while no line feed comes before the next one. */
  private readonly moreWords = {
    GATE: (): boolean => this.sameLine(this.tokens[this.tokenTop - 1]!),
    DEF: (): void => {
      this.tokens[this.tokenTop++] = this.CONSUME2(AnyWord);
    },
  };

  private readonly blockAfterWords = (): Block => this.SUBRULE(this.blockBody);

  private readonly closeBrace = (): IToken => this.CONSUME(RBrace);

  /** `{ children }` after the header words at `tokens[headerStart..]`, which stay there until the block is built. */
  private readonly blockBody = this.RULE("blockBody", (): Block => {
    const prefix = this.prefix;
    const start = this.headerStart;
    const open = this.CONSUME(LBrace);
    const savedParents = this.state.parents.length;
    const savedInValue = this.state.inValueBlock;
    let keyword: Word | undefined;
    let valueBlock = false;
    this.ACTION(() => {
      keyword = makeWord(this.state.file, this.tokens[start]!, this.state.texts);
      const parent = this.state.parents[this.state.parents.length - 1] ?? "";
      valueBlock = !this.state.inValueBlock && isValueBlock(parent, keyword.text);
      this.state.parents.push(keyword.text);
      this.state.inValueBlock = valueBlock;
    });
    const children = this.SUBRULE(this.body);
    const close = this.OPTION(this.closeBrace);
    return this.ACTION(() => {
      const parents = this.state.parents;
      while (parents.length > savedParents) parents.pop();
      this.state.inValueBlock = savedInValue;
      const file = this.state.file;
      const first = this.tokens[start]!;
      const args = this.words(start + 1);
      this.tokenTop = start;
      // Named as written: in a template the keyword may hold template output.
      if (!close)
        this.report(
          first,
          open,
          `'${file.text.slice(first.startOffset, first.startOffset + first.image.length)}' block opened here is never closed`,
        );
      const end = close ? close.startOffset + 1 : this.lastEnd(children, open.startOffset + 1);
      const block: Block = {
        kind: "block",
        file,
        start: prefixStart(prefix, first.startOffset),
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

  private readonly anonymousBlock = this.RULE("anonymousBlock", (): AnonymousBlock => {
    const prefix = this.prefix;
    const open = this.CONSUME(LBrace);
    const children = this.SUBRULE(this.body);
    const close = this.OPTION(this.closeBrace);
    return this.ACTION(() => {
      if (!close) this.report(open, open, "this '{' is never closed");
      const file = this.state.file;
      return withPrefix<AnonymousBlock>(
        {
          kind: "anonymous-block",
          file,
          start: prefixStart(prefix, open.startOffset),
          end: close ? close.startOffset + 1 : this.lastEnd(children, open.startOffset + 1),
          open: this.span(open),
          close: close ? this.span(close) : undefined,
          children,
        },
        prefix,
      );
    });
  });

  /** Lines up to the closing brace; the children array is cut from the `nodes` stack at exactly its length. */
  private readonly body = this.RULE("body", (): Node[] => {
    const start = this.nodeTop;
    this.MANY(this.bodyLine);
    return this.ACTION(() => {
      const children = this.nodes.slice(start, this.nodeTop);
      this.nodeTop = start;
      return children;
    });
  });

  private readonly bodyLine = (): void => {
    const node = this.SUBRULE(this.line);
    this.ACTION(() => {
      if (node) this.nodes[this.nodeTop++] = node;
    });
  };

  /** Does the next token sit on the same line as `previous` (no line feed in the gap)? */
  private sameLine(previous: IToken): boolean {
    const next = this.LA(1);
    return next.tokenType !== EOF && !lineBreakAfter(this.state.file.text, previous, next.startOffset);
  }

  /** The keyword line at `tokens[start..]`, which it takes off the stack. */
  private statement(start: number, prefix: LinePrefix | undefined): Statement | ValueLine | Include {
    const file = this.state.file;
    if (this.state.inValueBlock) {
      const words = this.words(start);
      this.tokenTop = start;
      for (const w of words) if (w.unterminated) this.reportUnterminated(w);
      const first = words[0]!;
      const end = words[words.length - 1]!.end;
      // keepalived reads `include` lines before it looks at blocks, so one inside a list of
      // entries includes a file there too (it is no entry named "include").
      if (words.length > 1 && !first.quoted && INCLUDE_DIRECTIVES.has(first.text)) {
        return withPrefix(
          {
            kind: "include",
            file,
            start: prefixStart(prefix, first.start),
            end,
            directive: first,
            pattern: words[1],
            extra: words.slice(2),
          },
          prefix,
        );
      }
      return withPrefix({ kind: "value", file, start: prefixStart(prefix, first.start), end, words }, prefix);
    }
    const first = makeWord(file, this.tokens[start]!, this.state.texts);
    const args = this.words(start + 1);
    this.tokenTop = start;
    const begin = prefixStart(prefix, first.start);
    const end = args.length > 0 ? args[args.length - 1]!.end : first.end;
    if (first.unterminated) this.reportUnterminated(first);
    for (const w of args) if (w.unterminated) this.reportUnterminated(w);
    // The first-letter test spares hashing every keyword of the file for the set lookup.
    if (first.text.charCodeAt(0) === 105 /* i */ && !first.quoted && INCLUDE_DIRECTIVES.has(first.text)) {
      return withPrefix({ kind: "include", file, start: begin, end, directive: first, pattern: args[0], extra: args.slice(1) }, prefix);
    }
    return withPrefix({ kind: "statement", file, start: begin, end, keyword: first, args }, prefix);
  }

  /**
   * Words of `tokens[from..]` in an array of exactly their number: this runs once per line of
   * the file and the arrays live as long as the tree, so a pushed-to array's spare capacity
   * (17 slots after the first push) would be most of a statement's memory.
   */
  private words(from: number): Word[] {
    const tokens = this.tokens;
    const file = this.state.file;
    const texts = this.state.texts;
    switch (this.tokenTop - from) {
      case 0:
        return [];
      case 1:
        return [makeWord(file, tokens[from]!, texts)];
      case 2:
        return [makeWord(file, tokens[from]!, texts), makeWord(file, tokens[from + 1]!, texts)];
      case 3:
        return [makeWord(file, tokens[from]!, texts), makeWord(file, tokens[from + 1]!, texts), makeWord(file, tokens[from + 2]!, texts)];
      default:
        return tokens.slice(from, this.tokenTop).map((t) => makeWord(file, t, texts));
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
      const lines = definitionParts(image, 0);
      const multiline = lines[0]!.continues;
      const value = multiline ? joinDefinition(image, valueStart, lines) : image.slice(valueStart);
      return withPrefix<Definition>(
        {
          kind: "definition",
          file,
          start: prefixStart(prefix, start),
          end: start + image.length,
          name: image.slice(1, eq),
          nameSpan: { file, start: start + 1, end: start + eq },
          value,
          valueSpan: { file, start: start + valueStart, end: start + image.length },
          multiline,
        },
        prefix,
      );
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
    this.reportSpan({ file: this.state.file, start: from.startOffset, end: to.startOffset + to.image.length }, message);
  }

  private reportSpan(span: Span, message: string): void {
    this.state.diagnostics.push(diagnostic(span, "syntax-error", message));
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

/** The value of a multi-line definition: its lines' text joined by line feeds, lines without text left out. */
function joinDefinition(image: string, valueStart: number, lines: readonly DefinitionPart[]): string {
  const parts = [image.slice(valueStart, lines[0]!.valueEnd)];
  for (const line of lines.slice(1)) if (line.valueEnd > line.start) parts.push(image.slice(line.start, line.valueEnd));
  return parts.join("\n");
}

let shared: KeepalivedParser | undefined;

export interface ParseOutput {
  readonly children: Node[];
  readonly diagnostics: Diagnostic[];
}

/**
 * `parents`: the keywords of the blocks the text sits in (a template partial is read in the
 * block of the place that includes it), outermost first.
 */
export function parseTokens(
  file: SourceText,
  tokens: IToken[],
  texts = new WordTexts(),
  effective = false,
  parents: readonly string[] = [],
): ParseOutput {
  const parser = (shared ??= new KeepalivedParser());
  const diagnostics: Diagnostic[] = [];
  const inValueBlock = parents.length > 0 && isValueBlock(parents[parents.length - 2] ?? "", parents[parents.length - 1]!);
  parser.state = { file, diagnostics, parents: [...parents], inValueBlock, texts };
  parser.clearStacks();
  parser.input = limitNesting(file, conditionWords(file.text, tokens, effective), diagnostics);
  const children = parser.file();
  const errors = parser.errors;
  // Let the tokens go: the shared parser would otherwise keep the last file's tokens alive.
  parser.input = [];
  parser.clearStacks();
  for (const error of errors) {
    // The grammar accepts every token sequence; an error here is a bug, but never a crash.
    const token = error.token;
    const start = Number.isFinite(token.startOffset) ? token.startOffset : file.text.length;
    diagnostics.push(diagnostic({ file, start, end: start + (token.image?.length ?? 0) }, "syntax-error", error.message));
  }
  return { children, diagnostics };
}
