/** The template layer: tags of each engine, the construct tree, the keepalived text, detection. */
import { describe, expect, test } from "vitest";
import { detectTemplate, OPAQUE, parseTemplate, readTemplate, SourceText, type TemplateEngine } from "../../grammar/index.js";

const tags = (text: string, engine: TemplateEngine) => readTemplate(text, engine).tags.map((t) => [t.kind, text.slice(t.start, t.end)]);
const problems = (text: string, engine: TemplateEngine) =>
  readTemplate(text, engine).problems.map((p) => [text.slice(p.start, p.end), p.message]);
/** The keepalived text with opaque runs shown as `X`. */
const masked = (text: string, engine: TemplateEngine) => readTemplate(text, engine).text.replace(new RegExp(`${OPAQUE}+`, "g"), "X");

describe("Jinja2", () => {
  test("expressions, statements and comments, with whitespace control, keep their exact ranges", () => {
    const text = "a {{ x }} b {%- if y -%} c {# n #} d {%+ endif +%}";
    expect(tags(text, "jinja")).toEqual([
      ["expression", "{{ x }}"],
      ["statement", "{%- if y -%}"],
      ["comment", "{# n #}"],
      ["statement", "{%+ endif +%}"],
    ]);
  });

  test("a delimiter inside a string in a tag does not end it", () => {
    expect(tags(`x {{ "}}" ~ '%}' }} y`, "jinja")).toEqual([["expression", `{{ "}}" ~ '%}' }}`]]);
  });

  test("raw blocks are keepalived text; the #jinja2 header is a comment", () => {
    const text = "#jinja2: trim_blocks: True\n{% raw %}{{ kept }}{% endraw %}\n";
    expect(tags(text, "jinja").map(([k]) => k)).toEqual(["comment", "statement", "statement"]);
    expect(readTemplate(text, "jinja").text).toBe(" ".repeat(26) + "\n" + " ".repeat(9) + "{{ kept }}" + " ".repeat(12) + "\n");
  });

  test("the keepalived text keeps every offset and line break: control tags blank, expressions one opaque word", () => {
    const text = "state {{ s }}\n{% if a %}\nnopreempt\n{% endif %}\n";
    const layer = readTemplate(text, "jinja");
    expect(layer.text.length).toBe(text.length);
    expect([...layer.text].map((c, i) => (c === "\n") === (text[i] === "\n"))).not.toContain(false);
    expect(masked(text, "jinja")).toBe("state X\n          \nnopreempt\n           \n");
  });

  test("an unclosed expression is cut at its line's end and reported; the next line is read", () => {
    const text = "priority {{ p\nstate {{ s }}\n";
    expect(problems(text, "jinja")).toEqual([["{{", "this expression '{{' is never closed; the template engine refuses the file"]]);
    expect(masked(text, "jinja")).toBe("priority X\nstate X\n");
  });

  test("control tags build a tree; endif without if and an unclosed for are template problems", () => {
    const text = "{% for a in b %}\n{% if c %}x{% elif d %}y{% else %}z{% endif %}\n{% endif %}\n";
    const layer = readTemplate(text, "jinja");
    expect(layer.roots.map((c) => [c.kind, c.keyword, c.branches.length])).toEqual([["loop", "for", 1]]);
    expect(layer.roots[0]!.branches[0]!.children.map((c) => [c.kind, c.branches.map((b) => b.keyword)])).toEqual([
      ["if", ["if", "elif", "else"]],
    ]);
    expect(problems(text, "jinja").map(([, m]) => m)).toEqual([
      "'for' is never closed; the template engine refuses the file",
      "'endif' has no 'if' to close; the template engine refuses the file",
    ]);
  });

  test("an if written inside a keepalived line is one opaque word with its literal alternatives", () => {
    const text = "priority {% if m %}150{% else %}100{% endif %}\n";
    const layer = readTemplate(text, "jinja");
    expect(masked(text, "jinja")).toBe("priority X\n");
    expect(layer.opaque.map((o) => o.alternatives)).toEqual([["150", "100"]]);
    expect(readTemplate("x {% if m %}nopreempt{% endif %}\n", "jinja").opaque[0]!.alternatives).toEqual(["nopreempt", ""]);
  });

  test("string expressions and inline conditionals of strings have literal alternatives", () => {
    const alts = (code: string) => readTemplate(`x ${code}\n`, "jinja").opaque[0]!.alternatives;
    expect(alts(`{{ 'MASTER' if m else 'BACKUP' }}`)).toEqual(["MASTER", "BACKUP"]);
    expect(alts(`{{ "eth0" }}`)).toEqual(["eth0"]);
    expect(alts(`{{ x | default(5) }}`)).toBeUndefined();
  });

  test("a macro body is not text of the place it is defined", () => {
    expect(masked("{% macro m() %}\nvrrp_instance x {\n{% endmacro %}\n", "jinja").trim()).toBe("");
  });

  test("include, import and extends name their partials when written as strings", () => {
    const layer = readTemplate(`{% include 'a.j2' %}{% import "m.j2" as m %}{% include name %}`, "jinja");
    expect(layer.includes.map((i) => [i.keyword, i.name])).toEqual([
      ["include", "a.j2"],
      ["import", "m.j2"],
      ["include", undefined],
    ]);
  });
});

