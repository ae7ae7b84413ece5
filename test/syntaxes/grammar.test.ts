// The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + oniguruma).
// Each fixture's tokens are snapshotted with their scopes, and the scopes that matter most are
// asserted directly, so a grammar change that colours a word differently fails here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { loadWASM, OnigScanner, OnigString } from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from "vscode-textmate";
import { renderGrammar } from "../../scripts/gen-tmgrammar.js";

const GRAMMAR = "syntaxes/keepalived.tmLanguage.json";
const FIXTURES = "test/syntaxes/fixtures";

interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: IGrammar;

beforeAll(async () => {
  await loadWASM({ data: readFileSync("node_modules/vscode-oniguruma/release/onig.wasm") });
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new OnigScanner(sources),
      createOnigString: (s: string) => new OnigString(s),
    }),
    loadGrammar: async (scope) => (scope === "source.keepalived" ? parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR) : null),
  });
  const loaded = await registry.loadGrammar("source.keepalived");
  if (!loaded) throw new Error("grammar did not load");
  grammar = loaded;
});

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state = INITIAL;
  text.split("\n").forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      // Blanks carry no colour worth checking; drop them and the root scope for readability.
      if (piece.trim() === "") continue;
      tokens.push({ line: i + 1, text: piece, scopes: t.scopes.filter((s) => s !== "source.keepalived") });
    }
    state = r.ruleStack;
  });
  return tokens;
}

/** One line per token: `3 | "router_id" keyword.other.keepalived`. */
function render(tokens: readonly Token[]): string {
  return tokens.map((t) => `${t.line} | ${JSON.stringify(t.text)} ${t.scopes.join(" ") || "-"}`).join("\n");
}

/** The innermost scope of the first token reading `text` (blanks aside) on line `line`, or on any line. */
function scopeOf(tokens: readonly Token[], text: string, line?: number): string | undefined {
  const t = tokens.find((x) => x.text.trim() === text && (line === undefined || x.line === line));
  return t ? (t.scopes.at(-1) ?? "-") : undefined;
}

/** Each fixture tokenized once (after the grammar loaded), however many tests read it. */
const tokenized = new Map<string, Token[]>();
function fixture(name: string): Token[] {
  let tokens = tokenized.get(name);
  if (!tokens) tokenized.set(name, (tokens = tokenize(readFileSync(join(FIXTURES, name), "utf8"))));
  return tokens;
}

/** `[text, line or undefined for any line, innermost scope]`; see scopeOf. */
type Scoped = readonly [text: string, line: number | undefined, scope: string];

/** Every row's text has the row's innermost scope in the fixture. */
function expectScopes(name: string, rows: readonly Scoped[]): void {
  const tokens = fixture(name);
  for (const [text, line, scope] of rows)
    expect(scopeOf(tokens, text, line), `${JSON.stringify(text)}${line ? ` on line ${line}` : ""}`).toBe(scope);
}

test("the committed grammar is the one the schema generates", () => {
  expect(readFileSync(GRAMMAR, "utf8"), "run: node scripts/gen-tmgrammar.mjs").toBe(renderGrammar());
});

describe.each(readdirSync(FIXTURES).filter((f) => f.endsWith(".conf")))("%s", (name) => {
  test("tokens and scopes match the snapshot", async () => {
    await expect(render(fixture(name))).toMatchFileSnapshot(`__snapshots__/${name}.tokens`);
  });
});

describe("vrrp.conf", () => {
  test("comments with ! and #", () => {
    expect(fixture("vrrp.conf")[0]!.scopes).toContain("comment.line.exclamation.keepalived");
    expectScopes("vrrp.conf", [["unique per node", 3, "comment.line.number-sign.keepalived"]]);
  });
  test("blocks, their names, and keywords", () => {
    expectScopes("vrrp.conf", [
      ["global_defs", undefined, "storage.type.block.keepalived"],
      ["vrrp_instance", undefined, "storage.type.block.keepalived"],
      ["VI_1", undefined, "entity.name.section.keepalived"],
      ["chk_haproxy", 8, "entity.name.section.keepalived"],
      ["router_id", undefined, "keyword.other.keepalived"],
      ["nopreempt", undefined, "keyword.other.keepalived"],
    ]);
  });
  test("keywords after a brace on the same line; values are not keywords", () => {
    expectScopes("vrrp.conf", [
      ["auth_type", undefined, "keyword.other.keepalived"],
      // keepalived splits a line at its first brace only: here auth_pass is an argument of auth_type.
      ["auth_pass s3cret", 21, "-"],
      // `weight` inside a track_script entry is an option of the entry, not a statement.
      ["chk_haproxy weight", 28, "-"],
      ["weight", 11, "keyword.other.keepalived"],
    ]);
  });
  test("enums, numbers, booleans", () => {
    expectScopes("vrrp.conf", [
      ["MASTER", undefined, "constant.language.keepalived"],
      ["PASS", undefined, "constant.language.keepalived"],
      ["51", undefined, "constant.numeric.keepalived"],
      ["2.5", undefined, "constant.numeric.keepalived"],
      ["-20", undefined, "constant.numeric.keepalived"],
      ["true", undefined, "constant.language.boolean.keepalived"],
      // Digits inside names stay part of the name.
      ["eth0", 16, "-"],
      ["vrrp.51", undefined, "-"],
    ]);
  });
  test("addresses with prefixes and zones", () => {
    expectScopes("vrrp.conf", [
      ["10.0.0.100/24", undefined, "constant.numeric.address.ipv4.keepalived"],
      ["2001:db8::100/64", undefined, "constant.numeric.address.ipv6.keepalived"],
      ["fe80::1%eth0", undefined, "constant.numeric.address.ipv6.keepalived"],
      ["dev eth0 label eth0:vip", undefined, "-"],
    ]);
  });
  test("a backslash does not escape a quote: the string ends there and the last quote runs to the end", () => {
    const line = fixture("vrrp.conf").filter((x) => x.line === 30);
    expect(line.find((x) => x.text === "/etc/keepalived/master.sh \\")?.scopes).toContain("string.quoted.double.keepalived");
    expect(line.at(-1)!.scopes).toContain("string.quoted.double.keepalived");
    expectScopes("vrrp.conf", [["smtp_alert", 31, "keyword.other.keepalived"]]);
  });
});

