import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "script-security";

test("scripts without enable_script_security: one finding at the first script, counting the rest", () => {
  const text = example("script-security", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[2, "script"]]);
  expect(found[0]!.message).toContain("runs '/usr/bin/pgrep' as root (and 1 more command)");
  expect(found[0]!.fix!.safe).toBe(false);
  expect(applyFix(text, found[0]!.fix!)).toBe(`global_defs {\n    enable_script_security\n}\n\n${text}`);
});

test("enable_script_security present, or no scripts at all, is clean", () => {
  expect(findings(code, example("script-security", "right"))).toEqual([]);
  expect(findings(code, example("missing-required", "right"))).toEqual([]);
});

test("the fix adds the flag to an existing global_defs", () => {
  const text = "global_defs {\n    router_id lb1\n}\nvrrp_instance A {\n    notify /etc/keepalived/notify.sh\n}\n";
  const [found] = findings(code, text);
  expect(found!.text).toBe("notify");
  expect(applyFix(text, found!.fix!)).toBe(
    "global_defs {\n    enable_script_security\n    router_id lb1\n}\nvrrp_instance A {\n    notify /etc/keepalived/notify.sh\n}\n",
  );
});

test("a non-root script_user means scripts do not run as root", () => {
  const text = "global_defs {\n    script_user keepalived_script\n}\nvrrp_instance A {\n    notify /etc/keepalived/notify.sh\n}\n";
  expect(findings(code, text)).toEqual([]);
  expect(findings(code, text.replace("keepalived_script", "root"))).toHaveLength(1);
});
