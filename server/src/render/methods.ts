/**
 * Python methods real templates call that the engine lacks: `list.index(x)` / `str.index(sub)`,
 * and `dict.get(key, default)` (the engine takes `.get(key)` only). Before rendering, each such
 * call in a tag is given to the engine as a filter of the same length (`.index(` as `|index(`,
 * `.get(` as `|get(`), so every offset, mark and caret stays where it was; a filter binds to the
 * value before it as the method did (`groups['lb'].index(inventory_hostname) + 1`).
 */
import { readTemplate, type TemplateLayer } from "../../../grammar/index.js";
import { isMap, plain, type JinjaValue } from "./filters.js";

const CALL_RE = /\.(index|get)\(/g;

/** Whether `text` may hold a call to rewrite: most templates and values hold none, and are left as they are without a scan. */
const mayCall = (text: string) => text.includes(".index(") || text.includes(".get(");

/** The template text with the method calls in its tags (not in their string literals) written as filters. */
export function methodsAsFilters(text: string, layer: TemplateLayer): string {
  if (!mayCall(text)) return text;
  let out: string[] | undefined;
  let from = 0;
  for (const tag of layer.tags) {
    if (tag.kind === "comment") continue;
    for (const at of calls(text.slice(tag.bodyStart, tag.bodyEnd))) {
      (out ??= []).push(text.slice(from, tag.bodyStart + at), "|");
      from = tag.bodyStart + at + 1;
    }
  }
  return out ? out.join("") + text.slice(from) : text;
}

/** A template string of a vars value (methodsAsFilters, its tags read only when it may hold a call). */
export function methodsInTemplate(text: string): string {
  return mayCall(text) ? methodsAsFilters(text, readTemplate(text, "jinja")) : text;
}

/** One expression (a vars value's `{{ ... }}`, a hovered tag's code) with its method calls written as filters. */
export function methodsInCode(code: string): string {
  let out = code;
  for (const at of calls(code)) out = `${out.slice(0, at)}|${out.slice(at + 1)}`;
  return out;
}

/** Offsets of the `.` of each method call in `code`, outside its string literals. */
function calls(code: string): number[] {
  if (!mayCall(code)) return [];
  const blanked = blankStrings(code);
  return [...blanked.matchAll(CALL_RE)].map((m) => m.index);
}

/** The code with the inside of its string literals blanked (same length), so that no match lands in one. */
function blankStrings(code: string): string {
  return code.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (s) => s[0] + " ".repeat(s.length - 2) + s[s.length - 1]);
}

/** What a value is, in Python's words, for a method called on the wrong kind. */
function kindOf(v: JinjaValue): string {
  if (Array.isArray(v)) return "a list";
  if (v !== null && typeof v === "object") return "a mapping";
  return `a ${typeof v}`;
}

/** Python's ==, for the values a vars file holds. */
function same(a: JinjaValue, b: JinjaValue): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b;
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** The filters the rewritten calls name; like every filter here they throw only into guarded(). */
export const METHOD_FILTERS: Readonly<Record<string, (value: JinjaValue, ...args: JinjaValue[]) => JinjaValue>> = {
  index(value, x) {
    if (typeof value === "string") {
      const at = typeof x === "string" ? value.indexOf(x) : -1;
      if (at < 0) throw new Error("substring not found");
      return at;
    }
    if (!Array.isArray(value)) throw new Error(`${kindOf(value)} has no method index()`);
    const at = value.findIndex((v) => same(v, x));
    if (at < 0) throw new Error(`${JSON.stringify(plain(x))} is not in list`);
    return at;
  },
  get(value, key, fallback = null) {
    if (isMap(value)) return value.has(String(key)) ? value.get(String(key)) : fallback;
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      return Object.prototype.hasOwnProperty.call(value, String(key)) ? (value as Record<string, JinjaValue>)[String(key)] : fallback;
    throw new Error(`${kindOf(value)} has no method get()`);
  },
};
