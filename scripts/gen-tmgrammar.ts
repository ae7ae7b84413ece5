/**
 * Builds the TextMate grammar of keepalived.conf (syntaxes/keepalived.tmLanguage.json).
 *
 * The keyword lists come from the schema, so the editor colours exactly the words the linter
 * knows; everything else (comments, `$NAME`, `@id`, `~SEQ`, addresses) follows the lexical
 * rules of keepalived's reader. A TextMate grammar cannot follow block nesting across lines,
 * so a word counts as a keyword only where a statement starts: at the beginning of a line
 * (after an `@id` prefix and any `~SEQ(...)`/`~LST(...)`), or right after a brace.
 *
 * `scripts/gen-tmgrammar.mjs` writes the file; test/syntaxes/grammar.test.ts checks the
 * committed file equals `renderGrammar()`.
 */
import { allKeywords, allRemovedKeywords } from "../server/src/schema/lookup.js";
import type { KeywordSpec, RemovedKeyword } from "../server/src/schema/types.js";

/** A TextMate rule, as much of the format as this grammar uses. */
export interface TmRule {
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly contentName?: string;
  readonly captures?: Readonly<Record<string, TmCapture>>;
  readonly beginCaptures?: Readonly<Record<string, TmCapture>>;
  readonly endCaptures?: Readonly<Record<string, TmCapture>>;
  readonly patterns?: readonly TmRule[];
  readonly include?: string;
}

export interface TmCapture {
  readonly name?: string;
  readonly patterns?: readonly TmRule[];
}

export interface TmGrammar {
  readonly $schema: string;
  readonly name: string;
  readonly scopeName: string;
  readonly comment: string;
  readonly fileTypes: readonly string[];
  readonly patterns: readonly TmRule[];
  readonly repository: Readonly<Record<string, TmRule>>;
}

/** The word lists the grammar needs, taken from the schema. */
export interface GrammarWords {
  /** Blocks whose first argument names them (`vrrp_instance VI_1 {`). */
  readonly namedBlocks: readonly string[];
  /** Every other keyword that opens a block. */
  readonly blocks: readonly string[];
  /** Keywords that never open a block. */
  readonly keywords: readonly string[];
  /** Names keepalived no longer accepts anywhere. */
  readonly removed: readonly string[];
  /** Enumerated argument values (`MASTER`, `DR`, `wrr`, `PASS`, ...). */
  readonly enums: readonly string[];
}

const sorted = (words: Iterable<string>) => [...new Set(words)].sort();

export function grammarWords(keywords: readonly KeywordSpec[], removed: readonly RemovedKeyword[]): GrammarWords {
  const opensBlock = new Set<string>();
  const plain = new Set<string>();
  const named = new Map<string, boolean>();
  const enums = new Set<string>();
  for (const k of keywords) {
    if (k.block) {
      opensBlock.add(k.name);
      const firstIsName = k.args?.[0]?.kind.type === "name" || k.args?.[0]?.kind.type === "string";
      named.set(k.name, (named.get(k.name) ?? true) && firstIsName);
    } else plain.add(k.name);
    for (const a of k.args ?? []) if (a.kind.type === "enum") for (const v of a.kind.values) enums.add(v);
  }
  // A name used both ways (track_file opens a block in vrrp_instance, takes a name in
  // FILE_CHECK) is coloured as a block; only names that always declare something get the
  // entity colour for their first argument.
  const namedBlocks = [...opensBlock].filter((n) => named.get(n) && !plain.has(n));
  const known = new Set([...opensBlock, ...plain]);
  return {
    namedBlocks: sorted(namedBlocks),
    blocks: sorted([...opensBlock].filter((n) => !namedBlocks.includes(n))),
    keywords: sorted([...plain].filter((n) => !opensBlock.has(n))),
    removed: sorted(removed.map((r) => r.name).filter((n) => !known.has(n))),
    // Only word-like values: numeric enums ("1.0" for an HTTP version) are numbers already.
    enums: sorted([...enums].filter((v) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(v))),
  };
}

const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
const alternation = (words: readonly string[]) => words.map(escapeRegex).join("|");

