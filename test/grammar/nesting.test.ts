import { describe, expect, test } from "vitest";
import { MAX_NESTING } from "../../grammar/nesting.js";
import { located, parseText, shapes, walk } from "./helpers.js";

const nested = (depth: number) => `${"a {\n".repeat(depth)}leaf 1\n${"}\n".repeat(depth)}`;

function deepest(text: string): number {
  let max = 0;
  const visit = (nodes: Parameters<typeof walk>[0], depth: number): void => {
    for (const n of nodes) {
      if (n.kind === "block" || n.kind === "anonymous-block") {
        max = Math.max(max, depth + 1);
        visit(n.children, depth + 1);
      }
    }
  };
  visit(parseText(text).children, 0);
  return max;
}

describe("nesting limit", () => {
  test(`blocks up to ${MAX_NESTING} deep are read whole`, () => {
    const file = parseText(nested(MAX_NESTING));
    expect(file.diagnostics).toEqual([]);
    expect(deepest(nested(MAX_NESTING))).toBe(MAX_NESTING);
  });

  test("200,000 nested blocks give one diagnostic at the first one too deep, not a stack overflow", () => {
    const text = `${nested(200_000)}after 1\n`;
    const file = parseText(text);
    expect(file.diagnostics.map(located)).toEqual([expect.objectContaining({ code: "syntax-error", line: MAX_NESTING + 2 })]);
    // The over-deep block keeps its braces, so everything after it closes where it did.
    expect(deepest(text)).toBe(MAX_NESTING + 1);
    expect(shapes(file).at(-1)).toEqual(["after", "1"]);
  });

  test("each over-deep region is reported; anonymous blocks count too", () => {
    const text = `${"{\n".repeat(70)}${"}\n".repeat(70)}x 1\n${nested(70)}`;
    expect(parseText(text).diagnostics.map((d) => located(d).line)).toEqual([MAX_NESTING + 2, 140 + MAX_NESTING + 3]);
  });

  test("an over-deep block that never closes runs to the end and is reported as unclosed too", () => {
    const file = parseText("a {\n".repeat(100));
    const codes = file.diagnostics.map((d) => d.code);
    expect(codes.every((c) => c === "syntax-error")).toBe(true);
    expect(file.diagnostics.some((d) => /nest more than/.test(d.message))).toBe(true);
  });
});

describe("line prefixes", () => {
  test("after one @id, further @words are the keyword and its arguments, as keepalived reads them", () => {
    const file = parseText("@a @b x 1\n~SEQ(i,1,2) @b k\n");
    expect(file.children[0]).toMatchObject({
      kind: "statement",
      keyword: { text: "@b" },
      condition: { id: "a" },
      args: [{ text: "x" }, { text: "1" }],
    });
    // A header's body is read as a line of its own, so an @id may follow it.
    expect(file.children[1]).toMatchObject({
      kind: "statement",
      keyword: { text: "k" },
      condition: { id: "b" },
      sequences: [expect.anything()],
    });
  });

  test("a line of 100,000 @words costs no stack", () => {
    const file = parseText(`${"@a ".repeat(100_000)}x 1\nnext 2\n`);
    expect(file.children.map((n) => n.kind === "statement" && n.keyword.text)).toEqual(["@a", "next"]);
  });

  test("an @id prefix and a ~SEQ header both apply to the line they lead", () => {
    const file = parseText("@a ~SEQ(i,1,2) x $i\n");
    expect(file.children[0]).toMatchObject({
      kind: "statement",
      keyword: { text: "x" },
      condition: { id: "a" },
      sequences: [expect.anything()],
    });
  });
});
