import { describe, expect, test } from "vitest";
import { formatDocument } from "../../server/src/format/index.js";

/** Formats `text`, failing the test when it is refused or when a second pass would change it. */
function fmt(text: string): string {
  const first = formatDocument(text);
  if (!first.ok) throw new Error(`refused: ${first.diagnostics.map((d) => d.message).join("; ")}`);
  const second = formatDocument(first.text);
  expect(second).toEqual({ ok: true, text: first.text });
  return first.text;
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("indentation and braces", () => {
  test("nested blocks are indented four spaces a level, whatever they had before", () => {
    const input = "vrrp_instance VI_1 {\n\tstate MASTER\n  authentication {\n\t\t  auth_type PASS\n}\n        }\n";
    expect(fmt(input)).toBe(
      lines("vrrp_instance VI_1 {", "    state MASTER", "    authentication {", "        auth_type PASS", "    }", "}"),
    );
  });

  test("braces glued to words are split onto their own lines", () => {
    expect(fmt("vrrp_instance VI_1{state MASTER}\n")).toBe(lines("vrrp_instance VI_1 {", "    state MASTER", "}"));
  });

  test("several blocks on one line become one block after another", () => {
    expect(fmt("vrrp_script a { script x } vrrp_script b { script y } \n")).toBe(
      lines("vrrp_script a {", "    script x", "}", "vrrp_script b {", "    script y", "}"),
    );
  });

  test("a brace on the line after its keyword moves up to the keyword", () => {
    expect(fmt("global_defs\n\n{\n router_id a\n}\n")).toBe(lines("global_defs {", "    router_id a", "}"));
  });

  test("comments between a keyword and its brace move into the block, in order", () => {
    expect(fmt("global_defs # one\n# two\n{ # three\nrouter_id a\n}\n")).toBe(
      lines("global_defs { # one", "    # two", "    # three", "    router_id a", "}"),
    );
  });

  test("a brace with no keyword above it stays where it is", () => {
    expect(fmt("{\nrouter_id a\n}\n")).toBe(lines("{", "    router_id a", "}"));
  });

  test("an empty block closes on its own line", () => {
    expect(fmt("global_defs {}\n")).toBe(lines("global_defs {", "}"));
  });
});

describe("comments and blank lines", () => {
  test("end-of-line and own-line comments are kept in place, with one space before an end-of-line comment", () => {
    expect(fmt("# head\nglobal_defs {   # opens\n  # inside\n router_id a#glued\n} ! bang\n")).toBe(
      lines("# head", "global_defs { # opens", "    # inside", "    router_id a #glued", "} ! bang"),
    );
  });

  test("a trailing comment of a split line stays on the last piece of that line", () => {
    expect(fmt("track_script { chk } # the check\n")).toBe(lines("track_script {", "    chk", "} # the check"));
  });

  test("a comment before a closing brace is indented with the block's content", () => {
    expect(fmt("a {\nb\n# last\n}\n")).toBe(lines("a {", "    b", "    # last", "}"));
  });

  test("runs of blank lines become one; blank lines at the start and end go", () => {
    expect(fmt("\n\n\na 1\n\n\n\nb 2\nc {\n\n\nd\n\n}\n\n\n")).toBe(lines("a 1", "", "b 2", "c {", "", "    d", "", "}"));
  });

  test("trailing whitespace goes and a final newline is added", () => {
    expect(fmt("router_id a   \t\n# note   ")).toBe(lines("router_id a", "# note"));
  });

  test("an empty or comment-free blank file formats to nothing", () => {
    expect(fmt("")).toBe("");
    expect(fmt("\n\n   \n")).toBe("");
  });
});

describe("values and words", () => {
  test("value block lines keep their words with single blanks between them", () => {
    expect(fmt("virtual_ipaddress {\n  10.0.0.1/24    dev eth0\tlabel eth0:1\n}\n")).toBe(
      lines("virtual_ipaddress {", "    10.0.0.1/24 dev eth0 label eth0:1", "}"),
    );
  });

  test("several names on one value line stay one line (keepalived reads them as one)", () => {
    expect(fmt("vrrp_sync_group G { group { VI_1 VI_2 } }\n")).toBe(
      lines("vrrp_sync_group G {", "    group {", "        VI_1 VI_2", "    }", "}"),
    );
  });

  test("quoted strings are kept exactly, # and repeated blanks inside included", () => {
    expect(fmt('notify_master   "/bin/n.sh  MASTER # not a comment"  # a comment\n')).toBe(
      lines('notify_master "/bin/n.sh  MASTER # not a comment" # a comment'),
    );
  });

  test("words that touch a quoted string keep touching (script keywords read them as one word)", () => {
    expect(fmt('script /bin/x"a b"c\n')).toBe(lines('script /bin/x"a b"c'));
  });

  test("escaped comment characters stay part of their word", () => {
    expect(fmt("auth_pass ab\\#cd\n")).toBe(lines("auth_pass ab\\#cd"));
  });
});

describe("directives", () => {
  test("@id lines are indented with their block and keep their prefix", () => {
    expect(fmt("vrrp_instance A {\n@high\tpriority 170\n@^low   priority 85\n}\n")).toBe(
      lines("vrrp_instance A {", "    @high priority 170", "    @^low priority 85", "}"),
    );
  });

  test("a conditional line is never split: the condition covers every brace on it", () => {
    expect(fmt("@high vrrp_script a { script x }\n")).toBe(lines("@high vrrp_script a { script x }"));
  });

  test("a brace is never pulled onto a conditional line", () => {
    expect(fmt("@high vrrp_script a\n{\nscript x\n}\n")).toBe(lines("@high vrrp_script a", "{", "    script x", "}"));
  });

  test("a conditional block keeps its content indented", () => {
    expect(fmt("@high global_defs {\nrouter_id a\n}\n")).toBe(lines("@high global_defs {", "    router_id a", "}"));
  });

  test("a conditional closing brace sits at the level of the block it closes", () => {
    expect(fmt("a {\nb {\nc\n@x }\n}\n")).toBe(lines("a {", "    b {", "        c", "    @x }", "}"));
  });

  test("definitions are kept as written, continuation lines included", () => {
    const input = "$ADDR=10.0.0.1/24   \n\n$BODY=state MASTER \\   \n      priority 100 \\\n   advert_int 1\nvrrp_instance A {\n$BODY\n}\n";
    expect(fmt(input)).toBe(
      lines(
        "$ADDR=10.0.0.1/24",
        "",
        "$BODY=state MASTER \\",
        "      priority 100 \\",
        "   advert_int 1",
        "vrrp_instance A {",
        "    $BODY",
        "}",
      ),
    );
  });

  test("~SEQ lines stay whole, parameters untouched", () => {
    expect(fmt("~SEQ(i, 1, 3)   vrrp_script s$i { script /bin/c$i }\n")).toBe(lines("~SEQ(i, 1, 3) vrrp_script s$i { script /bin/c$i }"));
  });

  test("include lines are indented like statements", () => {
    expect(fmt("global_defs {\ninclude   /etc/keepalived/*.conf\n}\n")).toBe(
      lines("global_defs {", "    include /etc/keepalived/*.conf", "}"),
    );
  });

  test("a parameter just before a brace keeps its line whole (keepalived substitutes by line position)", () => {
    expect(fmt("virtual_server $VIP{ lb_algo rr }\n")).toBe(lines("virtual_server $VIP{ lb_algo rr }"));
  });

  test("no brace is pulled onto a line ending in a parameter", () => {
    expect(fmt("virtual_server $VS\n{\nlb_algo rr\n}\n")).toBe(lines("virtual_server $VS", "{", "    lb_algo rr", "}"));
  });

  test("a definition-like word after a brace does not become a definition", () => {
    expect(fmt("global_defs { $X=1 }\n")).toBe(lines("global_defs { $X=1 }"));
  });
});

describe("line breaks", () => {
  test("CRLF files stay CRLF", () => {
    expect(fmt("global_defs {\r\nrouter_id a\r\n\r\n\r\n}\r\n")).toBe("global_defs {\r\n    router_id a\r\n\r\n}\r\n");
  });

  test("a file takes the line break of its first line throughout", () => {
    expect(fmt("a 1\nb 2\r\n")).toBe("a 1\nb 2\n");
  });

  test("continuation lines of a CRLF definition stay CRLF", () => {
    expect(fmt("$X=a \\\r\n  b\r\nc $X\r\n")).toBe("$X=a \\\r\n  b\r\nc $X\r\n");
  });
});

describe("refusals", () => {
  function refused(text: string) {
    const r = formatDocument(text, "k.conf");
    if (r.ok) throw new Error(`formatted a broken file:\n${r.text}`);
    return r.diagnostics;
  }

  test("an unclosed block is refused with a syntax error at its keyword", () => {
    const d = refused("global_defs {\n router_id a\n");
    expect(d).toContainEqual(expect.objectContaining({ code: "syntax-error", severity: "error", start: 0 }));
    expect(d[0]!.file.path).toBe("k.conf");
  });

  test("a stray closing brace is refused", () => {
    expect(refused("a 1\n}\n")).toContainEqual(expect.objectContaining({ code: "syntax-error", start: 4 }));
  });

  test("an unterminated quote is refused", () => {
    expect(refused('notify "/bin/x\n').map((d) => d.code)).toContain("syntax-error");
  });

  test("a line that indenting would push past keepalived's 1023 bytes is refused", () => {
    const long = `vrrp_instance A {\nnotify ${"x".repeat(1016)}\n}\n`;
    expect(refused(long)).toContainEqual(expect.objectContaining({ code: "line-too-long", start: 18 }));
  });

  test.each(["\u00a0", "\ufeff"])("a character the reader takes for a blank (%j) is never dropped", (c) => {
    const r = formatDocument(`router_id a ${c}b\n`);
    if (r.ok) expect(r.text).toContain(c);
    else expect(r.diagnostics[0]!.start).toBe(12);
  });
});