describe("Go templates", () => {
  test("actions with trim markers, comments, and if/else/range/with/define/end", () => {
    const text =
      '{{- /* c */ -}}\n{{ range .Xs }}{{ .Name }}{{ end }}\n{{ if .A }}a{{ else if .B }}b{{ else }}c{{ end }}\n{{ define "t" }}x{{ end }}{{ template "t" . }}';
    expect(tags(text, "go").map(([k]) => k)).toEqual([
      "comment",
      "statement",
      "expression",
      "statement",
      "statement",
      "statement",
      "statement",
      "statement",
      "statement",
      "statement",
      "statement",
    ]);
    const layer = readTemplate(text, "go");
    expect(layer.roots.map((c) => [c.kind, c.keyword, c.branches.map((b) => b.keyword)])).toEqual([
      ["loop", "range", ["range"]],
      ["if", "if", ["if", "elif", "else"]],
      ["definition", "define", ["define"]],
    ]);
    expect(layer.includes.map((i) => i.name)).toEqual(["t"]);
    expect(layer.problems).toEqual([]);
  });

  test("{{-3}} is a number, not a trim marker", () => {
    expect(readTemplate("x {{-3}}", "go").tags[0]!.bodyStart).toBe(4);
  });
});

describe("ERB and EPP", () => {
  test("<% %>, <%= %>, <%# %>, <%- -%> and <%% as literal text", () => {
    const text = "a <%= @x %> <%# c %> <%- if @y -%>b<% end -%> <%% d";
    expect(tags(text, "erb")).toEqual([
      ["expression", "<%= @x %>"],
      ["comment", "<%# c %>"],
      ["statement", "<%- if @y -%>"],
      ["statement", "<% end -%>"],
    ]);
  });

  test("Ruby and Puppet control code both build the tree", () => {
    const ruby = readTemplate("<% @xs.each do |x| -%>\n<%= x %>\n<% end -%>\n<% if a %>\n<% elsif b %>\n<% else %>\n<% end %>\n", "erb");
    expect(ruby.roots.map((c) => [c.kind, c.branches.map((b) => b.keyword)])).toEqual([
      ["loop", ["each"]],
      ["if", ["if", "elif", "else"]],
    ]);
    const epp = readTemplate("<% $xs.each |$x| { -%>\n<%= $x %>\n<% } -%>\n<% if $a { -%>\n<% } else { -%>\n<% } -%>\n", "erb");
    expect(epp.roots.map((c) => [c.kind, c.branches.map((b) => b.keyword)])).toEqual([
      ["loop", ["each"]],
      ["if", ["if", "else"]],
    ]);
    expect(epp.problems).toEqual([]);
  });
});

