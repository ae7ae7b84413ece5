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

const fixture = (name: string) => tokenize(readFileSync(join(FIXTURES, name), "utf8"));

test("the committed grammar is the one the schema generates", () => {
  expect(readFileSync(GRAMMAR, "utf8"), "run: node scripts/gen-tmgrammar.mjs").toBe(renderGrammar());
});

describe.each(readdirSync(FIXTURES).filter((f) => f.endsWith(".conf")))("%s", (name) => {
  test("tokens and scopes match the snapshot", async () => {
    await expect(render(fixture(name))).toMatchFileSnapshot(`__snapshots__/${name}.tokens`);
  });
});

describe("vrrp.conf", () => {
  const t = () => fixture("vrrp.conf");
  test("comments with ! and #", () => {
    expect(t()[0]!.scopes).toContain("comment.line.exclamation.keepalived");
    expect(scopeOf(t(), "unique per node", 3)).toBe("comment.line.number-sign.keepalived");
  });
  test("blocks, their names, and keywords", () => {
    expect(scopeOf(t(), "global_defs")).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "vrrp_instance")).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "VI_1")).toBe("entity.name.section.keepalived");
    expect(scopeOf(t(), "chk_haproxy", 8)).toBe("entity.name.section.keepalived");
    expect(scopeOf(t(), "router_id")).toBe("keyword.other.keepalived");
    expect(scopeOf(t(), "nopreempt")).toBe("keyword.other.keepalived");
  });
  test("keywords after a brace on the same line; values are not keywords", () => {
    expect(scopeOf(t(), "auth_type")).toBe("keyword.other.keepalived");
    // keepalived splits a line at its first brace only: here auth_pass is an argument of auth_type.
    expect(scopeOf(t(), "auth_pass s3cret", 21)).toBe("-");
    // `weight` inside a track_script entry is an option of the entry, not a statement.
    expect(scopeOf(t(), "chk_haproxy weight", 28)).toBe("-");
    expect(scopeOf(t(), "weight", 11)).toBe("keyword.other.keepalived");
  });
  test("enums, numbers, booleans", () => {
    expect(scopeOf(t(), "MASTER")).toBe("constant.language.keepalived");
    expect(scopeOf(t(), "PASS")).toBe("constant.language.keepalived");
    expect(scopeOf(t(), "51")).toBe("constant.numeric.keepalived");
    expect(scopeOf(t(), "2.5")).toBe("constant.numeric.keepalived");
    expect(scopeOf(t(), "-20")).toBe("constant.numeric.keepalived");
    expect(scopeOf(t(), "true")).toBe("constant.language.boolean.keepalived");
    // Digits inside names stay part of the name.
    expect(scopeOf(t(), "eth0", 16)).toBe("-");
    expect(scopeOf(t(), "vrrp.51")).toBe("-");
  });
  test("addresses with prefixes and zones", () => {
    expect(scopeOf(t(), "10.0.0.100/24")).toBe("constant.numeric.address.ipv4.keepalived");
    expect(scopeOf(t(), "2001:db8::100/64")).toBe("constant.numeric.address.ipv6.keepalived");
    expect(scopeOf(t(), "fe80::1%eth0")).toBe("constant.numeric.address.ipv6.keepalived");
    expect(scopeOf(t(), "dev eth0 label eth0:vip")).toBe("-");
  });
  test("a backslash does not escape a quote: the string ends there and the last quote runs to the end", () => {
    const line = t().filter((x) => x.line === 30);
    expect(line.find((x) => x.text === "/etc/keepalived/master.sh \\")?.scopes).toContain("string.quoted.double.keepalived");
    expect(line.at(-1)!.scopes).toContain("string.quoted.double.keepalived");
    expect(scopeOf(t(), "smtp_alert", 31)).toBe("keyword.other.keepalived");
  });
});

describe("lvs.conf", () => {
  const t = () => fixture("lvs.conf");
  test("virtual server addresses, ranges and ports", () => {
    expect(scopeOf(t(), "virtual_server")).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "192.168.1.200")).toBe("constant.numeric.address.ipv4.keepalived");
    expect(scopeOf(t(), "8080")).toBe("constant.numeric.keepalived");
    expect(scopeOf(t(), "192.168.10.10-20")).toBe("constant.numeric.address.ipv4.keepalived");
    expect(scopeOf(t(), "2001:db8::11")).toBe("constant.numeric.address.ipv6.keepalived");
  });
  test("LVS enums, checkers, deprecated and removed keywords", () => {
    expect(scopeOf(t(), "DR")).toBe("constant.language.keepalived");
    expect(scopeOf(t(), "wrr")).toBe("constant.language.keepalived");
    expect(scopeOf(t(), "TCP")).toBe("constant.language.keepalived");
    expect(scopeOf(t(), "TCP_CHECK")).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "real_server")).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "nb_get_retry")).toBe("keyword.other.keepalived");
    expect(scopeOf(t(), "nat_mask")).toBe("invalid.deprecated.removed.keepalived");
    expect(scopeOf(t(), "WEB")).toBe("entity.name.section.keepalived");
  });
});

