/**
 * The VRRP family's keyword documentation (server/src/schema/docs/vrrp.ts): every position
 * the family owns gets prose through the real lookup path, keys follow the collision rule of
 * docs/index.ts, and old names point at their successors.
 */
import { docShapeTests, foreignBareKeys, pathOf, unusedKeys } from "./family-keys.js";
import { describe, expect, test } from "vitest";
import { keywordDoc } from "../../server/src/schema/docs/index.js";
import { VRRP_DOCS } from "../../server/src/schema/docs/vrrp.js";
import { allKeywords, keywordAt } from "../../server/src/schema/lookup.js";
import type { KeywordSpec } from "../../server/src/schema/types.js";

/** Top-level blocks whose whole subtree belongs to this family. */
const familyBlocks = new Set([
  "vrrp_instance",
  "vrrp_sync_group",
  "vrrp_script",
  "vrrp_track_process",
  "vrrp_track_file",
  "track_file",
  "track_group",
  "bfd_instance",
]);

/** Whether a schema position belongs to the VRRP family. */
function isVrrp(k: Pick<KeywordSpec, "name" | "parents">): boolean {
  const top = k.parents[0];
  if (top === undefined) return familyBlocks.has(k.name) || k.name.startsWith("vrrp_");
  return familyBlocks.has(top);
}

const family = allKeywords().filter(isVrrp);
const at = pathOf;
const MAX_LENGTH = 500;

describe("VRRP family positions", () => {
  test("the family is what the brief describes", () => {
    const tops = family.filter((k) => k.parents.length === 0).map((k) => k.name);
    expect(tops.sort()).toEqual([...familyBlocks].sort());
    expect(family.filter((k) => k.parents[0] === "vrrp_instance").length).toBeGreaterThan(60);
    expect(keywordAt(["vrrp_instance", "auth_hmac"], "key")).toBeDefined();
    // global_defs' vrrp_* keywords belong to the global family, not to this one.
    expect(family.some((k) => k.parents[0] === "global_defs")).toBe(false);
  });

  docShapeTests(family, MAX_LENGTH);

  test("deprecated keywords and aliases name the keyword to write instead", () => {
    const deprecated = family.filter((k) => k.deprecated?.replacement);
    expect(deprecated.map((k) => k.name).sort()).toEqual(
      expect.arrayContaining(["thread_timer_expired", "vmac_garp_intvl", "vrrp_track_file", "lvs_sync_daemon_interface"]),
    );
    for (const k of family.filter((k) => k.aliasOf && k.parents.length > 0 && k.parents[0] !== "vrrp_track_file")) {
      expect(k.doc, at(k)).toContain(`\`${k.aliasOf}\``);
    }
  });

  test("deprecated keywords without a single successor still point somewhere", () => {
    expect(keywordDoc(["vrrp_instance"], "linkbeat_use_polling")).toContain("`linkbeat_interfaces`");
    expect(keywordDoc(["vrrp_sync_group"], "global_tracking")).toContain("`sync_group_tracking_weight`");
  });
});

describe("VRRP family keys", () => {
  const keys = Object.keys(VRRP_DOCS);

  test("every key documents at least one family position", () => {
    expect(unusedKeys(VRRP_DOCS, family)).toEqual([]);
  });

  test("a bare key is used only for names no other family shares, or for a top-level block of ours", () => {
    expect(foreignBareKeys(VRRP_DOCS, isVrrp)).toEqual([]);
  });

  test("a parent key names a block that really holds that keyword", () => {
    for (const key of keys.filter((key) => key.includes(" > "))) {
      const parts = key.split(" > ");
      const name = parts.at(-1)!;
      const parent = parts.at(-2)!;
      const holders = family.filter((k) => k.name === name && k.parents.at(-1) === parent);
      expect(holders.length, key).toBeGreaterThan(0);
    }
  });

  test("a name used by two of our blocks with different meanings gets a doc per block", () => {
    expect(keywordDoc(["vrrp_sync_group"], "group")).not.toBe(keywordDoc(["track_group"], "group"));
    expect(keywordDoc(["vrrp_sync_group"], "notify")).toContain("`GROUP`");
    expect(keywordDoc(["vrrp_instance"], "notify")).toContain("`INSTANCE`");
    expect(keywordDoc(["vrrp_sync_group"], "track_interface")).toMatch(/every member/);
    expect(VRRP_DOCS["group"]).toBeUndefined();
    expect(VRRP_DOCS["notify"]).toBeUndefined();
  });

  test("names shared with other families are keyed by their parent", () => {
    for (const name of ["weight", "user", "quorum", "interface", "smtp_alert", "key", "v3_checksum_as_v2"]) {
      expect(VRRP_DOCS[name], name).toBeUndefined();
    }
    expect(keywordDoc(["vrrp_instance", "auth_hmac"], "key")).toMatch(/signing key/);
    expect(keywordDoc(["vrrp_instance"], "interface")).toMatch(/adverts/);
    // Our top-level track_file must not leak into the real-server FILE_CHECK position.
    expect(keywordDoc(["virtual_server", "real_server", "FILE_CHECK"], "track_file")).not.toBe(VRRP_DOCS["track_file"]);
  });
});
