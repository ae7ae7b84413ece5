/**
 * Invariants of the formatter, on keepalived's sample configurations and on generated ones:
 * formatting twice changes nothing the second time, the words, braces and directives are the
 * same tokens in the same order, every comment survives in order, and the parser reads the
 * same tree from the result.
 */
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { lex, parse, SourceText, type Diagnostic, type Node, type Word } from "../../grammar/index.js";
import { DefinitionLine } from "../../grammar/directive-tokens.js";
import { formatDocument } from "../../server/src/format/index.js";

const CORPUS = "/work/shared/reference/corpus";
const corpusFiles = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f !== "SOURCES.tsv")
      .sort()
  : [];
if (corpusFiles.length === 0) console.warn(`notice: ${CORPUS} is missing; the formatter's corpus properties are skipped`);

const trimEnd = (s: string) => s.replace(/[ \t\f\v\r]+$/, "");

/**
 * Non-blank tokens as `Type image`, compared without blanks at their ends: the lexer keeps a
 * blank escaped by a backslash (`a\ `) in its word, and a definition's continuation lines
 * keep theirs, but keepalived drops blanks at the end of every line, and so does the formatter.
 */
function tokens(text: string): string[] {
  return lex(text).tokens.map(
    (t) => `${t.tokenType.name} ${t.tokenType === DefinitionLine ? t.image.split(/\r?\n/).map(trimEnd).join("\n") : trimEnd(t.image)}`,
  );
}

function comments(text: string): string[] {
  return lex(text).comments.map((t) => trimEnd(t.image));
}

/** The tree the parser reads, without positions (word ends trimmed, as for tokens). */
function shape(nodes: readonly Node[]): unknown[] {
  const raw = (w: Word) => trimEnd(w.raw);
  return nodes.map((n) => {
    const prefix = [
      n.condition ? `${n.condition.negated ? "^" : ""}${n.condition.id}` : "",
      (n.sequences ?? []).map((s) => `${s.form}(${s.params})`),
    ];
    switch (n.kind) {
      case "block":
        return ["block", prefix, raw(n.keyword), n.args.map((w) => raw(w)), n.valueBlock, shape(n.children)];
      case "anonymous-block":
        return ["anonymous", prefix, shape(n.children)];
      case "statement":
        return ["statement", prefix, raw(n.keyword), n.args.map((w) => raw(w))];
      case "value":
        return ["value", prefix, n.words.map((w) => raw(w))];
      case "definition":
        return ["definition", prefix, n.name, n.value];
      case "include":
        return ["include", prefix, raw(n.directive), n.pattern && raw(n.pattern), n.extra.map((w) => raw(w))];
    }
  });
}

/** Checks every invariant on one input; returns the formatted text, or undefined when the input was refused. */
function checkFormatting(input: string): string | undefined {
  const first = formatDocument(input);
  // The formatter parses its own tokens rather than calling parse: it must refuse with exactly
  // the errors parse reports, whenever parse reports any.
  const parseErrors = parse(new SourceText("", input)).diagnostics.filter((d) => d.severity === "error");
  if (parseErrors.length > 0) {
    const where = (ds: readonly Diagnostic[]) => ds.map((d) => ({ start: d.start, end: d.end, code: d.code, message: d.message }));
    expect(first.ok).toBe(false);
    expect(where(first.ok ? [] : first.diagnostics)).toEqual(where(parseErrors));
  }
  if (!first.ok) {
    expect(first.diagnostics.length).toBeGreaterThan(0);
    expect(first.diagnostics.every((d) => d.severity === "error")).toBe(true);
    return undefined;
  }
  const out = first.text;
  expect(formatDocument(out)).toEqual({ ok: true, text: out });
  expect(tokens(out)).toEqual(tokens(input));
  expect(comments(out)).toEqual(comments(input));
  expect(shape(parse(new SourceText("out", out)).children)).toEqual(shape(parse(new SourceText("in", input)).children));
  if (out !== "") expect(out.endsWith("\n")).toBe(true);
  const eol = out.includes("\r\n") ? "\r\n" : "\n";
  const lines = out.split(eol).slice(0, -1);
  for (const [i, line] of lines.entries()) {
    expect(line, `line ${i + 1} ends in blanks`).not.toMatch(/[ \t]$/);
    if (i > 0) expect(line === "" && lines[i - 1] === "", `two blank lines at ${i + 1}`).toBe(false);
  }
  return out;
}

describe.runIf(corpusFiles.length > 0)("keepalived's sample configurations", () => {
  test.each(corpusFiles)("%s formats once and for all, tokens and comments kept", (name) => {
    const text = readFileSync(join(CORPUS, name), "utf8");
    const out = checkFormatting(text);
    expect(out, `${name} was refused`).toBeDefined();
    // The same file with CRLF line breaks formats to the same lines, still CRLF.
    expect(formatDocument(text.replace(/\r?\n/g, "\r\n"))).toEqual({ ok: true, text: out!.replace(/\n/g, "\r\n") });
  });
});

// ---- generated configurations: a tree of statements and blocks, written out with random layout ----

