/**
 * The template layer on any input: nothing throws, the keepalived text keeps the template's
 * length and line breaks, every tag, construct, opaque stretch and diagnostic lies inside the
 * file, and every word of the tree matches its range outside template syntax. Two families of
 * inputs: arbitrary text with tags of every engine inserted, and real-looking templates (from
 * our fixtures) with tags deleted or duplicated.
 */
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { OPAQUE, parseTemplate, readTemplate, SourceText, type TemplateEngine } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { memoryHost } from "../support/memory-host.js";
import { walk } from "./helpers.js";

const ENGINES: readonly TemplateEngine[] = ["jinja", "go", "erb", "subst"];

function holds(text: string, engine: TemplateEngine): void {
  const layer = readTemplate(text, engine);
  if (layer.text.length !== text.length) throw new Error(`keepalived text has length ${layer.text.length}, template ${text.length}`);
  for (let i = 0; i < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = layer.text.charCodeAt(i);
    if ((a === 10) !== (b === 10)) throw new Error(`line break moved at ${i}`);
  }
  const inside = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const t of layer.tags)
    if (!inside(t) || t.bodyStart < t.start || t.bodyEnd > t.end) throw new Error(`tag outside the file: ${JSON.stringify(t)}`);
  for (const o of layer.opaque) if (!inside(o)) throw new Error(`opaque stretch outside the file: ${JSON.stringify(o)}`);
  for (const p of layer.problems) if (!inside(p)) throw new Error(`problem outside the file: ${JSON.stringify(p)}`);
  const file = parseTemplate(new SourceText("/t/keepalived.conf.j2", text), engine);
  for (const d of file.diagnostics)
    if (!inside(d) || d.file.text !== text) throw new Error(`diagnostic outside the file: ${d.code} ${d.start}-${d.end}`);
  for (const n of walk(file.children)) {
    if (!inside(n)) throw new Error(`${n.kind} node outside the file`);
    const words = n.kind === "statement" || n.kind === "block" ? [n.keyword, ...n.args] : n.kind === "value" ? n.words : [];
    for (const w of words) {
      const written = text.slice(w.start, w.end);
      // Outside template syntax a word is its text exactly; template syntax is opaque or blank.
      for (let i = 0; i < written.length; i++)
        if (w.raw[i] !== written[i] && w.raw[i] !== OPAQUE && w.raw[i] !== " " && !"{}".includes(w.raw[i]!))
          throw new Error(`word ${JSON.stringify(w.raw)} does not match ${JSON.stringify(written)}`);
    }
  }
  // The whole analysis on top never throws either.
  analyze("/t/keepalived.conf.j2", { host: memoryHost({ "/t/keepalived.conf.j2": text }), template: engine === "subst" ? "auto" : engine });
}

const TAGS = [
  "{{ x }}",
  "{{- y -}}",
  "{% if a %}",
  "{% else %}",
  "{% elif b %}",
  "{% endif %}",
  "{% for i in l %}",
  "{% endfor %}",
  "{# c #}",
  "{% raw %}",
  "{% endraw %}",
  "{{ .A }}",
  "{{ range .L }}",
  "{{ end }}",
  "{{ else }}",
  "{{/* c */}}",
  "<%= @x %>",
  "<% if @y %>",
  "<% end %>",
  "<%- @l.each do |v| -%>",
  "<% } %>",
  "<%# c %>",
  "${V}",
  "{{",
  "{%",
  "<%",
  "}}",
  "%}",
  "%>",
  "{{ '}}' }}",
  "{{ 'A' if x else 'B' }}",
  "{% include 'p.j2' %}",
  "\n",
  "{",
  "}",
];
const KEEPALIVED = [
  "vrrp_instance VI {",
  "state MASTER",
  "priority 100",
  "}",
  "virtual_ipaddress {",
  "192.0.2.1/24",
  "# c",
  '"q',
  "auth_pass 123456789",
  "  ",
  "\n",
];

const piece = fc.oneof(fc.constantFrom(...TAGS), fc.constantFrom(...KEEPALIVED), fc.string({ maxLength: 8 }));

describe("template layer properties", () => {
  test("arbitrary text with template tags inserted, for every engine", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(...ENGINES), (parts, engine) => holds(parts.join(""), engine)),
      { numRuns: 1500 },
    );
  });

  const fixtures: string[] = [];
  const collect = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) collect(p);
      else fixtures.push(readFileSync(p, "utf8"));
    }
  };
  collect(join(__dirname, "../templates/fixtures"));

  test("real-looking templates with tags deleted or duplicated", () => {
    const tagPattern = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|<%[\s\S]*?%>|\$\{[^}\n]*\}/g;
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 }),
        fc.constantFrom(...ENGINES),
        (text, edits, engine) => {
          let out = text;
          for (const [n, duplicate] of edits) {
            const all = [...out.matchAll(tagPattern)];
            if (all.length === 0) break;
            const m = all[n % all.length]!;
            out = out.slice(0, m.index!) + (duplicate ? m[0] + m[0] : "") + out.slice(m.index! + m[0].length);
          }
          holds(out, engine);
        },
      ),
      { numRuns: 600 },
    );
  });
});
