/** render/methods.ts: `.index()` and `.get(key, default)`, which the engine lacks, given to it as filters of the same length. */
import { describe, expect, test } from "vitest";
import { readTemplate } from "../../grammar/index.js";
import { methodsAsFilters, methodsInCode } from "../../server/src/render/methods.js";
import { faults, render, renderAll } from "./helpers.js";

describe("the calls written as filters", () => {
  test("in expressions and statements, not in string literals, comments or text; every offset kept", () => {
    const text = [
      'priority {{ 150 - l.index(inventory_hostname) }} # {{ \'l.index(x)\' }} {{ "d.get(\\"k\\")" }}',
      "{% if d.get('k', 1) %}a.index(b) in text{% endif %}{# l.index(x) #}",
    ].join("\n");
    const out = methodsAsFilters(text, readTemplate(text, "jinja"));
    expect(out.length).toBe(text.length);
    expect(out).toBe(
      [
        'priority {{ 150 - l|index(inventory_hostname) }} # {{ \'l.index(x)\' }} {{ "d.get(\\"k\\")" }}',
        "{% if d|get('k', 1) %}a.index(b) in text{% endif %}{# l.index(x) #}",
      ].join("\n"),
    );
    expect(methodsInCode("groups['lb'].index(inventory_hostname) + d.get('x')")).toBe(
      "groups['lb']|index(inventory_hostname) + d|get('x')",
    );
  });
});

describe("list.index(), str.index(), dict.get()", () => {
  test("a node's place in its group, as roles number their priorities", () => {
    const t = "priority {{ 150 - hosts.index(inventory_hostname) * 10 }} {{ ('x' ~ inventory_hostname).index('b') }}";
    const { results } = renderAll({ "/t/templates/main.conf.j2": t }, { lb1: "hosts: [lb1, lb2]", lb2: "hosts: [lb1, lb2]" });
    expect(results.map((r) => (r.ok ? r.text : r.faults[0]!.message))).toEqual(["priority 150 2", "priority 140 2"]);
  });

  test(".get() with and without a default, on a mapping and on a missing key", () => {
    expect(render("{{ d.get('a') }} {{ d.get('z', 7) }} {{ d.get('z') is none }} {{ d.get('a', 7) }}", "d: {a: 1}")).toBe("1 7 true 1");
  });

  test("a value not in the list, or a method on the wrong kind of value, is a fault at its line, naming why", () => {
    expect(faults("x\n{{ l.index('c') }}", "l: [a, b]")).toEqual([
      expect.objectContaining({ code: "template-render-unsupported", line: 2, message: expect.stringMatching(/"c" is not in list/) }),
    ]);
    expect(faults("{{ n.get('a') }}", "n: 3")).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/a number has no method get\(\)/) }),
    ]);
    expect(faults("{{ d.index('a') }}", "d: {a: 1}")).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/a mapping has no method index\(\)/) }),
    ]);
  });

  test("in a vars value that is itself a template: one expression, or text with tags", () => {
    expect(render("{{ first }}", "hosts: [lb1, lb2]\nfirst: \"{{ hosts.index('lb2') }}\"")).toBe("1");
    expect(render("{{ label }}", "d: {a: 1}\nlabel: \"vip-{{ d.get('z', 5) }}-{{ d.get('a') }}\"")).toBe("vip-5-1");
  });
});