describe("detection", () => {
  test("by content whatever the name, the engine decided by the content", () => {
    expect(detectTemplate("keepalived.conf", "vrrp_instance {{ name }} {\n}\n")).toBe("jinja");
    expect(detectTemplate("keepalived.conf", "{{ range .Xs }}\n{{ end }}\n")).toBe("go");
    expect(detectTemplate("x.tmpl", "vrrp_instance {{ .Name }} {\n}\n")).toBe("go");
    expect(detectTemplate("x.tmpl", "vrrp_instance {% if a %}x{% endif %} {\n}\n")).toBe("jinja");
    expect(detectTemplate("keepalived.conf", "state <%= @state %>\n")).toBe("erb");
    expect(detectTemplate("keepalived.conf.tmpl", "router_id ${HOST}\n")).toBe("subst");
  });

  test("a plain file is no template, nor is template syntax inside a keepalived comment or quotes", () => {
    expect(detectTemplate("keepalived.conf", "global_defs {\n}\n")).toBeUndefined();
    expect(detectTemplate("keepalived.conf", "# rendered from {{ role }}\nglobal_defs {\n}\n")).toBeUndefined();
    expect(detectTemplate("keepalived.conf", `notify "/bin/echo {{x}}"\n`)).toBeUndefined();
    expect(detectTemplate("keepalived.conf", "router_id ${HOST}\n")).toBeUndefined();
  });

  test("a template name is a template even without tags; --template overrides; none never", () => {
    expect(detectTemplate("keepalived.conf.j2", "global_defs {\n}\n")).toBe("jinja");
    expect(detectTemplate("keepalived.conf.erb", "global_defs {\n}\n")).toBe("erb");
    expect(detectTemplate("keepalived.conf", "global_defs {\n}\n", "go")).toBe("go");
    expect(detectTemplate("keepalived.conf.j2", "x {{ y }}\n", "none")).toBeUndefined();
  });
});

describe("parseTemplate", () => {
  const parsed = (text: string, engine: TemplateEngine = "jinja", fragment = false) => {
    const f = parseTemplate(new SourceText("t.j2", text), engine, { fragment });
    return f.diagnostics.map((d) => `${d.code}@${f.source.positionAt(d.start).line + 1}`);
  };

  test("spans of the tree are in the template; words holding expressions carry the opaque character", () => {
    const text = "vrrp_instance VI_{{ n }} {\n    interface {{ i }}\n}\n";
    const f = parseTemplate(new SourceText("t.j2", text), "jinja");
    const block = f.children[0]!;
    expect(block.kind).toBe("block");
    if (block.kind !== "block") return;
    expect(text.slice(block.args[0]!.start, block.args[0]!.end)).toBe("VI_{{ n }}");
    expect(block.args[0]!.text.startsWith("VI_" + OPAQUE)).toBe(true);
    expect(f.template?.engine).toBe("jinja");
  });

  test("a loop that opens a block closed after it: one template-brace-imbalance at the loop, no syntax-error", () => {
    expect(parsed("{% for x in y %}\nvrrp_instance {{ x }} {\n{% endfor %}\n}\n")).toEqual(["template-brace-imbalance@1"]);
  });

  test("branches of an if that open the same block are one header, not two nested blocks", () => {
    expect(
      parsed("{% if a %}\nvirtual_server fwmark 1 {\n{% else %}\nvirtual_server 192.0.2.1 80 {\n{% endif %}\n    delay_loop 6\n}\n"),
    ).toEqual([]);
  });

  test("a fragment gets no finding for blocks it leaves open or closes", () => {
    expect(parsed("vrrp_instance x {\n    state BACKUP\n", "jinja", true)).toEqual([]);
    expect(parsed("vrrp_instance x {\n    state BACKUP\n")).toEqual(["syntax-error@1"]);
    expect(parsed("    state BACKUP\n}\n", "jinja", true)).toEqual([]);
  });
});

test("detection: a plain file's doubled or stray braces are no template syntax", () => {
  expect(detectTemplate("keepalived.conf", "virtual_ipaddress {{\n    192.0.2.1\n}}\n")).toBeUndefined();
  expect(detectTemplate("keepalived.conf", "vrrp_instance x {{}}\n")).toBeUndefined();
  expect(detectTemplate("keepalived.conf", "global_defs {%\n}\n")).toBeUndefined();
});

test("keepalivedBraces finds the braces the lexer finds, outside quotes and comments", async () => {
  const { keepalivedBraces } = await import("../../grammar/template-file.js");
  const { lex } = await import("../../grammar/lexer.js");
  const text = 'a { "x { y" } # c { }\nb\\#{ ! }\n"open {\n}\n{}';
  const fromLexer = lex(text)
    .tokens.filter((t) => t.image === "{" || t.image === "}")
    .map((t) => t.startOffset);
  expect(keepalivedBraces(text).map((b) => b.offset)).toEqual(fromLexer);
});