// Where a statement starts. Captures: 1 `@`/`@^`, 2 the config id, 3 leading ~SEQ/~LST calls.
const STATEMENT_START = "(?:^\\s*(?:(@\\^?)([^\\s#!{}]*)\\s+)?((?:~(?:SEQx?|LST)\\s*\\([^)]*\\)\\s*)*)|(?<=[{}])\\s*)";
// keepalived splits words on blanks and braces, and `#`/`!` end a line anywhere.
const WORD_END = "(?=[\\s{}#!]|$)";
// Keeps numbers and addresses from matching inside a longer word such as eth0 or VI_1.
const NOT_AFTER_WORD = "(?<![\\w.:$/-])";
const NOT_BEFORE_WORD = "(?![\\w.:])";

/**
 * The shapes of values, as regular expression sources without anchors: the grammar keeps them
 * from matching inside longer words, the playground's highlighter (web/src/highlight.ts, through
 * web/facts.ts) matches them against whole words.
 */
export const VALUE_PATTERNS = {
  ipv6: "(?=[0-9A-Fa-f]*:[0-9A-Fa-f]*:)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\\d{1,3}(?:\\.\\d{1,3}){3})?(?:%[\\w.-]+)?(?:/\\d{1,3})?",
  // With an optional /prefix, or a last-octet range (`10.0.0.1-10` in a virtual_server_group).
  ipv4: "\\d{1,3}(?:\\.\\d{1,3}){3}(?:-\\d{1,3})?(?:/\\d{1,2})?",
  number: "0[xX][0-9A-Fa-f]+|-?\\d+(?:\\.\\d+)?",
  // keepalived's boolean words, lower case only.
  boolean: "true|false|on|off|yes|no",
} as const;

const conditionalCaptures = {
  "1": { name: "keyword.control.conditional.keepalived" },
  "2": { name: "constant.other.config-id.keepalived" },
} as const;

function statementRule(words: readonly string[], keywordScope: string, withName = false): TmRule {
  const name = withName ? '(?:\\s+([^\\s{}#!"]+))?' : "";
  return {
    match: `${STATEMENT_START}(${alternation(words)})${WORD_END}${name}`,
    captures: {
      ...conditionalCaptures,
      "3": { patterns: [{ include: "#sequence" }] },
      "4": { name: keywordScope },
      ...(withName ? { "5": { name: "entity.name.section.keepalived", patterns: [{ include: "#variable" }] } } : {}),
    },
  };
}

