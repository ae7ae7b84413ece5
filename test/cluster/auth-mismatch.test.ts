import { describe, expect, test } from "vitest";
import { backup, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("auth-mismatch", () => {
  test("different passwords: at the backup's auth_pass, without printing the secret, fix copies the master's", () => {
    const found = pair(
      master({ auth: { type: "PASS", pass: "alpha" } }),
      backup({ auth: { type: "PASS", pass: "bravo" } }),
      "auth-mismatch",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "bravo" });
    expect(found[0]!.message).not.toContain("alpha");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("alpha");
  });

  test("different types", () => {
    const found = pair(master({ auth: { type: "PASS", pass: "x" } }), backup({ auth: { type: "AH", pass: "x" } }), "auth-mismatch");
    expect(found.map((f) => f.text)).toEqual(["AH"]);
    expect(found[0]!.fix?.description).toBe("use PASS");
  });

  test("authentication on one node only", () => {
    const found = pair(master({ auth: { type: "PASS", pass: "x" } }), backup(), "auth-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("has none");
    expect(found[0]!.text).toBe("VI_1");
  });

  test("passwords equal in the 8 characters keepalived keeps are the same password", () => {
    expect(
      pair(
        master({ auth: { type: "PASS", pass: "12345678abc" } }),
        backup({ auth: { type: "PASS", pass: "12345678xyz" } }),
        "auth-mismatch",
      ),
    ).toEqual([]);
  });

  test("VRRPv3 ignores authentication, so a v3 pair with different passwords is not a mismatch", () => {
    const v3 = "global_defs {\n    vrrp_version 3\n}\n";
    expect(
      pair(master({ auth: { type: "PASS", pass: "a" } }, v3), backup({ auth: { type: "PASS", pass: "b" } }, v3), "auth-mismatch"),
    ).toEqual([]);
  });

  silentOnCleanPairs("auth-mismatch", test);
});

describe("auth-mismatch and strict mode", () => {
  test("vrrp_strict off leaves authentication in force, so a differing password is still a finding", () => {
    const strictOff = "global_defs {\n    vrrp_strict off\n}\n";
    const found = pair(
      strictOff + master({ auth: { type: "PASS", pass: "secret1" } }),
      strictOff + backup({ auth: { type: "PASS", pass: "secret2" } }),
      "auth-mismatch",
    );
    expect(found).toHaveLength(1);
  });
});
