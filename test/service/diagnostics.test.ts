import { describe, expect, test } from "vitest";
import { analyseDocument, diagnostics, hover, withClusterDiagnostics } from "../../server/src/service/index.js";
import { memoryHost } from "../support/memory-host.js";
import { docOf, MAIN, SCRIPTED } from "./helpers.js";

describe("diagnostics", () => {
  test("the same codes and severities as kalint check, at 0-based LSP positions", () => {
    const doc = docOf("vrrp_instance VI_1 {\n    priority 300\n}\n");
    const d = diagnostics(doc).find((x) => x.code === "out-of-range")!;
    expect(d).toMatchObject({
      severity: 1,
      source: "kalint",
      range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } },
    });
  });

  test("each diagnostic links to its rule's page (codeDescription.href)", () => {
    const d = diagnostics(docOf("vrrp_instance VI_1 {\n    priority 300\n}\n")).find((x) => x.code === "out-of-range")!;
    expect(d.codeDescription).toEqual({ href: "https://github.com/kalint/kalint/blob/main/docs/rules/out-of-range.md" });
  });

  test("rule settings apply: off hides, a level changes the severity", () => {
    const text = "vrrp_instance VI_1 {\n    priority 300\n}\n";
    expect(diagnostics(docOf(text, {}, { "out-of-range": "off" })).map((d) => d.code)).not.toContain("out-of-range");
    expect(diagnostics(docOf(text, {}, { "out-of-range": "info" })).find((d) => d.code === "out-of-range")!.severity).toBe(3);
  });

  test("a disable comment hides the finding", () => {
    const doc = docOf("vrrp_instance VI_1 {\n    priority 300 # kalint disable-line=out-of-range\n}\n");
    expect(diagnostics(doc).map((d) => d.code)).not.toContain("out-of-range");
  });

  test("positions count UTF-16 code units after non-ASCII text", () => {
    const doc = docOf("vrrp_instance A {\n    priority é🚀 300\n}\n");
    const d = diagnostics(doc).find((x) => x.code === "extra-argument");
    // "    priority " is 13 units, "é" one, "🚀" two (a surrogate pair), then a blank.
    expect(d?.range).toEqual({ start: { line: 1, character: 17 }, end: { line: 1, character: 20 } });
  });

  test("findings in an included file are not shown on the including document", () => {
    const doc = docOf("include other.conf\n", { "/etc/keepalived/other.conf": "vrrp_instance A {\n    priority 300\n}\n" });
    expect(diagnostics(doc)).toEqual([]);
    expect(doc.analysis.diagnostics.some((d) => d.code === "out-of-range")).toBe(true);
  });

  test("cluster findings replace the node's own list when the node has peers", () => {
    const doc = docOf(SCRIPTED);
    const root = doc.analysis.config.root;
    const clustered = withClusterDiagnostics(doc, [
      { file: root, start: 0, end: 3, code: "vrid-mismatch", severity: "error", message: "differs" },
    ]);
    expect(diagnostics(clustered).map((d) => d.code)).toEqual(["vrid-mismatch"]);
  });
});

describe("bounds", () => {
  test("a document whose analysis runs past its time budget gets one finding saying so, and answers requests", () => {
    const text = "global_defs {\n" + "    router_id a\n".repeat(200_000) + "}\n";
    const doc = analyseDocument(MAIN, text, { host: memoryHost({}), budgetMs: 1 });
    expect(diagnostics(doc)).toEqual([
      expect.objectContaining({
        code: "resource-limit",
        message: expect.stringContaining("stopped analysing this document after 0.001 s"),
      }),
    ]);
    expect(hover(doc, { line: 5, character: 6 })).toBeNull();
  });

  test("at most 100 findings of one code are shown, and one more counts the rest", () => {
    const doc = docOf("global_defs {\n" + "    bogus 1\n".repeat(250) + "}\n");
    const shown = diagnostics(doc).filter((d) => d.code === "unknown-keyword");
    expect(shown).toHaveLength(101);
    expect(shown[100]!.message).toBe(
      "150 more unknown-keyword findings in this file are not shown (kalint shows 100 per code and document)",
    );
  });
});
