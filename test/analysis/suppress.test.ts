/** `# kalint disable...` comments (docs/usage.md, Suppression) through analyze(): scope, codes, reasons, and unused-suppression. */
import { describe, expect, test } from "vitest";
import { analyze } from "../../server/src/analysis/analyze.js";
import type { RuleSetting } from "../../grammar/index.js";
import "../../server/src/cluster/rules/index.js";
import { memoryHost } from "../support/memory-host.js";

interface Seen {
  line: number;
  code: string;
  severity: string;
  message: string;
}

function check(text: string, options: { rules?: Record<string, RuleSetting>; standalone?: boolean; files?: Record<string, string> } = {}) {
  const host = memoryHost({ "/etc/k.conf": text, ...options.files });
  const a = analyze("/etc/k.conf", {
    host,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.standalone ? { standalone: true } : {}),
  });
  return a.diagnostics.map((d) => ({
    line: d.file.positionAt(d.start).line + 1,
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file.path,
    fix: d.fix,
  }));
}
const brief = (list: Seen[]) => list.map((d) => `${d.line} ${d.code}`);

// A vrrp_instance (its VRID from its name) repeating `priority` (duplicate-keyword, a warning, on the second one).
const instance = (name: string, before = "", inside = "") => `${before}vrrp_instance ${name} {
    interface eth0
    virtual_router_id ${name.replace(/\D/g, "")}
    priority 100
${inside}    priority 90
}
`;

describe("disable on its own line", () => {
  test("covers the next statement only", () => {
    const text =
      "global_defs {\n    router_id a\n    # kalint disable=duplicate-keyword -- migrating\n    router_id b\n    router_id c\n}\n";
    expect(brief(check(text))).toEqual(["5 duplicate-keyword"]);
  });

  test("covers the whole next block, nested findings included, and nothing after it", () => {
    const text = instance("VI_1", "# kalint disable=duplicate-keyword\n") + instance("VI_2");
    expect(brief(check(text))).toEqual(["12 duplicate-keyword"]);
  });

  test("inside a block, it governs the next statement of that block, never a block after it", () => {
    const lastInBlock =
      instance("VI_1", "", "").replace("    priority 90\n}", "    priority 90\n    # kalint disable=duplicate-keyword\n}") +
      instance("VI_2");
    const seen = check(lastInBlock);
    expect(brief(seen)).toEqual(["5 duplicate-keyword", "6 unused-suppression", "12 duplicate-keyword"]);
    expect(seen.find((d) => d.code === "unused-suppression")!.message).toBe(
      "this kalint comment suppresses nothing (duplicate-keyword); remove it",
    );
  });

  test("`!` comments work as `#` comments do", () => {
    expect(brief(check(instance("VI_1", "! kalint disable=duplicate-keyword\n")))).toEqual([]);
  });
});

