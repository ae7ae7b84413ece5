/**
 * Keyword documentation in kalint's own words, for hover, completion and `kalint explain`.
 * Each family file maps a key to Markdown prose. A key is the keyword name, or
 * "parent > name" (the immediate parent block) where one name means different things in
 * different blocks, or a full path "a > b > name" where even that is ambiguous.
 * Argument syntax, ranges, versions and deprecation are added from the facts, not written here.
 */
import { GLOBAL_DOCS } from "./global.js";
import { LVS_DOCS } from "./lvs.js";
import { REMOVED_DOCS } from "./removed.js";
import { VRRP_DOCS } from "./vrrp.js";

const families: readonly Readonly<Record<string, string>>[] = [GLOBAL_DOCS, VRRP_DOCS, LVS_DOCS];

let merged: Map<string, string> | undefined;

export function docEntries(): ReadonlyMap<string, string> {
  if (!merged) {
    merged = new Map();
    for (const family of families) for (const [key, text] of Object.entries(family)) merged.set(key, text);
  }
  return merged;
}

/** The prose for a keyword at a position; empty when none is written (a test forbids that). */
export function keywordDoc(parents: readonly string[], name: string, removed = false): string {
  if (removed) return REMOVED_DOCS[name] ?? "";
  const docs = docEntries();
  return (
    docs.get([...parents, name].join(" > ")) ??
    (parents.length > 0 ? docs.get(`${parents[parents.length - 1]} > ${name}`) : undefined) ??
    docs.get(name) ??
    ""
  );
}
