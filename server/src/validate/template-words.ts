/**
 * What the validator may say about words that hold template output (docs/templates.md): a word an
 * expression produces is never diagnosed; a statement whose opaque words all have literal
 * alternatives (`'MASTER' if x else 'BACKUP'`) is checked once per combination of them.
 */
import { isOpaque, type TemplateLayer, type Word } from "../../../grammar/index.js";

/** Combinations checked at most per statement; beyond that the statement is left unchecked. */
const MAX_VARIANTS = 16;

/**
 * The word lists to check in place of `words`: `[words]` when none is opaque, one list per
 * combination of literal alternatives (an alternative may be empty or several words, all at the
 * opaque word's span), or `[]` when some opaque word can produce anything.
 */
export function literalVariants(words: readonly Word[], layer: TemplateLayer | undefined): (readonly Word[])[] {
  if (layer === undefined) return [words];
  let any = false;
  for (const w of words) if (isOpaque(w.text)) any = true;
  if (!any) return [words];
  let variants: Word[][] = [[]];
  for (const w of words) {
    if (!isOpaque(w.text)) {
      for (const v of variants) v.push(w);
      continue;
    }
    const o = layer.opaqueAt(w.start);
    // Only a word that is exactly one opaque stretch with literal alternatives is known.
    if (!o?.alternatives || o.start !== w.start || o.end !== w.end || w.quoted) return [];
    const next: Word[][] = [];
    for (const v of variants) {
      for (const alt of o.alternatives) {
        const parts = alt
          .split(/\s+/)
          .filter(Boolean)
          .map((text): Word => ({ ...w, raw: text, text }));
        next.push([...v, ...parts]);
      }
    }
    if (next.length > MAX_VARIANTS) return [];
    variants = next;
  }
  return variants;
}
