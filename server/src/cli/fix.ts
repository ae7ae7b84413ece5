/**
 * `kalint check --fix`: apply the safe fixes of one analysis to the files they edit, each file
 * written atomically. A fix is applied whole or not at all; when two fixes touch one stretch of
 * text the first (in file order) wins and the other waits for the next round.
 */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { decodeFile, fileErrorReason as reason, type DecodedText, type Fix, type SourceText, type TextEdit } from "../../../grammar/index.js";
import type { Analysis } from "../analysis/analyze.js";
import { InputError } from "./inputs.js";

const same = (a: TextEdit, b: TextEdit) => a.file === b.file && a.start === b.start && a.end === b.end && a.newText === b.newText;

/** Two edits of one file that cannot both be applied: overlapping, or inserting at one point. */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file || same(a, b)) return false;
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** The safe fixes to apply, file by file, and how many findings they fix. */
export function planFixes(analysis: Analysis): { edits: Map<SourceText, TextEdit[]>; count: number } {
  const files = new Set(analysis.config.files);
  const accepted: TextEdit[] = [];
  let count = 0;
  const fixes: Fix[] = analysis.diagnostics.flatMap((d) => (d.fix?.safe && d.fix.edits.length > 0 ? [d.fix] : []));
  // File order, so the outcome does not depend on the order rules ran in.
  fixes.sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
  for (const fix of fixes) {
    if (!fix.edits.every((e) => files.has(e.file) && !accepted.some((a) => clash(a, e)))) continue;
    for (const e of fix.edits) if (!accepted.some((a) => same(a, e))) accepted.push(e);
    count++;
  }
  const edits = new Map<SourceText, TextEdit[]>();
  for (const e of accepted) (edits.get(e.file) ?? edits.set(e.file, []).get(e.file)!).push(e);
  return { edits, count };
}

/** `text` with `edits` (non-overlapping, all of this file) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Applies the analysis' safe fixes to disk; returns how many findings were fixed. */
export function applyFixes(analysis: Analysis): number {
  const { edits, count } = planFixes(analysis);
  for (const [file, list] of edits) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch (e) {
      throw new InputError(`cannot fix ${file.path}: ${reason(e)}`);
    }
    const { text, encoding } = decodeFile(bytes);
    if (text !== file.text) throw new InputError(`cannot fix ${file.path}: it changed while kalint was checking it`);
    writeFileAtomically(file.path, applyEdits(file.text, list), encoding);
  }
  return count;
}

/**
 * Writes beside the file and renames over it, so a reader (or keepalived reloading) sees the old
 * text or the new, never half of it. A symbolic link is followed so the link stays a link, and
 * the file keeps its permission bits and, where allowed, its owner.
 */
export function writeFileAtomically(path: string, text: string, encoding: DecodedText["encoding"]): void {
  let temp: string | undefined;
  try {
    const target = realpathSync(path);
    const st = statSync(target);
    temp = join(dirname(target), `.${basename(target)}.kalint-${process.pid}.tmp`);
    const fd = openSync(temp, "wx", st.mode & 0o7777);
    try {
      writeSync(fd, Buffer.from(text, encoding));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, st.mode & 0o7777); // openSync's mode passes through the umask
    try {
      chownSync(temp, st.uid, st.gid);
    } catch {
      // Only root may give a file away; anyone else keeps owning what they rewrite.
    }
    renameSync(temp, target);
  } catch (e) {
    if (temp) rmSync(temp, { force: true });
    throw new InputError(`cannot write ${path}: ${reason(e)}`);
  }
}
