import { describe, expect, test } from "vitest";
import { decodeBytes, nodeFileHost, preprocess } from "../../grammar/node.js";
import { lex } from "../../grammar/lexer.js";
import { corpusFiles } from "./corpus.js";
import { located, parseText, pieces } from "./helpers.js";

const files = corpusFiles();

/** Encodes text back the way decodeBytes read it: UTF-8 when that round-trips, else byte per character. */
function encodeLike(text: string, bytes: Buffer): Buffer {
  const utf8 = Buffer.from(text, "utf8");
  return utf8.equals(bytes) ? utf8 : Buffer.from(text, "latin1");
}

describe.skipIf(files.length === 0)("upstream sample configurations", () => {
  test("the corpus is there and not trivially small", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  test.each(files.map((f) => [f.name, f] as const))("%s parses without syntax errors", (_, f) => {
    const file = parseText(decodeBytes(f.bytes), f.path);
    expect(file.diagnostics.filter((d) => d.code === "syntax-error" || d.code === "line-too-long").map(located)).toEqual([]);
    expect(file.children.length).toBeGreaterThan(0);
    const effective = preprocess(f.path, { host: nodeFileHost });
    expect(effective.diagnostics.filter((d) => d.code === "syntax-error").map(located)).toEqual([]);
  });

  test.each(files.map((f) => [f.name, f] as const))("%s round-trips byte for byte through tokens and trivia", (_, f) => {
    const text = decodeBytes(f.bytes);
    expect(lex(text).unmatched).toEqual([]);
    const ps = pieces(text);
    for (const p of ps.filter((x) => x.kind === "trivia")) expect(text.slice(p.start, p.end)).toMatch(/^[ \t\n\r\f\v\ufeff]+$/);
    expect(encodeLike(ps.map((p) => text.slice(p.start, p.end)).join(""), f.bytes).equals(f.bytes)).toBe(true);
  });
});
