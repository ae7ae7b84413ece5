/** What output may show of the input (server/src/analysis/disclosure.ts). */
import { describe, expect, test } from "vitest";
import { preprocess, SourceText, type Diagnostic, type Substitution } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { foreignFiles, isConfidential, printable, protect, scrubText } from "../../server/src/analysis/disclosure.js";
import { memoryHost } from "../support/memory-host.js";

const ROOT = "/etc/keepalived/keepalived.conf";
const secret = (value: string, name = "TOKEN"): Substitution => ({
  value,
  label: `the value of environment variable ${name}`,
  secret: true,
});
const defined = (value: string, name = "VIP"): Substitution => ({ value, label: `the value of $${name}`, secret: false });

describe("scrubText", () => {
  test("an environment value is never shown, nor a long piece of it; a $NAME value only with redaction", () => {
    const subs = [secret("ghp_4f9Qx7TkLm2Zp8Rv"), defined("192.0.2.10")];
    expect(scrubText("auth_pass 'ghp_4f9Qx7TkLm2Zp8Rv' is long; keepalived keeps 'ghp_4f9Q'", subs)).toBe(
      "auth_pass 'the value of environment variable TOKEN' is long; keepalived keeps 'the value of environment variable TOKEN'",
    );
    expect(scrubText("address 192.0.2.10 twice", subs)).toBe("address 192.0.2.10 twice");
    expect(scrubText("address 192.0.2.10 twice", subs, { redact: true })).toBe("address the value of $VIP twice");
  });

  test("a short value is replaced only where it stands alone", () => {
    expect(scrubText("priority 100, weight 10", [defined("10", "W")], { redact: true })).toBe("priority 100, weight the value of $W");
  });
});

describe("printable", () => {
  test("control characters, bidirectional controls and lone surrogates are escaped; long excerpts cut", () => {
    expect(printable("unknown keyword '\u001b[31mx\u202e\ud800' here")).toBe("unknown keyword '\\x1b[31mx\\u202e\\ud800' here");
    expect(printable("tab\tand\nline")).toBe("tab\\tand\\nline");
    const long = `unknown keyword '${"a".repeat(300)}' in global_defs`;
    expect(printable(long)).toBe(`unknown keyword '${"a".repeat(60)}…' in global_defs`);
    expect(printable("an emoji 😀 stays")).toBe("an emoji 😀 stays");
  });

  test("a word over 512 characters outside quotes is cut; one of 512 is not", () => {
    const word = "b".repeat(600);
    expect(printable(`cannot read ${word}`)).toBe(`cannot read ${"b".repeat(511)}…`);
    expect(printable(word)).toBe(`${"b".repeat(511)}…`);
    const fits = "c".repeat(512);
    expect(printable(`path ${fits} here`)).toBe(`path ${fits} here`);
  });
});

describe("protect", () => {
  const file = new SourceText("/x.conf", "auth_pass x\n");
  test("a fix that would write a hidden value is dropped; the message keeps its place", () => {
    const d: Diagnostic = {
      file,
      start: 0,
      end: 9,
      code: "c",
      severity: "error",
      message: "use s3cr3t-value here",
      fix: { description: "replace", edits: [{ file, start: 0, end: 9, newText: "s3cr3t-value" }], safe: true },
    };
    const p = protect(d, [secret("s3cr3t-value")]);
    expect(p.message).toBe("use the value of environment variable TOKEN here");
    expect(p.fix).toBeUndefined();
    expect(protect({ ...d, message: "plain" }, [])).toEqual({ ...d, message: "plain" });
  });
});

describe("foreign files", () => {
  test("an included file with no keepalived line in it is reported once, at the include, and never quoted", () => {
    const host = memoryHost({
      [ROOT]: "include /etc/shadow\nvrrp_instance V {\n    virtual_ipaddress {\n        include /srv/vips\n    }\n}\n",
      "/etc/shadow": "root:$6$abcdefgh$hash:19700:0:99999:7:::\n",
      "/srv/vips": "192.0.2.1/24\n192.0.2.2/24\n",
    });
    const a = analyze(ROOT, { host });
    const foreign = a.diagnostics.filter((d) => d.code === "not-keepalived-config");
    expect(foreign).toHaveLength(1);
    expect(foreign[0]!.file.path).toBe(ROOT);
    expect(foreign[0]!.message).toContain("/etc/shadow does not look like keepalived configuration");
    expect(a.diagnostics.some((d) => d.file.path === "/etc/shadow")).toBe(false);
    expect(JSON.stringify(a.diagnostics.map((d) => d.message))).not.toContain("$6$");
    // A list of addresses included into a value block is configuration.
    expect(foreignFiles(a.config, a.diagnostics).size).toBe(1);
    expect(isConfidential(a.config.files.find((f) => f.path === "/etc/shadow")!)).toBe(true);
  });

  test("a checked file that is not configuration gets one finding and no context; an editor buffer is exempt", () => {
    const host = memoryHost({ [ROOT]: "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n" });
    const a = analyze(ROOT, { host });
    expect(a.diagnostics.map((d) => [d.code, d.start])).toEqual([["not-keepalived-config", 0]]);
    expect(isConfidential(a.config.root)).toBe(true);
    const editor = analyze(ROOT, { host, rootShown: true });
    expect(editor.diagnostics.map((d) => d.code)).toContain("unknown-keyword");
  });

  test("preprocessing records substituted values, those of the environment as secrets", () => {
    const config = preprocess(ROOT, {
      host: memoryHost({ [ROOT]: "$P=pw-from-def\nauth_pass ${_ENV PASS}\nauth_pass $P\n" }),
      env: (n) => (n === "PASS" ? "pw-from-env" : undefined),
    });
    expect(config.substituted).toEqual([
      { value: "pw-from-env", label: "the value of environment variable PASS", secret: true },
      { value: "pw-from-def", label: "the value of $P", secret: false },
    ]);
  });
});

test("kalint's own apostrophes are no quotes: a long message keeps its words", () => {
  const message =
    "virtual_router_id 52 differs from its peer's 51 (examples/lvs-dr-broken/master.conf:11); the nodes ignore each other's adverts and both become master";
  expect(printable(message)).toBe(message);
  expect(printable(`a path ${"/d".repeat(200)} stays whole`)).toBe(`a path ${"/d".repeat(200)} stays whole`);
});
