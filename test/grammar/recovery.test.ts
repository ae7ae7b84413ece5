import { describe, expect, test } from "vitest";
import { located, parseText, shapes } from "./helpers.js";

const codesAndLines = (text: string) => parseText(text).diagnostics.map((d) => ({ ...located(d), file: undefined }));

describe("error recovery", () => {
  test("a stray } is reported where it is and the lines after it still parse", () => {
    const text = "global_defs {\n router_id a\n}\n}\nvrrp_instance V {\n state MASTER\n}\n";
    expect(codesAndLines(text)).toEqual([{ code: "syntax-error", line: 4, column: 1, text: "}", file: undefined }]);
    expect(shapes(parseText(text))).toEqual([{ global_defs: [["router_id", "a"]] }, { "vrrp_instance V": [["state", "MASTER"]] }]);
  });

  test("a block that never closes is reported at its keyword line and keeps its children", () => {
    const text = "a 1\nvrrp_instance V {\n state MASTER\n priority 100\n";
    const d = parseText(text).diagnostics.map(located);
    expect(d).toEqual([expect.objectContaining({ code: "syntax-error", line: 2, column: 1, text: "vrrp_instance V {" })]);
    expect(shapes(parseText(text))).toEqual([
      ["a", "1"],
      {
        "vrrp_instance V": [
          ["state", "MASTER"],
          ["priority", "100"],
        ],
      },
    ]);
  });

  test("an extra { inside a block nests the lines that follow, as keepalived does", () => {
    const text = "vrrp_instance V {\n {\n state MASTER\n}\n";
    const file = parseText(text);
    expect(shapes(file)).toEqual([{ "vrrp_instance V": [{ "{}": [["state", "MASTER"]] }] }]);
    expect(file.diagnostics.map(located)).toEqual([expect.objectContaining({ code: "syntax-error", line: 1 })]);
  });

  test("an unterminated quote is reported at the string and the next line is a new statement", () => {
    const text = 'vrrp_script s {\n script "/bin/true\n interval 2\n}\n';
    const file = parseText(text);
    expect(file.diagnostics.map(located)).toEqual([
      expect.objectContaining({ code: "syntax-error", line: 2, column: 9, text: '"/bin/true' }),
    ]);
    expect(shapes(file)).toEqual([
      {
        "vrrp_script s": [
          ["script", "/bin/true"],
          ["interval", "2"],
        ],
      },
    ]);
  });

  test("garbage lines become statements for the validator, never a crash", () => {
    const text = "%%% ))) ((\n\u0001\u0002 ~~~\n= = =\nglobal_defs {\n}\n";
    const file = parseText(text);
    expect(shapes(file)).toEqual([["%%%", ")))", "(("], ["\u0001\u0002", "~~~"], ["=", "=", "="], { global_defs: [] }]);
  });

  test("a NUL byte is a syntax-error on its own line", () => {
    const file = parseText("a 1\nb \u0000 2\nc 3\n");
    expect(file.diagnostics.map(located)).toEqual([expect.objectContaining({ code: "syntax-error", line: 2, column: 3 })]);
    expect(shapes(file)).toEqual([
      ["a", "1"],
      ["b", "\u0000", "2"],
      ["c", "3"],
    ]);
  });

  test("an unclosed ~SEQ( is reported at the header", () => {
    const file = parseText("~SEQ(i, 3 x $i\nnext 1\n");
    expect(file.diagnostics.map(located)).toEqual([expect.objectContaining({ code: "syntax-error", line: 1, column: 1 })]);
    expect(shapes(file).at(-1)).toEqual(["next", "1"]);
  });

  test("many errors in one file are each reported once, in order", () => {
    const text = '}\na {\n b "x\n}\n}\nc {\n';
    expect(parseText(text).diagnostics.map((d) => located(d).line)).toEqual([1, 3, 5, 6]);
  });
});
