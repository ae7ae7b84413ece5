/** The schema holds every keyword position of keepalived 1.x-2.4.x, each with facts and prose. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { allKeywords, keywordAt, parseVersion, removedKeyword, suggest } from "../../server/src/schema/lookup.js";

const REFERENCE = "../shared/reference/keywords.json";

describe("schema completeness", () => {
  test.runIf(existsSync(REFERENCE))("every position of the keyword reference is in the schema", () => {
    const ref = JSON.parse(readFileSync(REFERENCE, "utf8")) as { keywords: { name: string; parents: string[] }[] };
    const missing = ref.keywords.filter((k) => !keywordAt(k.parents, k.name)).map((k) => [...k.parents, k.name].join(" > "));
    expect(missing).toEqual([]);
    expect(allKeywords()).toHaveLength(ref.keywords.length);
  });
  if (!existsSync(REFERENCE)) console.warn(`notice: ${REFERENCE} is missing; the completeness check against it is skipped`);

  test("every keyword has documentation of its own", () => {
    const undocumented = allKeywords()
      .filter((k) => k.doc.trim().length < 20)
      .map((k) => [...k.parents, k.name].join(" > "));
    expect(undocumented).toEqual([]);
  });

  test("every keyword has a syntax line starting with its name", () => {
    for (const k of allKeywords()) expect(k.syntax.startsWith(k.name)).toBe(true);
  });

  test("removed keywords are documented and carry the version that dropped them", () => {
    const lvsId = removedKeyword("lvs_id");
    expect(lvsId?.removedIn).toEqual([1, 1, 8]);
    expect(lvsId?.replacement).toBe("router_id");
    expect(lvsId?.doc.length).toBeGreaterThan(20);
  });
});

describe("facts carried over", () => {
  test("priority is 1..255 and required", () => {
    const p = keywordAt(["vrrp_instance"], "priority")!;
    expect(p.args?.[0]?.kind).toEqual({ type: "integer", min: 1, max: 255 });
    expect(p.missingArgIsFatal).toBe(true);
  });
  test("advert_int is a decimal of at most 6 places from 0.01 to 255", () => {
    expect(keywordAt(["vrrp_instance"], "advert_int")!.args?.[0]?.kind).toEqual({ type: "decimal", min: 0.01, max: 255, decimals: 6 });
  });
  test("nb_get_retry is deprecated in favour of retry", () => {
    expect(keywordAt(["virtual_server", "real_server", "HTTP_GET"], "nb_get_retry")!.deprecated?.replacement).toBe("retry");
  });
  test("auth_type is PASS or AH", () => {
    expect(keywordAt(["vrrp_instance", "authentication"], "auth_type")!.args?.[0]?.kind).toMatchObject({
      type: "enum",
      values: ["PASS", "AH"],
    });
  });
  test("versions", () => {
    expect(keywordAt(["vrrp_instance", "auth_hmac"], "key")!.since).toEqual([2, 4, 0]);
    expect(parseVersion("2.2.7")).toEqual([2, 2, 7]);
    expect(parseVersion("v2.3")).toEqual([2, 3, 0]);
    expect(parseVersion("two")).toBeUndefined();
  });
});

describe("did-you-mean", () => {
  test("one typo away", () => expect(suggest("priorty", ["priority", "state"])).toBe("priority"));
  test("a transposition counts as one edit", () => expect(suggest("virtual_rotuer_id", ["virtual_router_id"])).toBe("virtual_router_id"));
  test("nothing close", () => expect(suggest("banana", ["priority", "state"])).toBeUndefined());
});
