import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "auth-pass-truncated";

test("a 14-character auth_pass is reported with a safe fix that keeps the 8 used characters", () => {
  const text = example("auth-pass-truncated", "wrong");
  const [found, ...rest] = findings(code, text);
  expect(rest).toEqual([]);
  expect([found!.line, found!.text]).toEqual([8, "s3cretpassword"]);
  expect(found!.message).toContain("keepalived uses only the first 8 ('s3cretpa')");
  expect(found!.fix!.safe).toBe(true);
  expect(applyFix(text, found!.fix!)).toBe(example("auth-pass-truncated", "right"));
});

test("8 characters are fine", () => {
  expect(findings(code, example("auth-pass-truncated", "right"))).toEqual([]);
});

test("a password that comes from a $VARIABLE gets no fix, since the edit would land on the definition's use", () => {
  const text =
    "$PW=averyverylongpass\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n authentication {\n auth_type PASS\n auth_pass $PW\n }\n}\n";
  const found = findings(code, text);
  expect(found).toHaveLength(1);
  expect(found[0]!.fix).toBeUndefined();
});