describe("preprocessor.conf", () => {
  const t = () => fixture("preprocessor.conf");
  test("definitions, including multi-line ones", () => {
    expect(scopeOf(t(), "PRIO", 1)).toBe("variable.other.definition.keepalived");
    expect(scopeOf(t(), "=", 1)).toBe("keyword.operator.assignment.keepalived");
    expect(scopeOf(t(), "the uplink", 2)).toBe("comment.line.number-sign.keepalived");
    expect(scopeOf(t(), "\\", 3)).toBe("punctuation.separator.continuation.keepalived");
    const continued = t().find((x) => x.line === 4)!;
    expect(continued.text).toBe("10.0.0.3");
    expect(continued.scopes).toEqual(["meta.definition.variable.keepalived", "constant.numeric.address.ipv4.keepalived"]);
  });
  test("conditional lines", () => {
    expect(scopeOf(t(), "@", 5)).toBe("keyword.control.conditional.keepalived");
    expect(scopeOf(t(), "lb1", 5)).toBe("constant.other.config-id.keepalived");
    expect(scopeOf(t(), "PRIO", 5)).toBe("variable.other.definition.keepalived");
    expect(scopeOf(t(), "@^", 6)).toBe("keyword.control.conditional.keepalived");
    expect(scopeOf(t(), "priority", 6)).toBe("keyword.other.keepalived");
    expect(scopeOf(t(), "@", 14)).toBe("keyword.control.conditional.keepalived");
  });
  test("variables, built-ins and their parameters", () => {
    expect(scopeOf(t(), "PRIO", 6)).toBe("variable.other.keepalived");
    expect(scopeOf(t(), "IFACE", 10)).toBe("variable.other.keepalived");
    expect(scopeOf(t(), "_RANDOM", 14)).toBe("variable.language.keepalived");
    expect(scopeOf(t(), "1 9", 14)).toBe("variable.parameter.keepalived");
    expect(scopeOf(t(), "_PWD", 19)).toBe("variable.language.keepalived");
    // `VI_$N`: what follows $N decides whether it is replaced, so it is a variable inside the name.
    expect(scopeOf(t(), "VI_", 9)).toBe("entity.name.section.keepalived");
    expect(scopeOf(t(), "N", 9)).toBe("variable.other.keepalived");
  });
  test("include lines", () => {
    expect(scopeOf(t(), "include", 7)).toBe("keyword.control.import.keepalived");
    expect(scopeOf(t(), "/etc/keepalived/conf.d/*.conf", 7)).toBe("string.unquoted.path.keepalived");
    expect(scopeOf(t(), "includew", 8)).toBe("keyword.control.import.keepalived");
    // `$NAME.conf`: a $NAME followed by a dot is not replaced, so it stays plain string text.
    expect(scopeOf(t(), "vrrp $NAME.conf", 8)).toBe("string.quoted.double.keepalived");
  });
  test("~SEQ and ~LST before a statement", () => {
    expect(scopeOf(t(), "~SEQ", 11)).toBe("keyword.control.loop.keepalived");
    expect(scopeOf(t(), "i", 11)).toBe("variable.other.definition.keepalived");
    expect(scopeOf(t(), "track_interface", 11)).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "~LST", 12)).toBe("keyword.control.loop.keepalived");
    expect(scopeOf(t(), "unicast_peer", 12)).toBe("storage.type.block.keepalived");
    expect(scopeOf(t(), "~SEQx", 15)).toBe("keyword.control.loop.keepalived");
    expect(scopeOf(t(), "0x10", 15)).toBe("constant.numeric.keepalived");
  });
  test("escaped comment characters and kalint directives", () => {
    expect(scopeOf(t(), "\\#", 17)).toBe("constant.character.escape.keepalived");
    expect(scopeOf(t(), "!", 17)).toBe("punctuation.definition.comment.keepalived");
    expect(scopeOf(t(), "disable", 18)).toBe("keyword.other.directive.kalint.keepalived");
    expect(scopeOf(t(), "priority-tie", 18)).toBe("constant.other.rule-code.keepalived");
  });
});
