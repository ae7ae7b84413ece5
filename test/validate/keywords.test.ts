/** Known keywords: version, deprecation, repetition, arguments and block shape. */
import { describe, expect, test } from "vitest";
import { findings, validate } from "./helpers.js";

const instance = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}\n}\n`;
const realServer = (checker: string) => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n${checker}\n  }\n}\n`;

describe("versions", () => {
  test("a keyword newer than the target version is keyword-too-new", () => {
    const text = instance("  no_virtual_ipaddress");
    expect(findings(text, [2, 2, 7])).toContainEqual(
      expect.objectContaining({ code: "keyword-too-new", severity: "error", word: "no_virtual_ipaddress" }),
    );
    expect(findings(text, [2, 2, 8]).filter((f) => f.code === "keyword-too-new")).toEqual([]);
  });

  test("and so is a whole block, once", () => {
    const text = instance("  auth_hmac {\n    mode enforce\n  }");
    const tooNew = findings(text, [2, 3, 0]).filter((f) => f.code === "keyword-too-new");
    expect(tooNew.map((f) => f.word)).toContain("auth_hmac");
  });
});

describe("deprecated-keyword", () => {
  test("warns and offers a safe rename to the replacement", () => {
    const text = realServer("    HTTP_GET {\n      url {\n        path /\n      }\n      nb_get_retry 3\n    }");
    const found = findings(text).filter((f) => f.code === "deprecated-keyword");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", word: "nb_get_retry" })]);
    expect(found[0]!.message).toContain("retry");
  });

  test("the fix edits the keyword only", async () => {
    const { validate } = await import("./helpers.js");
    const text = realServer("    HTTP_GET {\n      nb_get_retry 3\n    }");
    const d = validate(text).find((x) => x.code === "deprecated-keyword")!;
    expect(d.fix).toMatchObject({ safe: true, edits: [{ newText: "retry" }] });
    const edit = d.fix!.edits[0]!;
    expect(text.slice(edit.start, edit.end)).toBe("nb_get_retry");
  });
});

describe("arguments", () => {
  test("out-of-range numbers", () => {
    expect(findings(instance("  priority 256"))).toContainEqual(expect.objectContaining({ code: "out-of-range", word: "256" }));
    expect(findings(instance("  priority 0"))).toContainEqual(expect.objectContaining({ code: "out-of-range", word: "0" }));
    expect(findings("vrrp_instance VI_1 {\n  virtual_router_id 300\n}\n")).toContainEqual(
      expect.objectContaining({ code: "out-of-range", word: "300" }),
    );
  });

  test("not a number at all is an invalid value", () => {
    expect(findings(instance("  priority high"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "high" }));
  });

  test("timers with too many decimals", () => {
    expect(findings("global_defs {\n  vrrp_garp_interval 0.1234567\n}\n")).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: "0.1234567" }),
    );
    expect(findings("global_defs {\n  vrrp_garp_interval 0\n}\n")).toContainEqual(
      expect.objectContaining({ code: "out-of-range", word: "0" }),
    );
  });

  test("case-sensitive enums", () => {
    expect(findings(instance("  state master"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "master" }));
    expect(findings(instance("  state MASTER")).filter((f) => f.severity === "error")).toEqual([]);
    expect(findings("virtual_server 10.0.0.1 80 {\n  lb_kind dr\n}\n")).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: "dr" }),
    );
    expect(findings(instance("  authentication {\n    auth_type pass\n  }"))).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: "pass" }),
    );
  });

  test("booleans, and a bare boolean keyword meaning true", () => {
    expect(findings(instance("  smtp_alert maybe"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "maybe" }));
    expect(findings(instance("  smtp_alert"))).toEqual([]);
  });

  test("a missing argument points at the keyword", () => {
    expect(findings(instance("  priority"))).toContainEqual(
      expect.objectContaining({ code: "missing-argument", severity: "error", word: "priority" }),
    );
  });

  test("surplus words are a warning covering them all", () => {
    expect(findings(instance("  priority 100 200 300"))).toContainEqual(
      expect.objectContaining({ code: "extra-argument", severity: "warning", word: "200 300" }),
    );
  });

  test("virtual and real server addresses", () => {
    expect(findings("virtual_server 10.0.0.300 80 {\n}\n")).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: "10.0.0.300" }),
    );
    expect(findings("virtual_server 10.0.0.1 70000 {\n}\n")).toContainEqual(
      expect.objectContaining({ code: "out-of-range", word: "70000" }),
    );
    expect(findings("virtual_server fwmark x {\n}\n")).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "x" }));
    expect(findings("virtual_server {\n}\n")).toContainEqual(expect.objectContaining({ code: "missing-argument", word: "virtual_server" }));
    expect(findings(realServer("")).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("duplicate-keyword", () => {
  test("a single-valued keyword twice in one block warns at the second, pointing at the first", () => {
    const found = findings(instance("  priority 100\n  priority 90")).filter((f) => f.code === "duplicate-keyword");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", word: "priority", line: 5 })]);
  });

  test("the same keyword in two blocks is not a duplicate", () => {
    const text = `${instance("  priority 100")}vrrp_instance VI_2 {\n  priority 100\n}\n`;
    expect(findings(text).filter((f) => f.code === "duplicate-keyword")).toEqual([]);
  });
});

describe("block shape", () => {
  test("a block given to a keyword that takes none", () => {
    expect(findings(instance("  priority 100 {\n  }"))).toContainEqual(expect.objectContaining({ code: "syntax-error", word: "{" }));
  });

  test("a block keyword written without its block", () => {
    expect(findings("global_defs\n")).toContainEqual(expect.objectContaining({ code: "syntax-error", word: "global_defs" }));
  });

  test("a brace with no keyword", () => {
    expect(findings("global_defs {\n  {\n    router_id x\n  }\n}\n")).toContainEqual(
      expect.objectContaining({ code: "syntax-error", word: "{", line: 2 }),
    );
  });
});

describe("deprecated-keyword fixes and the target version", () => {
  test("no rename is offered to a replacement the target version does not know", () => {
    const text = "global_defs {\n  lvs_flush_onstop\n}\n";
    const old = validate(text, [2, 1, 0]).find((x) => x.code === "deprecated-keyword");
    expect(old?.fix).toBeUndefined();
    const now = validate(text, [2, 2, 7]).find((x) => x.code === "deprecated-keyword");
    expect(now?.fix?.edits[0]?.newText).toBe("lvs_flush_on_stop");
  });
});