export function buildGrammar(words: GrammarWords): TmGrammar {
  const repository: Record<string, TmRule> = {
    comment: {
      patterns: [
        {
          begin: "#",
          beginCaptures: { "0": { name: "punctuation.definition.comment.keepalived" } },
          end: "$",
          name: "comment.line.number-sign.keepalived",
          patterns: [{ include: "#directive" }],
        },
        {
          begin: "!",
          beginCaptures: { "0": { name: "punctuation.definition.comment.keepalived" } },
          end: "$",
          name: "comment.line.exclamation.keepalived",
          patterns: [{ include: "#directive" }],
        },
      ],
    },
    // kalint's own suppression comments (`# kalint disable=code -- reason`).
    directive: {
      match: "\\b(kalint)\\s+(disable(?:-line|-file)?)\\s*(=)\\s*([A-Za-z0-9_,-]+)",
      captures: {
        "1": { name: "keyword.other.directive.kalint.keepalived" },
        "2": { name: "keyword.other.directive.kalint.keepalived" },
        "3": { name: "keyword.operator.assignment.keepalived" },
        "4": { name: "constant.other.rule-code.keepalived" },
      },
    },
    // `\#` and `\!` outside quotes are a literal # and !, not a comment.
    escape: { match: "\\\\[#!]", name: "constant.character.escape.keepalived" },
    definition: {
      begin: "^\\s*(?:(@\\^?)([^\\s#!{}]*)\\s+)?(\\$)([A-Za-z_][A-Za-z0-9_]*)(=)",
      beginCaptures: {
        ...conditionalCaptures,
        "3": { name: "punctuation.definition.variable.keepalived" },
        "4": { name: "variable.other.definition.keepalived" },
        "5": { name: "keyword.operator.assignment.keepalived" },
      },
      // A value ending in a backslash goes on to the next line. vscode-textmate scans each line
      // with a "\n" appended, so `$` also matches after that newline: the lookbehind skips it.
      end: "(?<![\\\\\\n])$",
      name: "meta.definition.variable.keepalived",
      patterns: [
        { match: "\\\\$", name: "punctuation.separator.continuation.keepalived" },
        { include: "#escape" },
        { include: "#comment" },
        { include: "#statement" },
        { include: "#value" },
      ],
    },
    include: {
      begin: "^\\s*(include[rmwba]?)(?=\\s|$)",
      beginCaptures: { "1": { name: "keyword.control.import.keepalived" } },
      end: "$",
      name: "meta.include.keepalived",
      patterns: [
        { include: "#escape" },
        { include: "#comment" },
        { include: "#string" },
        { match: '[^\\s#!"]+', name: "string.unquoted.path.keepalived" },
      ],
    },
    statement: {
      patterns: [
        statementRule(words.namedBlocks, "storage.type.block.keepalived", true),
        statementRule(words.blocks, "storage.type.block.keepalived"),
        statementRule(words.keywords, "keyword.other.keepalived"),
        statementRule(words.removed, "invalid.deprecated.removed.keepalived"),
        // A conditional in front of something that is not a keyword (a value line).
        { match: "^\\s*(@\\^?)([^\\s#!{}]*)", captures: conditionalCaptures },
      ],
    },
    sequence: {
      begin: "(~(?:SEQx?|LST))\\s*(\\()",
      beginCaptures: {
        "1": { name: "keyword.control.loop.keepalived" },
        "2": { name: "punctuation.section.parens.begin.keepalived" },
      },
      end: "\\)",
      endCaptures: { "0": { name: "punctuation.section.parens.end.keepalived" } },
      name: "meta.sequence.keepalived",
      patterns: [
        { match: "\\G\\s*([A-Za-z_][A-Za-z0-9_]*)", captures: { "1": { name: "variable.other.definition.keepalived" } } },
        { match: "[{}]", name: "punctuation.section.braces.keepalived" },
        { match: ",", name: "punctuation.separator.comma.keepalived" },
        { include: "#variable" },
        { include: "#address" },
        { include: "#number" },
      ],
    },
    variable: {
      patterns: [
        {
          // keepalived's built-in definitions; _RANDOM and _ENV take parameters.
          match: "(\\$\\{)(_PWD|_INSTANCE|_RANDOM|_ENV|_HASH|_BANG)(?:\\s+([^}]*))?(\\})",
          name: "variable.language.keepalived",
          captures: {
            "1": { name: "punctuation.definition.variable.begin.keepalived" },
            "3": { name: "variable.parameter.keepalived" },
            "4": { name: "punctuation.definition.variable.end.keepalived" },
          },
        },
        {
          match: "(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)(\\})",
          name: "variable.other.keepalived",
          captures: {
            "1": { name: "punctuation.definition.variable.begin.keepalived" },
            "3": { name: "punctuation.definition.variable.end.keepalived" },
          },
        },
        {
          // A bare $NAME is replaced only when a blank, `,`, `)` or the end of line follows it.
          match: "(\\$)([A-Za-z_][A-Za-z0-9_]*)(?=[\\s,)#!]|$)",
          name: "variable.other.keepalived",
          captures: { "1": { name: "punctuation.definition.variable.keepalived" } },
        },
      ],
    },
    string: {
      // An unterminated quote runs to the end of the line, as keepalived reads it.
      begin: '"',
      beginCaptures: { "0": { name: "punctuation.definition.string.begin.keepalived" } },
      end: '"|$',
      endCaptures: { "0": { name: "punctuation.definition.string.end.keepalived" } },
      name: "string.quoted.double.keepalived",
      patterns: [{ include: "#variable" }],
    },
    address: {
      patterns: [
        { match: `${NOT_AFTER_WORD}${VALUE_PATTERNS.ipv6}${NOT_BEFORE_WORD}`, name: "constant.numeric.address.ipv6.keepalived" },
        { match: `${NOT_AFTER_WORD}${VALUE_PATTERNS.ipv4}${NOT_BEFORE_WORD}`, name: "constant.numeric.address.ipv4.keepalived" },
      ],
    },
    number: {
      match: `${NOT_AFTER_WORD}(?:${VALUE_PATTERNS.number})${NOT_BEFORE_WORD}`,
      name: "constant.numeric.keepalived",
    },
    constant: {
      patterns: [
        { match: `${NOT_AFTER_WORD}(?:${VALUE_PATTERNS.boolean})(?![\\w.:/-])`, name: "constant.language.boolean.keepalived" },
        { match: `${NOT_AFTER_WORD}(?:${alternation(words.enums)})(?![\\w.:/-])`, name: "constant.language.keepalived" },
      ],
    },
    brace: {
      patterns: [
        { match: "\\{", name: "punctuation.section.block.begin.keepalived" },
        { match: "\\}", name: "punctuation.section.block.end.keepalived" },
      ],
    },
    value: {
      patterns: [
        { include: "#string" },
        { include: "#variable" },
        { include: "#sequence" },
        { include: "#address" },
        { include: "#number" },
        { include: "#constant" },
        { include: "#brace" },
      ],
    },
  };
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "keepalived",
    scopeName: "source.keepalived",
    comment: "Generated by scripts/gen-tmgrammar.mjs from the kalint keyword schema; do not edit.",
    fileTypes: ["keepalived.conf"],
    patterns: [
      { include: "#escape" },
      { include: "#comment" },
      { include: "#definition" },
      { include: "#include" },
      { include: "#statement" },
      { include: "#value" },
    ],
    repository,
  };
}

