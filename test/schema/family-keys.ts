/** Checks shared by the docs tests of each keyword family: which keys a family's docs really use. */
import { expect, test } from "vitest";
import { keywordDoc } from "../../server/src/schema/docs/index.js";
import { allKeywords } from "../../server/src/schema/lookup.js";
import type { KeywordSpec } from "../../server/src/schema/types.js";

export const pathOf = (k: Pick<KeywordSpec, "name" | "parents">) => [...k.parents, k.name].join(" > ");

/** Keys of `docs` that no position of the family resolves to (full path, then "parent > name", then name). */
export function unusedKeys(docs: Readonly<Record<string, string>>, family: readonly KeywordSpec[]): string[] {
  const used = new Set<string>();
  for (const k of family) {
    for (const key of [pathOf(k), k.parents.length ? `${k.parents.at(-1)} > ${k.name}` : k.name, k.name]) {
      if (key in docs) {
        used.add(key);
        break;
      }
    }
  }
  return Object.keys(docs).filter((key) => !used.has(key));
}

/** Bare keys that would also document another family's position (allowed only for a top-level keyword of ours). */
export function foreignBareKeys(docs: Readonly<Record<string, string>>, ours: (k: KeywordSpec) => boolean): string[] {
  const all = allKeywords();
  const problems: string[] = [];
  for (const key of Object.keys(docs).filter((key) => !key.includes(" > "))) {
    const places = all.filter((k) => k.name === key);
    const foreign = places.filter((k) => !ours(k));
    const topLevelOfOurs = places.some((k) => k.parents.length === 0 && ours(k));
    if (foreign.length > 0 && !topLevelOfOurs) problems.push(`${key} is also used at ${foreign.map(pathOf).join(", ")}`);
  }
  return problems;
}

/**
 * The shape every doc of a family must have: between 20 and `maxLength` characters, the same
 * text through the public lookup that hover and explain use, a sentence rather than a placeholder,
 * and, for a deprecated keyword, the name of its replacement.
 */
export function docShapeTests(family: readonly KeywordSpec[], maxLength: number): void {
  test.each(family.map((k) => [pathOf(k), k] as const))("%s has documentation of reasonable length", (_path, k) => {
    expect(k.doc.trim().length).toBeGreaterThan(20);
    expect(k.doc.length).toBeLessThanOrEqual(maxLength);
    expect(keywordDoc(k.parents, k.name)).toBe(k.doc);
  });

  test("every doc is a sentence, not a placeholder", () => {
    for (const k of family) {
      expect(k.doc, pathOf(k)).toMatch(/[.)]$/);
      expect(k.doc, pathOf(k)).not.toMatch(/TODO|FIXME|lorem/i);
    }
  });

  test("deprecated keywords name the keyword to write instead", () => {
    for (const k of family.filter((k) => k.deprecated?.replacement)) expect(k.doc, pathOf(k)).toContain(`\`${k.deprecated!.replacement}\``);
  });
}
