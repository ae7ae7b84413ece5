/**
 * Source marks: a rendered line maps to the template line (and partial or macro file) that wrote
 * it, through loops, includes and macros, and the marks never change what the engine writes.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse, SourceText } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { TemplateSet } from "../../server/src/render/engine.js";
import { memoryHost } from "../support/memory-host.js";
import { renderAll } from "./helpers.js";

/** The rendered lines with the template file and line (1-based) each came from. */
function mapped(files: Record<string, string>, vars = "{}"): [string, string][] {
  const { results, paths } = renderAll(files, { lb1: vars });
  const r = results[0]!;
  if (!r.ok) throw new Error(r.faults.map((f) => f.message).join("; "));
  return r.text.split("\n").map((l, i) => {
    const o = r.origins[i];
    return [l, o ? `${paths[o.file]!.replace("/t/templates/", "")}:${o.line + 1}` : "-"];
  });
}

/** The same template rendered without marks, as the engine writes it. */
function unmarked(files: Record<string, string>, vars: Record<string, unknown> = {}): string {
  const t = new Map(Object.entries(files).map(([k, v]) => [k.replace("/t/templates/", ""), v]));
  const out = new TemplateSet(t, "main.conf.j2").render(vars);
  if (!out.ok) throw new Error(out.fault.message);
  return out.output;
}

describe("source marks", () => {
  test("loop bodies map every iteration to the body's lines", () => {
    const files = { "/t/templates/main.conf.j2": "virtual_ipaddress {\n{% for v in vips %}\n    {{ v }}\n{% endfor %}\n}\n" };
    expect(mapped(files, "vips: [192.0.2.1, 192.0.2.2]").filter(([l]) => l)).toEqual([
      ["virtual_ipaddress {", "main.conf.j2:1"],
      ["    192.0.2.1", "main.conf.j2:3"],
      ["    192.0.2.2", "main.conf.j2:3"],
      ["}", "main.conf.j2:5"],
    ]);
  });

  test("includes map to the partial's own lines; macros to the macro's lines", () => {
    const files = {
      "/t/templates/main.conf.j2": "{% import 'm.j2' as m %}\nglobal_defs {\n{% include 'inc.j2' %}\n}\n{{ m.inst('VI_1') }}\n",
      "/t/templates/inc.j2": "    router_id {{ inventory_hostname }}\n",
      "/t/templates/m.j2": "{% macro inst(name) %}\nvrrp_instance {{ name }} {\n    priority 100\n}\n{% endmacro %}\n",
    };
    expect(mapped(files).filter(([l]) => l)).toEqual([
      ["global_defs {", "main.conf.j2:2"],
      // As Jinja2 (and so Ansible) writes it: the partial loses its last newline and
      // trim_blocks eats the one after the include tag, so the next line joins it.
      ["    router_id lb1}", "inc.j2:1"],
      ["vrrp_instance VI_1 {", "m.j2:2"],
      ["    priority 100", "m.j2:3"],
      ["}", "m.j2:4"],
    ]);
  });

  test("a multi-line value keeps the line of its expression; whitespace control and lstrip headers render as without marks", () => {
    const cases: Record<string, string>[] = [
      { "/t/templates/main.conf.j2": "{{ 'Ansible managed' | comment }}\nglobal_defs {\n}\n" },
      { "/t/templates/main.conf.j2": "a {% if true -%}\n   b\n{%- endif %}\nc\n  {%- if true %} d{% endif %}\n" },
      {
        "/t/templates/main.conf.j2":
          "#jinja2: lstrip_blocks: True\nvrrp_instance X {\n    {% if true %}\n    priority 1\n    {% endif %}\n}\n",
      },
      {
        "/t/templates/main.conf.j2":
          "{% set x %}MASTER{% endset %}\nstate {{ 'yes' if x == 'MASTER' else 'no' }}\n{% raw %}\n{{ not rendered }}\n{% endraw %}\n",
      },
    ];
    for (const files of cases) {
      const lines = mapped(files);
      expect(lines.map(([l]) => l).join("\n")).toBe(
        unmarked(files, { inventory_hostname: "lb1" })
          .replace(/\n?$/, "\n")
          .replace(/\n$/, files["/t/templates/main.conf.j2"]!.endsWith("\n") ? "\n" : ""),
      );
    }
    expect(
      mapped(cases[0]!)
        .slice(0, 3)
        .map(([, o]) => o),
    ).toEqual(["main.conf.j2:1", "main.conf.j2:1", "main.conf.j2:1"]);
  });
});

// ---- property: random templates from plain keepalived text with tags and loops inserted ----

const STATEMENTS = [
  "priority 100",
  "priorty 100",
  "advert_int 1",
  "state MASTER",
  "state MASTR",
  "interface eth0",
  "virtual_router_id 51",
  "virtual_router_id 300",
  "nopreempt",
  "garp_master_delay 5",
];

/** A keepalived instance as lines, and how each line is turned into template text. */
const line = fc.record({
  text: fc.constantFrom(...STATEMENTS),
  how: fc.constantFrom("plain", "expr", "if", "loop", "comment", "inline-if"),
});
const template = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => {
  const out = ["vrrp_instance VI_1 {"];
  for (const { text, how } of lines) {
    const [kw, ...rest] = text.split(" ");
    const value = rest.join(" ");
    switch (how) {
      case "expr":
        out.push(value ? `    ${kw} {{ '${value}' }}` : `    {{ '${kw}' }}`);
        break;
      case "if":
        out.push("{% if true %}", `    ${text}`, "{% endif %}");
        break;
      case "loop":
        out.push("{% for i in range(2) %}", `    ${text}`, "{% endfor %}");
        break;
      case "comment":
        out.push("{# a note #}", `    ${text}`);
        break;
      case "inline-if":
        // A space after the closing tag keeps its newline (trim_blocks takes only a newline right after a tag).
        out.push(`{% if true %}    ${text}{% endif %} `);
        break;
      default:
        out.push(`    ${text}`);
    }
  }
  out.push("}", "");
  return out.join("\n");
});

/** What a template line writes when its expressions are string literals and its tags are dropped. */
const literal = (t: string) =>
  t
    .replace(/\{\{ '([^']*)' \}\}/g, "$1")
    .replace(/\{%[^%]*%\}|\{#[^#]*#\}/g, "")
    .trim();

describe("property: rendered lines and their findings map to the template line that wrote them", () => {
  test("random templates: output unchanged by marks, every line and finding traced to its template line", () => {
    fc.assert(
      fc.property(template, (text) => {
        const files = { "/t/templates/main.conf.j2": text };
        const { results, paths } = renderAll(files, { lb1: "{}" });
        const r = results[0]!;
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.text).toBe(unmarked(files));
        const tlines = text.split("\n");
        const rlines = r.text.split("\n");
        rlines.forEach((l, i) => {
          if (!l.trim()) return;
          const o = r.origins[i]!;
          expect(paths[o.file]).toBe("/t/templates/main.conf.j2");
          expect(literal(tlines[o.line]!)).toBe(l.trim());
        });
        const host = memoryHost({ "/r.conf": r.text });
        const a = analyze("/r.conf", { host, text: r.text, template: "none" });
        const source = new SourceText("/r.conf", r.text);
        void parse;
        for (const d of a.diagnostics) {
          const ln = source.positionAt(d.start).line;
          const o = r.origins[ln];
          expect(o, `${d.code} at rendered line ${ln + 1}`).toBeDefined();
          expect(literal(tlines[o!.line]!)).toBe(rlines[ln]!.trim());
        }
      }),
      { numRuns: 60 },
    );
  });
});
