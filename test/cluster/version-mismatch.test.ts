import { describe, expect, test } from "vitest";
import { backup, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("version-mismatch", () => {
  test("global vrrp_version 3 on one node only", () => {
    const found = pair(master({}, "global_defs {\n    vrrp_version 3\n}\n"), backup(), "version-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "VI_1" });
    expect(found[0]!.message).toContain("VRRP version 2 (default) differs from its peer's 3 (global vrrp_version");
    // The global setting covers every instance, so no one-word fix is offered for it.
    expect(found[0]!.fix).toBeUndefined();
  });

  test("an instance version word is fixed in place", () => {
    const found = pair(master({ extra: "version 2" }), backup({ extra: "version 3" }), "version-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: "3", fix: { description: "use 2" } });
  });

  test("IPv6 addresses mean version 3; paired with an explicit version 2 that differs", () => {
    const found = pair(master({ vips: ["fd00::10/64"], extra: "version 2" }), backup({ vips: ["fd00::10/64"] }), "version-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("VRRP version 3 (IPv6 addresses)");
  });

  silentOnCleanPairs("version-mismatch", test);
});
