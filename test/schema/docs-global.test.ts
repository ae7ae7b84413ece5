/**
 * The global family's keyword documentation (server/src/schema/docs/global.ts and
 * removed.ts): every position the family owns gets prose through the real lookup path,
 * keys follow the collision rule of docs/index.ts, and old names point at their successors.
 */
import { docShapeTests, foreignBareKeys, unusedKeys } from "./family-keys.js";
import { describe, expect, test } from "vitest";
import { GLOBAL_DOCS } from "../../server/src/schema/docs/global.js";
import { keywordDoc } from "../../server/src/schema/docs/index.js";
import { REMOVED_DOCS } from "../../server/src/schema/docs/removed.js";
import { allKeywords, allRemovedKeywords, keywordAt, manPageOnlyName } from "../../server/src/schema/lookup.js";
import type { KeywordSpec } from "../../server/src/schema/types.js";

/** Top-level names other families document (VRRP, BFD, track files, LVS). */
const otherTopLevel = /^(vrrp_|bfd_instance$|track_file$|track_group$|virtual_server$|virtual_server_group$)/;

/** Whether a schema position belongs to the global family. */
function isGlobal(k: Pick<KeywordSpec, "name" | "parents">): boolean {
  const top = k.parents[0];
  if (top === undefined) return !otherTopLevel.test(k.name);
  if (top === "global_defs") return k.parents.length === 1;
  return top === "SSL" || top === "garp_group";
}

const family = allKeywords().filter(isGlobal);
const MAX_LENGTH = 520;

describe("global family positions", () => {
  test("the family is what the brief describes", () => {
    // 140 in global_defs, the two anonymous blocks with their children, and the other top-level statements.
    expect(family.filter((k) => k.parents[0] === "global_defs")).toHaveLength(140);
    expect(
      family
        .filter((k) => k.parents[0] === "SSL")
        .map((k) => k.name)
        .sort(),
    ).toEqual(["ca", "certificate", "key", "password"]);
    expect(family.filter((k) => k.parents[0] === "garp_group")).toHaveLength(4);
    expect(family.filter((k) => k.parents.length === 0).map((k) => k.name)).toContain("global_defs");
  });

  docShapeTests(family, MAX_LENGTH);

  test("deprecated aliases name the keyword to write instead", () => {
    const deprecated = family.filter((k) => k.deprecated?.replacement);
    expect(deprecated.map((k) => k.name).sort()).toEqual(
      expect.arrayContaining(["lvs_flush_onstop", "lvs_process_name", "vrrp_vmac_garp_intvl", "vrrp_rlimit_rtime"]),
    );
  });

  test("a keyword the manual spells differently says so", () => {
    for (const wrong of ["state_file_location", "stats_file_location", "json_file_location"]) {
      const actual = manPageOnlyName(wrong);
      expect(actual, wrong).toBeDefined();
      expect(keywordAt(["global_defs"], actual!)?.doc).toContain(`\`${wrong}\``);
    }
  });
});

describe("global family keys", () => {
  test("every key documents at least one family position", () => {
    expect(unusedKeys(GLOBAL_DOCS, family)).toEqual([]);
  });

  test("a bare key is used only for names no other family shares, or for a top-level statement", () => {
    expect(foreignBareKeys(GLOBAL_DOCS, isGlobal)).toEqual([]);
  });

  test("names shared with other families are keyed by their parent", () => {
    expect(GLOBAL_DOCS["SSL > key"]).toMatch(/private key/i);
    expect(GLOBAL_DOCS["garp_group > interface"]).toMatch(/VMAC/);
    expect(GLOBAL_DOCS["key"]).toBeUndefined();
    expect(GLOBAL_DOCS["interface"]).toBeUndefined();
    expect(GLOBAL_DOCS["smtp_alert"]).toBeUndefined();
  });
});

describe("removed keywords", () => {
  const removed = allRemovedKeywords();

  test("each has its own documentation and no stray entries exist", () => {
    expect(removed.length).toBeGreaterThan(0);
    expect(Object.keys(REMOVED_DOCS).sort()).toEqual(removed.map((r) => r.name).sort());
    for (const r of removed) {
      expect(r.doc.trim().length, r.name).toBeGreaterThan(20);
      expect(r.doc.length, r.name).toBeLessThanOrEqual(MAX_LENGTH);
    }
  });

  test("a removed keyword with a successor names it", () => {
    const withSuccessor = removed.filter((r) => r.replacement);
    expect(withSuccessor.map((r) => r.name)).toContain("lvs_id");
    for (const r of withSuccessor) expect(r.doc, r.name).toContain(`\`${r.replacement}\``);
  });

  test("sync_instance points to vrrp_sync_group", () => {
    expect(keywordDoc([], "sync_instance", true)).toContain("`vrrp_sync_group`");
  });
});