/** The grammar file's text, as committed. */
export function renderGrammar(): string {
  return `${JSON.stringify(buildGrammar(grammarWords(allKeywords(), allRemovedKeywords())), null, 2)}\n`;
}

/** The template engines with a grammar of their own: keepalived text with the engine's tags. */
export const TEMPLATE_GRAMMARS = [
  { engine: "jinja", name: "keepalived (Jinja2)", language: "keepalived-jinja", file: "syntaxes/keepalived-jinja.tmLanguage.json" },
  { engine: "go", name: "keepalived (Go template)", language: "keepalived-go", file: "syntaxes/keepalived-go.tmLanguage.json" },
  { engine: "erb", name: "keepalived (ERB/EPP)", language: "keepalived-erb", file: "syntaxes/keepalived-erb.tmLanguage.json" },
] as const;

type TemplateGrammarEngine = (typeof TEMPLATE_GRAMMARS)[number]["engine"];

/** A tag from `open` to `close`: delimiters as punctuation, the code inside as the engine's. */
function tagRule(open: string, close: string, name: string, inner: readonly TmRule[], engine: string): TmRule {
  return {
    begin: open,
    beginCaptures: { "0": { name: `punctuation.section.embedded.begin.${engine}` } },
    end: close,
    endCaptures: { "0": { name: `punctuation.section.embedded.end.${engine}` } },
    name,
    // A comment's text is the comment's; code inside a tag is the engine's.
    ...(inner.length ? { contentName: `meta.embedded.${engine}` } : {}),
    patterns: inner,
  };
}

/** Strings, numbers and the control keywords inside a tag. */
function codeRules(engine: string, keywords: readonly string[]): TmRule[] {
  return [
    {
      begin: '"',
      end: '"|$',
      name: `string.quoted.double.${engine}`,
      patterns: [{ match: "\\\\.", name: `constant.character.escape.${engine}` }],
    },
    {
      begin: "'",
      end: "'|$",
      name: `string.quoted.single.${engine}`,
      patterns: [{ match: "\\\\.", name: `constant.character.escape.${engine}` }],
    },
    { match: `\\b(?:${keywords.join("|")})\\b`, name: `keyword.control.${engine}` },
    { match: "\\b\\d+(?:\\.\\d+)?\\b", name: `constant.numeric.${engine}` },
    { match: "\\|", name: `keyword.operator.filter.${engine}` },
  ];
}