const word = fc.stringMatching(/^[a-z_][a-z0-9_./:-]{0,7}$/);
const quoted = fc.stringMatching(/^[a-z #!{}$@~]{0,8}$/).map((s) => `"${s}"`);
const arg = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: quoted });
const indent = fc.constantFrom("", " ", "\t", "    ", "  \t", "        ");
const gap = fc.constantFrom(" ", "\t", "   ", " \t ");
const commentText = fc.tuple(fc.constantFrom("#", "!", "# ", "## "), fc.stringMatching(/^[a-z {}"@$=#]{0,10}$/)).map(([a, b]) => a + b);
const trailing = fc.option(commentText, { nil: undefined });
const blank = fc.constantFrom("", "  ", "\t");

interface Statement {
  kind: "statement";
  words: string[];
  indent: string;
  gap: string;
  comment: string | undefined;
}
interface Block {
  kind: "block";
  words: string[];
  indent: string;
  gap: string;
  open: string;
  close: string;
  children: Item[];
  inline: boolean;
}
type Item =
  | Statement
  | Block
  | { kind: "comment"; indent: string; text: string }
  | { kind: "blank"; count: number; text: string }
  | { kind: "condition"; indent: string; id: string; gap: string; statement: Statement }
  | { kind: "definition"; indent: string; name: string; lines: string[] }
  | { kind: "sequence"; indent: string; words: string[] }
  | { kind: "include"; indent: string; path: string };

const statement: fc.Arbitrary<Statement> = fc.record({
  kind: fc.constant("statement" as const),
  words: fc.tuple(word, fc.array(arg, { maxLength: 3 })).map(([k, a]) => [k, ...a]),
  indent,
  gap,
  comment: trailing,
});

const leaf: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: statement },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("comment" as const), indent, text: commentText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("blank" as const), count: fc.integer({ min: 1, max: 3 }), text: blank }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("condition" as const), indent, id: fc.stringMatching(/^\^?[a-z]{1,5}$/), gap, statement }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("definition" as const),
      indent,
      name: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,5}$/),
      lines: fc.array(
        fc.stringMatching(/^[a-z0-9 .]{1,10}$/).map((s) => s.trim() || "v"),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("sequence" as const), indent, words: fc.array(word, { minLength: 1, maxLength: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("include" as const), indent, path: word }) },
);

const { item } = fc.letrec<{ item: Item; block: Block }>((tie) => ({
  item: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("block")),
  block: fc.record({
    kind: fc.constant("block" as const),
    words: fc.tuple(word, fc.array(word, { maxLength: 2 })).map(([k, a]) => [k, ...a]),
    indent,
    gap,
    // Where the `{` goes: after a blank, glued, on the next line, after a blank line or a comment line.
    open: fc.constantFrom(" {", "{", "\n{", "\n\n  {", "\n# why\n{", " { # opens"),
    close: fc.constantFrom("}", "} ", "} # closes", "}}".slice(0, 1)),
    children: fc.array(tie("item"), { maxLength: 5 }),
    inline: fc.boolean(),
  }),
})) as unknown as { item: fc.Arbitrary<Item> };

function renderStatement(s: Statement): string {
  return s.words.join(s.gap) + (s.comment === undefined ? "" : s.gap + s.comment);
}

/** Writes items out; a block with one plain statement may be written on one line (`a { b }`). */
function render(items: readonly Item[]): string {
  let out = "";
  for (const it of items) {
    switch (it.kind) {
      case "statement":
        out += it.indent + renderStatement(it) + "\n";
        break;
      case "comment":
        out += it.indent + it.text + "\n";
        break;
      case "blank":
        out += (it.text + "\n").repeat(it.count);
        break;
      case "condition":
        out += `${it.indent}@${it.id}${it.gap}${renderStatement(it.statement)}\n`;
        break;
      case "definition":
        out += `${it.indent}$${it.name}=${it.lines.join(" \\\n  ")}\n`;
        break;
      case "sequence":
        out += `${it.indent}~SEQ(i, 1, 2) ${it.words.join(" ")} x$i\n`;
        break;
      case "include":
        out += `${it.indent}include ${it.path}\n`;
        break;
      case "block": {
        const only = it.children[0];
        const head = it.indent + it.words.join(it.gap);
        if (it.inline && it.children.length === 1 && only!.kind === "statement" && only.comment === undefined && !it.open.includes("#")) {
          out += `${head} { ${renderStatement(only)} ${it.close}\n`;
        } else {
          out += head + it.open + "\n" + render(it.children) + it.indent + it.close + "\n";
        }
        break;
      }
    }
  }
  return out;
}

const config = fc.tuple(fc.array(item, { maxLength: 8 }), fc.boolean()).map(([items, crlf]) => {
  const text = render(items);
  return crlf ? text.replace(/\n/g, "\r\n") : text;
});

describe("generated configurations", () => {
  test("format once and for all, with every token, comment and block kept", () => {
    fc.assert(
      fc.property(config, (text) => {
        expect(checkFormatting(text), `refused:\n${text}`).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  test("any text at all: either refused, or formatted with every invariant holding", () => {
    const alphabet = fc.constantFrom(
      "a",
      "b1",
      " ",
      "\t",
      "\n",
      "\r\n",
      "{",
      "}",
      '"',
      "#",
      "!",
      "@x ",
      "$V",
      "$V=",
      "~SEQ(i,1,2) ",
      "\\",
      "include ",
      "\n\n",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")),
        (text) => {
          checkFormatting(text);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
