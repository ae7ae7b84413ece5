/** Builders for rule fixes: text edits on the words a rule reports, guarded so they only touch text written as-is. */
import { writtenAs, type Fix, type Span, type Statement, type Word } from "../../../grammar/index.js";

/** Replace one word; undefined when the word is not written literally. */
export function replaceWord(word: Word, newText: string, description: string, safe: boolean): Fix | undefined {
  if (!writtenAs(word)) return undefined;
  return { description, safe, edits: [{ file: word.file, start: word.start, end: word.end, newText }] };
}

/** Leading whitespace of the line a span starts on. */
export function indentOf(span: Span): string {
  const line = span.file.lineOf(span.start);
  return /^[ \t]*/.exec(span.file.lineText(line))![0];
}

/**
 * Insert a line after a statement, at the statement's indentation. Only for statements on a line
 * of their own without `@id` or `~SEQ` prefixes, where the new line means the same for every node.
 */
export function insertLineAfter(statement: Statement, text: string, description: string, safe: boolean): Fix | undefined {
  if (statement.condition || statement.sequences?.length || !writtenAs(statement.keyword)) return undefined;
  const file = statement.file;
  const line = file.lineOf(statement.start);
  // The effective tree drops the `@id` prefix of a line that applies; the text still has it.
  if (file.lineOf(statement.end) !== line || /^\s*@/.test(file.lineText(line))) return undefined;
  const at = file.lineEnd(line);
  return { description, safe, edits: [{ file, start: at, end: at, newText: `\n${indentOf(statement)}${text}` }] };
}

/**
 * Remove a block or statement together with its lines, when it stands on lines of its own
 * (nothing but blanks before it, nothing but blanks or a comment after it) and has no `@id` or
 * `~SEQ` prefix; undefined otherwise.
 */
export function removeLines(
  node: Span & { readonly condition?: unknown; readonly sequences?: readonly unknown[] },
  description: string,
  safe: boolean,
): Fix | undefined {
  if (node.condition || node.sequences?.length) return undefined;
  const file = node.file;
  const first = file.lineOf(node.start);
  const last = file.lineOf(Math.max(node.start, node.end - 1));
  const before = file.text.slice(file.lineStarts[first]!, node.start);
  const after = file.text.slice(node.end, file.lineEnd(last));
  if (!/^[ \t]*$/.test(before) || !/^[ \t]*(?:[#!].*)?$/.test(after)) return undefined;
  const end = last + 1 < file.lineCount ? file.lineStarts[last + 1]! : file.text.length;
  return { description, safe, edits: [{ file, start: file.lineStarts[first]!, end, newText: "" }] };
}
