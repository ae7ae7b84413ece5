import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "empty-block";

test("an empty notification_email and an empty garp_group interfaces block are reported", () => {
  const found = findings(code, example("empty-block", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([
    [2, "notification_email"],
    [10, "interfaces"],
  ]);
  expect(found[0]!.message).toContain("keepalived -t reports it as a configuration error");
});

test("the empty notification_email block goes with its lines, comment inside included; the garp_group one gets no fix", () => {
  const [mail, garp] = findings(code, example("empty-block", "wrong"));
  expect(mail!.fix!.safe).toBe(true);
  expect(applyFix(example("empty-block", "wrong"), mail!.fix!)).toBe(
    example("empty-block", "wrong").replace("    notification_email {\n        # nobody yet\n    }\n", ""),
  );
  expect(garp!.fix).toBeUndefined();
});

test("a block on one line with other words after it is reported without a fix", () => {
  const found = findings(code, "global_defs {\n notification_email { } router_id x\n}\n");
  expect(found).toHaveLength(1);
  expect(found[0]!.fix).toBeUndefined();
});

test("blocks with an entry are fine, and so are the same names elsewhere", () => {
  expect(findings(code, example("empty-block", "right"))).toEqual([]);
  expect(findings(code, "global_defs {\n notification_email {\n  ops@example.com\n }\n}\n")).toEqual([]);
});

test("an entry kept only for another node (@id) leaves the block empty for this one", () => {
  const text = "global_defs {\n notification_email {\n  @lb2 ops@example.com\n }\n}\n";
  expect(findings(code, text, {}, { configId: "lb1" })).toHaveLength(1);
  expect(findings(code, text, {}, { configId: "lb2" })).toEqual([]);
});
