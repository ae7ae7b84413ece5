import { describe, expect, test } from "vitest";
import { backup, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("advert-int-mismatch", () => {
  test("written on both sides: at the backup's value, fix uses the master's", () => {
    const found = pair(master({ advert: 1 }), backup({ advert: 3 }), "advert-int-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "3", fix: { description: "use 1" } });
  });

  test("the default 1 against a written 2 names the default", () => {
    const found = pair(master({ advert: 2 }), backup(), "advert-int-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("advert_int 1 (default) differs from its peer's 2");
    expect(found[0]!.fix).toBeUndefined();
  });

  test("1 written and 1 by default are the same interval", () => {
    expect(pair(master({ advert: 1 }), backup(), "advert-int-mismatch")).toEqual([]);
  });

  silentOnCleanPairs("advert-int-mismatch", test);
});

describe("advert-int-mismatch by VRRP version (as the lab shows on keepalived 2.2.7)", () => {
  test("is an error with VRRPv2: both nodes become master", () => {
    const found = pair(master({ advert: 1 }), backup({ advert: 2 }), "advert-int-mismatch");
    expect(found[0]).toMatchObject({ severity: "error" });
    expect(found[0]!.message).toContain("with VRRPv2 each node drops the other's adverts, so both become master");
  });

  test("is a warning with VRRPv3: the backup adopts the master's interval", () => {
    const found = pair(master({ advert: 1, extra: "version 3" }), backup({ advert: 2, extra: "version 3" }), "advert-int-mismatch");
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0]!.message).toContain("with VRRPv3 a backup adopts the master's interval, so the addresses still move");
  });
});