const CONTROL_WORDS: Readonly<Record<TemplateGrammarEngine, readonly string[]>> = {
  jinja: [
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "in",
    "not",
    "and",
    "or",
    "is",
    "include",
    "import",
    "from",
    "as",
    "macro",
    "endmacro",
    "call",
    "endcall",
    "set",
    "endset",
    "block",
    "endblock",
    "with",
    "endwith",
    "filter",
    "endfilter",
    "raw",
    "endraw",
    "extends",
    "defined",
  ],
  go: [
    "if",
    "else",
    "range",
    "with",
    "define",
    "block",
    "template",
    "end",
    "break",
    "continue",
    "and",
    "or",
    "not",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
  ],
  erb: ["if", "unless", "elsif", "else", "end", "do", "each", "case", "when", "while", "until", "in", "and", "or", "not"],
};

/** Tag rules of each engine, tried before any keepalived rule at every position. */
function templateTags(engine: TemplateGrammarEngine): TmRule[] {
  const code = codeRules(engine, CONTROL_WORDS[engine]);
  switch (engine) {
    case "jinja":
      return [
        { match: "\\A#jinja2:.*$", name: "comment.line.options.jinja" },
        {
          begin: "\\{%[-+]?\\s*raw\\s*[-+]?%\\}",
          end: "\\{%[-+]?\\s*endraw\\s*[-+]?%\\}",
          name: "meta.embedded.raw.jinja",
          beginCaptures: { "0": { name: "keyword.control.jinja" } },
          endCaptures: { "0": { name: "keyword.control.jinja" } },
        },
        tagRule("\\{#", "#\\}", "comment.block.jinja", [], engine),
        tagRule("\\{%[-+]?", "[-+]?%\\}", "meta.tag.template.statement.jinja", code, engine),
        tagRule("\\{\\{[-+]?", "[-+]?\\}\\}", "meta.tag.template.expression.jinja", code, engine),
      ];
    case "go":
      return [
        tagRule("\\{\\{-?\\s*/\\*", "\\*/\\s*-?\\}\\}", "comment.block.go-template", [], engine),
        tagRule(
          "\\{\\{-?",
          "-?\\}\\}",
          "meta.tag.template.go-template",
          [
            { begin: "`", end: "`", name: "string.quoted.raw.go" },
            ...code,
            { match: "\\.[A-Za-z_][A-Za-z0-9_]*|\\$[A-Za-z0-9_]*", name: "variable.other.go" },
          ],
          engine,
        ),
      ];
    case "erb":
      return [
        tagRule("<%#", "-?%>", "comment.block.erb", [], engine),
        tagRule(
          "<%[-=]*",
          "-?%>",
          "meta.tag.template.erb",
          [...code, { match: "[@$][A-Za-z_][A-Za-z0-9_:]*", name: "variable.other.erb" }],
          engine,
        ),
      ];
  }
}

/**
 * keepalived with a template engine's tags: the tags are matched first at every position, the
 * rest is the keepalived grammar (included by scope, so it is not copied). Inside a keepalived
 * comment or quoted string the tags stay part of it, as the keepalived grammar reads them.
 */
export function buildTemplateGrammar(engine: TemplateGrammarEngine): TmGrammar {
  const meta = TEMPLATE_GRAMMARS.find((g) => g.engine === engine)!;
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: meta.name,
    scopeName: `source.keepalived.${engine}`,
    comment: "Generated by scripts/gen-tmgrammar.mjs; do not edit.",
    fileTypes: [],
    patterns: [{ include: "#tags" }, { include: "source.keepalived" }],
    repository: { tags: { patterns: templateTags(engine) } },
  };
}

/** Each template grammar's file and text, as committed. */
export function renderTemplateGrammars(): { file: string; text: string }[] {
  return TEMPLATE_GRAMMARS.map((g) => ({ file: g.file, text: `${JSON.stringify(buildTemplateGrammar(g.engine), null, 2)}\n` }));
}
