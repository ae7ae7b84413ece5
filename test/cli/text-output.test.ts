/** The text renderer's caret context for awkward spans: zero width, several lines, tabs, astral characters. */
import { describe, expect, test } from "vitest";
import { SourceText, type Diagnostic } from "../../grammar/index.js";
import { renderText } from "../../server/src/cli/output/text.js";

const file = new SourceText("k.conf", "vrrp_instance VI_1 {\n\tstate\tMASTR\n    # 😀 x\n}\n");
const at = (start: number, end: number, code = "invalid-value"): Diagnostic => ({
  file,
  start,
  end,
  code,
  severity: "error",
  message: "m",
});
const contextOf = (d: Diagnostic) =>
  renderText({ files: ["k.conf"], diagnostics: [d] }, { color: false, context: true })
    .split("\n")
    .slice(1, 3);

describe("caret context", () => {
  test("tabs show as one blank each, so the caret stays under the word", () => {
    const start = file.text.indexOf("MASTR");
    expect(contextOf(at(start, start + 5))).toEqual(["    2 |  state MASTR", "      |        ^^^^^"]);
  });

  test("a zero-width span gets one caret", () => {
    const start = file.text.indexOf("}");
    expect(contextOf(at(start, start))).toEqual(["    4 | }", "      | ^"]);
  });

  test("a span over several lines is underlined to the end of its first line", () => {
    expect(contextOf(at(0, file.text.length))).toEqual(["    1 | vrrp_instance VI_1 {", `      | ${"^".repeat(20)}`]);
  });

  test("an emoji (two UTF-16 units) takes two cells, a combining accent none", () => {
    const start = file.text.indexOf("x");
    expect(contextOf(at(start, start + 1))).toEqual(["    3 |     # 😀 x", `      | ${" ".repeat(9)}^`]);
    const accented = new SourceText("a.conf", "# e\u0301 y\n");
    const y = accented.text.indexOf("y");
    expect(
      renderText({ files: ["a.conf"], diagnostics: [{ ...at(y, y + 1), file: accented }] }, { color: false, context: true }).split("\n")[2],
    ).toBe(`      | ${" ".repeat(4)}^`);
  });

  test("without context: the finding line and the summary only", () => {
    expect(renderText({ files: ["k.conf"], diagnostics: [at(0, 4)] }, { color: false, context: false })).toBe(
      "k.conf:1:1: error [invalid-value] m\n1 file checked: 1 error, 0 warnings, 0 info",
    );
  });
});
