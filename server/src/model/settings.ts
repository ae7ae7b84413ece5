/**
 * How the model reads a block's settings: the last statement of a keyword wins, as in
 * keepalived, and a value is read by the schema's reader for the keyword's argument
 * (schema/values.ts), the one the validator reports with. A value that reader refuses is no
 * value: keepalived ignores the line (or, for a few keywords, falls back to its default, which
 * the caller applies).
 */
import type { Block, Statement, ValueLine } from "../../../grammar/index.js";
import { rootScope, type KeywordScope } from "../schema/lookup.js";
import { readBoolean, readValue } from "../schema/values.js";
import type { Setting } from "./types.js";

/** The statements of a block by keyword, the last one of each. */
export function statements(block: Block): Map<string, Statement> {
  const map = new Map<string, Statement>();
  for (const c of block.children) if (c.kind === "statement") map.set(c.keyword.text, c);
  return map;
}

export function childBlocks(block: Block, keyword: string): Block[] {
  return block.children.filter((c): c is Block => c.kind === "block" && c.keyword.text === keyword);
}

/** The lines of every `keyword { ... }` value block of `block`. */
export function valueLines(block: Block, keyword: string): ValueLine[] {
  return childBlocks(block, keyword).flatMap((b) => b.children.filter((c): c is ValueLine => c.kind === "value"));
}

/** Whether the block holds a statement of `keyword` (a flag such as `nopreempt`). */
export function hasStatement(block: Block, keyword: string): boolean {
  return block.children.some((c) => c.kind === "statement" && c.keyword.text === keyword);
}

/** The schema's scope of a block path (callers that read many blocks of one path keep it). */
export function scopeOf(...path: string[]): KeywordScope {
  return path.reduce((s, name) => s.child(name), rootScope());
}

/**
 * The statement's first argument as the schema reads it for the keyword in `scope`, or
 * undefined when the statement is absent or its value is refused.
 */
export function valueSetting<T>(scope: KeywordScope, statement: Statement | undefined): Setting<T> | undefined {
  const word = statement?.args[0];
  if (!statement || !word) return undefined;
  const kind = scope.keyword(statement.keyword.text)?.args?.[0]?.kind;
  if (!kind) return undefined;
  const read = readValue(kind, word.text);
  return read.ok ? { value: read.value as T, statement, word } : undefined;
}

/** A word taken as written (a name, an interface, a password). */
export function textSetting(statement: Statement | undefined): Setting<string> | undefined {
  const word = statement?.args[0];
  return statement && word ? { value: word.text, statement, word } : undefined;
}

/** An optional-boolean keyword: alone it means on; a word that is not a boolean leaves it unset. */
export function flagSetting(statement: Statement | undefined): Setting<boolean> | undefined {
  if (!statement) return undefined;
  const word = statement.args[0];
  if (!word) return { value: true, statement };
  const read = readBoolean(word.text);
  return read.ok ? { value: read.value, statement, word } : undefined;
}
