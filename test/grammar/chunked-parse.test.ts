import { describe, expect, test } from "vitest";
import { SourceText, type Node } from "../../grammar/index.js";
import { parseChunked, syntaxDiagnostics } from "../../grammar/chunked-parse.js";
import { lex } from "../../grammar/lexer.js";
import { parseTokens } from "../../grammar/parser.js";

/** Spans and kinds of a tree, so two trees over the same text compare as plain data. */
function outline(nodes: readonly Node[]): unknown[] {
  return nodes.map((n) => [n.kind, n.start, n.end, n.kind === "block" || n.kind === "anonymous-block" ? outline(n.children) : []]);
}

function bothWays(text: string) {
  const source = new SourceText("/big.conf", text);
  const chunked = parseChunked(source);
  const whole = lex(text);
  const reference = parseTokens(source, whole.tokens);
  return {
    chunked: {
      tree: outline(chunked.children),
      comments: chunked.comments.map((c) => c.startOffset),
      diagnostics: chunked.diagnostics.map((d) => [d.start, d.end, d.message]),
    },
    whole: {
      tree: outline(reference.children),
      comments: whole.comments.map((c) => c.startOffset),
      diagnostics: reference.diagnostics.map((d) => [d.start, d.end, d.message]),
    },
  };
}

describe("parsing in chunks gives the tree of parsing in one piece", () => {
  test("a 300 kB file of blocks, comments and stray braces", () => {
    const unit = (i: number) =>
      `virtual_server 10.0.${i >> 8}.${i & 255} 80\n{\n  # server ${i}\n  real_server 10.1.0.1 80 { weight 1 }\n}${i % 97 === 0 ? " }" : ""}\n`;
    const text = Array.from({ length: 4000 }, (_, i) => unit(i)).join("") + "tail {\n";
    expect(text.length).toBeGreaterThan(4 * 64 * 1024);
    const { chunked, whole } = bothWays(text);
    expect(chunked.tree.length).toBe(4001);
    expect(chunked.diagnostics.length).toBe(whole.diagnostics.length);
    expect(chunked).toEqual(whole);
  });

  test("one block spanning every chunk, and multi-line definitions near chunk ends", () => {
    const lines = Array.from({ length: 30000 }, (_, i) => (i % 1000 === 999 ? `$D${i}=a \\\n  b \\\n  c\n` : `  item_${i} ${i}\n`));
    const text = `vrrp_instance V {\n${lines.join("")}}\n`;
    const { chunked, whole } = bothWays(text);
    expect(chunked.tree).toHaveLength(1);
    expect(chunked).toEqual(whole);
  });
});

describe("syntaxDiagnostics (the formatter's check) reports what one whole parse reports", () => {
  const cases: Record<string, string> = {
    "stray braces and an unclosed block at the end":
      Array.from(
        { length: 6000 },
        (_, i) => `virtual_server 10.0.${i >> 8}.${i & 255} 80\n{\n  real_server 10.1.0.1 80 { weight 1 }\n}${i % 89 === 0 ? " }" : ""}\n`,
      ).join("") + "tail {\n",
    "one block over every chunk with an unterminated quote inside": `vrrp_instance V {\n${Array.from({ length: 20000 }, (_, i) => (i === 15000 ? '  notify "oops\n' : `  item_${i} ${i}\n`)).join("")}}\n`,
    "a brace on the line after its keyword at a chunk edge": Array.from(
      { length: 9000 },
      (_, i) => `vrrp_script s${i}\n{\n  script /bin/true\n}\n`,
    ).join(""),
  };
  test.each(Object.entries(cases))("%s", (_, text) => {
    const source = new SourceText("/big.conf", text);
    const { tokens } = lex(text);
    const expected = parseTokens(source, tokens).diagnostics.map((d) => [d.start, d.end, d.message]);
    expect(syntaxDiagnostics(source, tokens).map((d) => [d.start, d.end, d.message])).toEqual(expected);
    // The last case is clean: a cut between a keyword line and its `{` would make errors appear.
    expect(expected.length > 0).toBe(!text.startsWith("vrrp_script"));
  });
});
