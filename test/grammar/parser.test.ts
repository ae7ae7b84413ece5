import { describe, expect, test } from "vitest";
import { MAX_LINE_BYTES, spanText, type Block, type Statement } from "../../grammar/index.js";
import { located, parseText, shapes } from "./helpers.js";

describe("blocks and braces", () => {
  const expected = [
    {
      "vrrp_instance VI_1": [
        ["state", "MASTER"],
        ["priority", "100"],
      ],
    },
  ];

  test.each([
    ["brace on the keyword line", "vrrp_instance VI_1 {\n state MASTER\n priority 100\n}\n"],
    ["brace on its own line after blank lines", "vrrp_instance VI_1\n\n{\n state MASTER\n priority 100\n}\n"],
    ["braces glued to words", "vrrp_instance VI_1{\n state MASTER\n priority 100}\n"],
    ["a whole block on one line", "vrrp_instance VI_1 { state MASTER\npriority 100 }"],
  ])("%s", (_, text) => {
    const file = parseText(text);
    expect(shapes(file)).toEqual(expected);
    expect(file.diagnostics).toEqual([]);
  });

  test("several braces on one line close several blocks", () => {
    const file = parseText("a {\n b {\n c {\n d 1\n} } }\ne 2\n");
    expect(shapes(file)).toEqual([{ a: [{ b: [{ c: [["d", "1"]] }] }] }, ["e", "2"]]);
    expect(file.diagnostics).toEqual([]);
  });

  test("a block records its keyword, arguments and both braces", () => {
    const text = "virtual_server 10.0.0.1 80 {\n delay_loop 6\n}\n";
    const block = parseText(text).children[0] as Block;
    expect(block.kind).toBe("block");
    expect([block.keyword.raw, ...block.args.map((a) => a.raw)]).toEqual(["virtual_server", "10.0.0.1", "80"]);
    expect(spanText(block.open)).toBe("{");
    expect(block.open.start).toBe(text.indexOf("{"));
    expect(block.close?.start).toBe(text.lastIndexOf("}"));
    expect(spanText(block)).toBe(text.trimEnd());
  });

  test("a brace with no keyword before it is an anonymous block", () => {
    expect(shapes(parseText("{\n a 1\n}\n"))).toEqual([{ "{}": [["a", "1"]] }]);
  });
});

describe("keyword blocks and value blocks", () => {
  test("lines of virtual_ipaddress are values, not keywords", () => {
    const file = parseText("vrrp_instance V {\n virtual_ipaddress {\n  10.0.0.1/24 dev eth0\n  10.0.0.2\n }\n state BACKUP\n}\n");
    expect(shapes(file)).toEqual([
      {
        "vrrp_instance V": [
          { virtual_ipaddress: [{ value: ["10.0.0.1/24", "dev", "eth0"] }, { value: ["10.0.0.2"] }] },
          ["state", "BACKUP"],
        ],
      },
    ]);
    const vip = (file.children[0] as Block).children[0] as Block;
    expect(vip.valueBlock).toBe(true);
    expect((file.children[0] as Block).valueBlock).toBe(false);
  });

  test("value blocks depend on the enclosing block: group is data in a sync group only", () => {
    const file = parseText("vrrp_sync_group G {\n group {\n  VI_1 VI_2\n }\n}\nvirtual_server_group VSG {\n 10.0.0.1 80\n}\n");
    expect(shapes(file)).toEqual([
      { "vrrp_sync_group G": [{ group: [{ value: ["VI_1", "VI_2"] }] }] },
      { "virtual_server_group VSG": [{ value: ["10.0.0.1", "80"] }] },
    ]);
  });

  test("unicast_peer, track_script and notification_email are value blocks", () => {
    const file = parseText(
      "global_defs {\n notification_email {\n  a@b.c\n }\n}\nvrrp_instance V {\n unicast_peer {\n  10.0.0.2\n }\n track_script {\n  chk weight 10\n }\n}\n",
    );
    const valueBlocks = file.children
      .flatMap((n) => (n.kind === "block" ? n.children : []))
      .filter((n): n is Block => n.kind === "block" && n.valueBlock);
    expect(valueBlocks.map((b) => b.keyword.text)).toEqual(["notification_email", "unicast_peer", "track_script"]);
  });

  test("words of a statement keep raw and unquoted text with exact ranges", () => {
    const text = 'vrrp_script chk {\n\tscript "/bin/check --flag"\n}\n';
    const stmt = (parseText(text).children[0] as Block).children[0] as Statement;
    const arg = stmt.args[0]!;
    expect([arg.raw, arg.text, arg.quoted]).toEqual(['"/bin/check --flag"', "/bin/check --flag", true]);
    expect(text.slice(arg.start, arg.end)).toBe(arg.raw);
    expect(text.slice(stmt.keyword.start, stmt.keyword.end)).toBe("script");
  });

  test("\\# in a bare word is a literal # in its text", () => {
    const stmt = parseText("auth_pass ab\\#cd\n").children[0] as Statement;
    expect([stmt.args[0]!.raw, stmt.args[0]!.text]).toEqual(["ab\\#cd", "ab#cd"]);
  });

  test("include lines are include nodes with their pattern", () => {
    expect(parseText("include conf.d/*.conf\n").children[0]).toMatchObject({ kind: "include", pattern: { text: "conf.d/*.conf" } });
  });
});

describe("line endings, BOM, tabs and line length", () => {
  test("CRLF files give the same tree as LF files, ranges excluding the CR", () => {
    const lf = "global_defs {\n\trouter_id r1\n}\n";
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(shapes(parseText(crlf))).toEqual(shapes(parseText(lf)));
    const stmt = (parseText(crlf).children[0] as Block).children[0] as Statement;
    expect(spanText(stmt)).toBe("router_id r1");
  });

  test("a BOM is reported and the first keyword is still read", () => {
    const file = parseText("\ufeffglobal_defs {\n}\n");
    expect(shapes(file)).toEqual([{ global_defs: [] }]);
    expect(file.diagnostics.map(located)).toEqual([
      { code: "syntax-error", file: "/etc/keepalived/keepalived.conf", line: 1, column: 1, text: "\ufeff" },
    ]);
  });

  test("tabs separate words like spaces", () => {
    expect(shapes(parseText("\tpriority\t\t100\t\n"))).toEqual([["priority", "100"]]);
  });

  test(`a line of ${MAX_LINE_BYTES} bytes is fine, one more byte is line-too-long`, () => {
    const fits = `router_id ${"x".repeat(MAX_LINE_BYTES - 10)}`;
    expect(Buffer.byteLength(fits)).toBe(MAX_LINE_BYTES);
    expect(parseText(`${fits}\n`).diagnostics).toEqual([]);
    const file = parseText(`a 1\n${fits}y\nb 2\n`);
    expect(file.diagnostics.map(located)).toEqual([expect.objectContaining({ code: "line-too-long", line: 2, column: 1 })]);
  });

  test("the line limit counts UTF-8 bytes, not characters", () => {
    const line = `x ${"é".repeat(511)}`; // 2 + 1022 bytes, 513 characters
    expect(parseText(line).diagnostics.map((d) => d.code)).toEqual(["line-too-long"]);
  });
});
