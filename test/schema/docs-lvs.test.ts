/**
 * The LVS keyword documentation (server/src/schema/docs/lvs.ts): every keyword position under
 * `virtual_server` / `virtual_server_group` gets prose from this family, and none of its keys
 * leaks onto keywords of other families.
 */
import { describe, expect, test } from "vitest";
import { keywordDoc } from "../../server/src/schema/docs/index.js";
import { LVS_DOCS } from "../../server/src/schema/docs/lvs.js";
import { allKeywords, keywordAt } from "../../server/src/schema/lookup.js";
import type { KeywordSpec } from "../../server/src/schema/types.js";

const ROOTS = new Set(["virtual_server", "virtual_server_group"]);
const inFamily = (k: KeywordSpec) => ROOTS.has(k.parents[0] ?? k.name);
const family = allKeywords().filter(inFamily);
const others = allKeywords().filter((k) => !inFamily(k));
const where = (k: KeywordSpec) => [...k.parents, k.name].join(" > ");

/** The keys keywordDoc tries for a position, most specific first (see docs/index.ts). */
function candidateKeys(k: KeywordSpec): string[] {
  const keys = [where(k)];
  if (k.parents.length > 0) keys.push(`${k.parents[k.parents.length - 1]} > ${k.name}`);
  keys.push(k.name);
  return keys;
}

const ownTexts = new Set(Object.values(LVS_DOCS));

describe("coverage", () => {
  test("the family is not empty (the schema still has the LVS blocks)", () => {
    expect(family.length).toBeGreaterThan(200);
    expect(keywordAt([], "virtual_server")).toBeDefined();
  });

  test("every LVS position resolves to prose written in lvs.ts", () => {
    const missing = family.filter((k) => !ownTexts.has(keywordDoc(k.parents, k.name))).map(where);
    expect(missing).toEqual([]);
  });

  test("the schema lookup carries the same prose for hover", () => {
    for (const k of family) expect(k.doc, where(k)).toBe(keywordDoc(k.parents, k.name));
  });

  test("every key of lvs.ts documents at least one LVS position", () => {
    const used = new Set(family.map((k) => candidateKeys(k).find((key) => key in LVS_DOCS)));
    expect(Object.keys(LVS_DOCS).filter((key) => !used.has(key))).toEqual([]);
  });
});

describe("keys stay inside the family", () => {
  test("no key of lvs.ts is a candidate for a keyword of another family", () => {
    const leaks = others.flatMap((k) =>
      candidateKeys(k)
        .filter((key) => key in LVS_DOCS)
        .map((key) => `${key} (for ${where(k)})`),
    );
    expect(leaks).toEqual([]);
  });

  test("bare keys are used only for names that exist nowhere else", () => {
    const outsideNames = new Set(others.map((k) => k.name));
    const bare = Object.keys(LVS_DOCS).filter((key) => !key.includes(" > "));
    expect(bare.filter((name) => outsideNames.has(name))).toEqual([]);
  });

  test("a setting known at several levels gets a text per level", () => {
    const at = (...path: string[]) => keywordDoc(path.slice(0, -1), path[path.length - 1]!);
    for (const name of ["retry", "delay_before_retry", "warmup", "connect_timeout", "delay_loop", "alpha"]) {
      const texts = new Set([
        at("virtual_server", name),
        at("virtual_server", "real_server", name),
        at("virtual_server", "real_server", "TCP_CHECK", name),
      ]);
      expect(texts.size, name).toBe(3);
    }
    expect(at("virtual_server", "weight")).not.toBe(at("virtual_server", "real_server", "weight"));
    expect(at("virtual_server", "real_server", "MISC_CHECK", "retry")).not.toBe(at("virtual_server", "real_server", "TCP_CHECK", "retry"));
    expect(at("virtual_server", "real_server", "DNS_CHECK", "name")).not.toBe(at("virtual_server", "real_server", "BFD_CHECK", "name"));
  });
});

describe("content", () => {
  test("each text is a few sentences: non-empty, at most about 500 characters, balanced backticks", () => {
    for (const [key, text] of Object.entries(LVS_DOCS)) {
      expect(text.trim().length, key).toBeGreaterThan(30);
      expect(text.length, key).toBeLessThanOrEqual(520);
      expect((text.match(/`/g) ?? []).length % 2, key).toBe(0);
      expect(text, key).toMatch(/[.)]$/);
    }
  });

  test("snake_case words in backticks name real keywords (no typos in cross references)", () => {
    const names = new Set(allKeywords().map((k) => k.name));
    const unknown: string[] = [];
    for (const [key, text] of Object.entries(LVS_DOCS)) {
      for (const m of text.matchAll(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g)) if (!names.has(m[1]!)) unknown.push(`${key}: ${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });

  test("deprecated keywords and old aliases point to what to write instead", () => {
    const pointers = family.filter((k) => k.deprecated || k.aliasOf);
    expect(pointers.length).toBeGreaterThan(0);
    for (const k of pointers) {
      const doc = keywordDoc(k.parents, k.name);
      const target = k.deprecated?.replacement ?? k.aliasOf;
      if (target) expect(doc, where(k)).toContain(`\`${target}\``);
      else expect(doc, where(k)).toMatch(/\binstead\b/i);
    }
  });
});
