/** The language service on a template: every feature reads literal keepalived text and keeps out of template tags. */
import { describe, expect, test } from "vitest";
import {
  analyseDocument,
  codeActions,
  completion,
  diagnostics,
  documentSymbols,
  foldingRanges,
  formatting,
  hover,
  semanticTokens,
  SEMANTIC_LEGEND,
} from "../../server/src/service/index.js";
import { memoryHost } from "../support/memory-host.js";
import { posOf, textOf } from "./helpers.js";

const PATH = "/role/templates/keepalived.conf.j2";
const TEXT = `{% for vi in instances %}
vrrp_instance {{ vi.name }} {
    state {{ vi.state }}
    interface eth0
    virtual_router_id {{ vi.vrid }}
    advert_intt 1
    virtual_ipaddress {
        {{ vi.vip }}
    }
{% endfor %}
}
`;
const doc = analyseDocument(PATH, TEXT, { host: memoryHost({ [PATH]: TEXT }) });

describe("a template in the language service", () => {
  test("diagnostics: the brace bug at the loop and the typo'd keyword, nothing from template syntax", () => {
    expect(diagnostics(doc).map((d) => `${d.code}@${d.range.start.line + 1}`)).toEqual(["template-brace-imbalance@1", "unknown-keyword@6"]);
  });

  test("quick fix for the literal keyword", () => {
    const actions = codeActions(doc, { start: posOf(doc, "advert_intt"), end: posOf(doc, "advert_intt") });
    const fix = actions.find((a) => a.title === "Replace with advert_int");
    expect(Object.values(fix!.edit!.changes!)[0]).toEqual([{ range: expect.anything(), newText: "advert_int" }]);
  });

  test("hover on a literal keyword, none inside a template tag", () => {
    expect((hover(doc, posOf(doc, "interface", 0, 2))!.contents as { value: string }).value).toContain("**interface**");
    expect(hover(doc, posOf(doc, "vi.state", 0, 2))).toBeNull();
  });

  test("completion offers keywords on a literal line, nothing inside a template tag", () => {
    const onLine = completion(doc, posOf(doc, "interface", 0, 3));
    expect(onLine.items.map((i) => i.label)).toContain("interface");
    expect(completion(doc, posOf(doc, "vi.vrid", 0, 3)).items).toEqual([]);
  });

  test("outline names blocks as written", () => {
    expect(documentSymbols(doc).map((s) => s.name)).toEqual(["vrrp_instance {{ vi.name }}"]);
  });

  test("folding covers blocks and template constructs", () => {
    expect(foldingRanges(doc)).toContainEqual({ startLine: 0, endLine: 8 });
    expect(foldingRanges(doc)).toContainEqual({ startLine: 1, endLine: 9 });
  });

  test("semantic tokens tell template tags (macros) from keepalived keywords", () => {
    const data = semanticTokens(doc).data;
    const tokens: { line: number; char: number; len: number; type: string }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push({ line, char, len: data[i + 2]!, type: SEMANTIC_LEGEND.tokenTypes[data[i + 3]!]! });
    }
    const text = (t: (typeof tokens)[number]) => TEXT.split("\n")[t.line]!.slice(t.char, t.char + t.len);
    expect(tokens.filter((t) => t.type === "macro").map(text)).toEqual([
      "{% for vi in instances %}",
      "{{ vi.name }}",
      "{{ vi.state }}",
      "{{ vi.vrid }}",
      "{{ vi.vip }}",
      "{% endfor %}",
    ]);
    expect(tokens.filter((t) => t.type === "keyword").map(text)).toEqual([
      "vrrp_instance",
      "state",
      "interface",
      "virtual_router_id",
      "advert_intt",
      "virtual_ipaddress",
    ]);
  });

  test("formatting declines a template", () => {
    expect(formatting(doc)).toEqual({ template: "jinja" });
    expect(textOf(doc, { start: posOf(doc, "interface"), end: posOf(doc, "interface", 0, 9) })).toBe("interface");
  });
});
