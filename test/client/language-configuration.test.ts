// The editing rules in client/language-configuration.json, on keepalived lines.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const config = JSON.parse(readFileSync("client/language-configuration.json", "utf8")) as {
  comments: { lineComment: string };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  wordPattern: string;
  autoClosingPairs: { open: string; close: string }[];
};
const increase = new RegExp(config.indentationRules.increaseIndentPattern);
const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);

describe("indentation", () => {
  test("a line that opens a block indents the next one", () => {
    expect(increase.test("vrrp_instance VI_1 {")).toBe(true);
    expect(increase.test("    real_server 10.0.0.1 80 {   # web1")).toBe(true);
    expect(increase.test('    notify "/bin/echo {" {')).toBe(true);
  });
  test("a block opened and closed on one line, or a brace in a comment or a string, does not", () => {
    expect(increase.test("    authentication { auth_type PASS }")).toBe(false);
    expect(increase.test("    priority 100   # see { below")).toBe(false);
    expect(increase.test('    notify "/bin/echo {"')).toBe(false);
  });
  test("a closing brace outdents", () => {
    expect(decrease.test("    }")).toBe(true);
    expect(decrease.test("    priority 100")).toBe(false);
  });
});

test("# comments, closing braces and quotes; addresses and ${NAME} parts of one word", () => {
  expect(config.comments.lineComment).toBe("#");
  expect(config.autoClosingPairs.map((p) => p.open + p.close)).toEqual(expect.arrayContaining(["{}", '""']));
  const words = "virtual_ipaddress { 2001:db8::1/64 ${NET}.1 }".match(new RegExp(config.wordPattern, "g"));
  expect(words).toEqual(["virtual_ipaddress", "2001:db8::1/64", "${NET}.1"]);
});