describe("disable-line and disable-file", () => {
  test("disable-line (or disable=) after code covers that line only", () => {
    const text =
      "global_defs {\n    router_id a\n    router_id b # kalint disable-line=duplicate-keyword\n    router_id c # kalint disable=duplicate-keyword -- known\n    router_id d\n}\n";
    expect(brief(check(text))).toEqual(["5 duplicate-keyword"]);
  });

  test("disable-file anywhere covers the file", () => {
    const text = instance("VI_1") + instance("VI_2") + "# kalint disable-file=duplicate-keyword -- generated file\n";
    expect(brief(check(text))).toEqual([]);
  });

  test("several codes, with or without blanks after the commas, and `all`", () => {
    const text =
      "global_defs {\n    notification_email_from a@b\n    # kalint disable=extra-argument, duplicate-keyword\n    notification_email_from c@d e\n    # kalint disable=all\n    bogus_keyword 1\n    bogus_keyword 2\n}\n";
    expect(brief(check(text))).toEqual(["7 unknown-keyword"]);
    expect(brief(check(text.replace(/    # kalint.*\n/g, "")))).toEqual([
      "3 duplicate-keyword",
      "3 extra-argument",
      "4 unknown-keyword",
      "5 unknown-keyword",
    ]);
  });

  test("a disable comment in an included file covers that file's findings", () => {
    const seen = check("include /etc/parts/*.conf\n", {
      files: { "/etc/parts/a.conf": "# kalint disable-file=duplicate-keyword\n" + instance("VI_1") },
    });
    expect(seen).toEqual([]);
  });
});

describe("unused-suppression", () => {
  test("a comment whose code did not fire, with a fix that removes its whole line", () => {
    const seen = check("# kalint disable=duplicate-keyword -- old\nglobal_defs {\n    router_id a\n}\n");
    expect(seen).toEqual([
      expect.objectContaining({
        line: 1,
        code: "unused-suppression",
        severity: "warning",
        message: "this kalint comment suppresses nothing (duplicate-keyword); remove it",
      }),
    ]);
    const edit = seen[0]!.fix!.edits[0]!;
    expect([edit.start, edit.end, edit.newText]).toEqual([0, "# kalint disable=duplicate-keyword -- old\n".length, ""]);
  });

  test("at the end of a line the fix removes the comment and the blanks before it", () => {
    const text = "global_defs {\n    router_id a   # kalint disable-line=duplicate-keyword\n}\n";
    const edit = check(text)[0]!.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + text.slice(edit.end)).toBe("global_defs {\n    router_id a\n}\n");
  });

  test("only the codes that suppressed nothing are named", () => {
    const seen = check(instance("VI_1", "# kalint disable=duplicate-keyword,unknown-keyword\n"));
    expect(seen.map((d) => [d.code, d.message, d.fix])).toEqual([
      ["unused-suppression", "unknown-keyword in this kalint comment suppresses nothing; remove it", undefined],
    ]);
  });

  test("an unknown code is named as such", () => {
    const seen = check(instance("VI_1", "# kalint disable=duplicate-keywords\n"));
    expect(brief(seen)).toEqual(["1 unused-suppression", "6 duplicate-keyword"]);
    expect(seen[0]!.message).toBe("unknown rule 'duplicate-keywords' in this kalint comment; 'kalint rules' lists them");
  });

  test.each([
    ["# kalint disable duplicate-keyword"],
    ["# kalint: disable=duplicate-keyword"],
    ["# kalint disable="],
    ["# kalint enable=duplicate-keyword"],
    ["# kalint disable=Duplicate_Keyword"],
  ])("a comment that cannot be read: %s", (comment) => {
    const seen = check(`${comment}\nglobal_defs {\n    router_id a\n}\n`);
    expect(seen).toEqual([
      expect.objectContaining({
        line: 1,
        code: "unused-suppression",
        message: expect.stringMatching(/^this kalint comment cannot be read; write '# kalint disable=CODE/),
      }),
    ]);
  });

  test("ordinary comments that mention kalint are left alone", () => {
    expect(check("# kalint checks this file in CI\nglobal_defs {\n    router_id a\n}\n")).toEqual([]);
  });

  test("not reported for a rule that is off, and obeys severity settings itself", () => {
    const text = "# kalint disable=duplicate-keyword\nglobal_defs {\n    router_id a\n}\n";
    expect(check(text, { rules: { "duplicate-keyword": "off" } })).toEqual([]);
    expect(check(text, { rules: { "unused-suppression": "off" } })).toEqual([]);
    expect(check(text, { rules: { "unused-suppression": "error" } }).map((d) => d.severity)).toEqual(["error"]);
  });

  test("a cluster code is stale only when cluster rules run: kalint check (standalone) does not report it", () => {
    const text = "# kalint disable=priority-tie -- the backup file says why\nglobal_defs {\n    router_id a\n}\n";
    expect(check(text, { standalone: true })).toEqual([]);
    expect(brief(check(text))).toEqual(["1 unused-suppression"]);
  });
});