describe("lvs.conf", () => {
  test("virtual server addresses, ranges and ports", () => {
    expectScopes("lvs.conf", [
      ["virtual_server", undefined, "storage.type.block.keepalived"],
      ["192.168.1.200", undefined, "constant.numeric.address.ipv4.keepalived"],
      ["8080", undefined, "constant.numeric.keepalived"],
      ["192.168.10.10-20", undefined, "constant.numeric.address.ipv4.keepalived"],
      ["2001:db8::11", undefined, "constant.numeric.address.ipv6.keepalived"],
    ]);
  });
  test("LVS enums, checkers, deprecated and removed keywords", () => {
    expectScopes("lvs.conf", [
      ["DR", undefined, "constant.language.keepalived"],
      ["wrr", undefined, "constant.language.keepalived"],
      ["TCP", undefined, "constant.language.keepalived"],
      ["TCP_CHECK", undefined, "storage.type.block.keepalived"],
      ["real_server", undefined, "storage.type.block.keepalived"],
      ["nb_get_retry", undefined, "keyword.other.keepalived"],
      ["nat_mask", undefined, "invalid.deprecated.removed.keepalived"],
      ["WEB", undefined, "entity.name.section.keepalived"],
    ]);
  });
});

describe("preprocessor.conf", () => {
  test("definitions, including multi-line ones", () => {
    expectScopes("preprocessor.conf", [
      ["PRIO", 1, "variable.other.definition.keepalived"],
      ["=", 1, "keyword.operator.assignment.keepalived"],
      ["the uplink", 2, "comment.line.number-sign.keepalived"],
      ["\\", 3, "punctuation.separator.continuation.keepalived"],
    ]);
    const continued = fixture("preprocessor.conf").find((x) => x.line === 4)!;
    expect(continued.text).toBe("10.0.0.3");
    expect(continued.scopes).toEqual(["meta.definition.variable.keepalived", "constant.numeric.address.ipv4.keepalived"]);
  });
  test("conditional lines", () => {
    expectScopes("preprocessor.conf", [
      ["@", 5, "keyword.control.conditional.keepalived"],
      ["lb1", 5, "constant.other.config-id.keepalived"],
      ["PRIO", 5, "variable.other.definition.keepalived"],
      ["@^", 6, "keyword.control.conditional.keepalived"],
      ["priority", 6, "keyword.other.keepalived"],
      ["@", 14, "keyword.control.conditional.keepalived"],
    ]);
  });
  test("variables, built-ins and their parameters", () => {
    expectScopes("preprocessor.conf", [
      ["PRIO", 6, "variable.other.keepalived"],
      ["IFACE", 10, "variable.other.keepalived"],
      ["_RANDOM", 14, "variable.language.keepalived"],
      ["1 9", 14, "variable.parameter.keepalived"],
      ["_PWD", 19, "variable.language.keepalived"],
      // `VI_$N`: what follows $N decides whether it is replaced, so it is a variable inside the name.
      ["VI_", 9, "entity.name.section.keepalived"],
      ["N", 9, "variable.other.keepalived"],
    ]);
  });
  test("include lines", () => {
    expectScopes("preprocessor.conf", [
      ["include", 7, "keyword.control.import.keepalived"],
      ["/etc/keepalived/conf.d/*.conf", 7, "string.unquoted.path.keepalived"],
      ["includew", 8, "keyword.control.import.keepalived"],
      // `$NAME.conf`: a $NAME followed by a dot is not replaced, so it stays plain string text.
      ["vrrp $NAME.conf", 8, "string.quoted.double.keepalived"],
    ]);
  });
  test("~SEQ and ~LST before a statement", () => {
    expectScopes("preprocessor.conf", [
      ["~SEQ", 11, "keyword.control.loop.keepalived"],
      ["i", 11, "variable.other.definition.keepalived"],
      ["track_interface", 11, "storage.type.block.keepalived"],
      ["~LST", 12, "keyword.control.loop.keepalived"],
      ["unicast_peer", 12, "storage.type.block.keepalived"],
      ["~SEQx", 15, "keyword.control.loop.keepalived"],
      ["0x10", 15, "constant.numeric.keepalived"],
    ]);
  });
  test("escaped comment characters and kalint directives", () => {
    expectScopes("preprocessor.conf", [
      ["\\#", 17, "constant.character.escape.keepalived"],
      ["!", 17, "punctuation.definition.comment.keepalived"],
      ["disable", 18, "keyword.other.directive.kalint.keepalived"],
      ["priority-tie", 18, "constant.other.rule-code.keepalived"],
    ]);
  });
});
