import { describe, expect, test } from "vitest";
import { lex } from "../../grammar/index.js";
import { pieces } from "./helpers.js";

const images = (text: string) => lex(text).tokens.map((t) => t.image);
const comments = (text: string) => lex(text).comments.map((t) => t.image);

describe("words", () => {
  test("blanks and line breaks separate words and are not tokens", () => {
    expect(images("state\tMASTER\n  priority  100\r\n")).toEqual(["state", "MASTER", "priority", "100"]);
  });

  test("only the C-locale blanks separate: a no-break or ideographic space stays inside the word", () => {
    expect(images("a b\u00a0c d\u3000e")).toEqual(["a", "b\u00a0c", "d\u3000e"]);
  });

  test("non-ASCII words, astral characters included, are whole words", () => {
    expect(images("router_id 日本 😀x")).toEqual(["router_id", "日本", "😀x"]);
  });

  test("braces are tokens of their own, glued or not", () => {
    expect(images("a{b}c {}")).toEqual(["a", "{", "b", "}", "c", "{", "}"]);
  });

  test("a quote in the middle of a word ends the word and starts a string", () => {
    expect(images('abc"d e" f')).toEqual(["abc", '"d e"', "f"]);
  });

  test("a quoted string without its closing quote runs to the end of its line only", () => {
    expect(images('a "b c\nd')).toEqual(["a", '"b c', "d"]);
  });

  test("backslash escapes only # and !; elsewhere it is an ordinary character", () => {
    expect(images("a\\#b c\\!d e\\ f \\{")).toEqual(["a\\#b", "c\\!d", "e\\", "f", "\\", "{"]);
  });

  test("@id words and directive lines get their own tokens", () => {
    const kinds = lex("@node1 x\n$A=1\n~SEQ(i,3) y\n").tokens.map((t) => t.tokenType.name);
    expect(kinds).toEqual(["AtWord", "Word", "DefinitionLine", "SequenceHead", "Word"]);
  });

  test("$NAME= in the middle of a line is a plain word, not a definition", () => {
    expect(lex("x $A=1\n").tokens.map((t) => t.tokenType.name)).toEqual(["Word", "Word"]);
  });

  test("a multi-line definition is one token up to the first line without a trailing backslash", () => {
    expect(images("$A=one \\\n  two \\\n  three\nnext")).toEqual(["$A=one \\\n  two \\\n  three", "next"]);
  });

  test("a comment line ending in a backslash inside a definition is part of its token; one without ends it", () => {
    expect(images("$A=one \\\n# c \\\ntwo\nnext")).toEqual(["$A=one \\\n# c \\\ntwo", "next"]);
    expect(images("$A=one \\\n# c\ntwo")).toEqual(["$A=one \\", "two"]);
  });
});

describe("comments", () => {
  test("# and ! start comments anywhere, glued to a word too", () => {
    expect(images("priority 100#x\n! all\nstate MASTER ! end")).toEqual(["priority", "100", "state", "MASTER"]);
    expect(comments("priority 100#x\n! all\nstate MASTER ! end")).toEqual(["#x", "! all", "! end"]);
  });

  test("inside double quotes # is text; inside single quotes it still starts a comment", () => {
    expect(images("a \"b # c\" d ' # e'")).toEqual(["a", '"b # c"', "d", "'"]);
  });

  test("a comment ends before CRLF, so the CR stays trivia", () => {
    expect(comments("# x\r\ny")).toEqual(["# x"]);
  });
});

describe("lossless token stream", () => {
  const samples = [
    "\ufeffglobal_defs {\r\n\trouter_id a # c\r\n}\r\n",
    'vrrp_instance X{state MASTER}} "open\n@id $A=1 \\\n b\n~LST(i,a,b) x\r\r\n\f\v',
    "a\u00a0b\u2028c\u0000d\\",
  ];
  test.each(samples)("pieces of %j join to the text and the gaps are blank", (text) => {
    const ps = pieces(text);
    expect(ps.map((p) => text.slice(p.start, p.end)).join("")).toBe(text);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.start).toBe(ps[i - 1]!.end);
    for (const p of ps.filter((x) => x.kind === "trivia")) expect(text.slice(p.start, p.end)).toMatch(/^[ \t\n\r\f\v\ufeff]+$/);
    expect(lex(text).unmatched).toEqual([]);
  });
});

describe("words may start with any character but the blanks, braces, quote and comment marks", () => {
  test("every UTF-16 code unit starts a word (chevrotain's start-character table covers them all)", () => {
    const special = new Set([...' \t\n\r\f\v\ufeff{}"#!@$~\\'].map((c) => c.charCodeAt(0)));
    const starts: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (!special.has(c) && (c < 0xd800 || c > 0xdfff)) starts.push(String.fromCharCode(c));
    starts.push("😀", "𝔸");
    const { tokens, unmatched } = lex(starts.map((s) => `${s}x`).join(" "));
    expect(unmatched).toEqual([]);
    expect(tokens.length).toBe(starts.length);
    expect(new Set(tokens.map((t) => t.tokenType.name))).toEqual(new Set(["Word"]));
  });
});
