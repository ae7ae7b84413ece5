/**
 * `kalint check --fix` (and `fmt --write`): apply the safe fixes of one analysis to the files
 * they edit. A fix is applied whole or not at all; when two fixes touch one stretch of text the
 * first (in file order) wins and the other waits for the next round. Planning is linear in the
 * number of fixes.
 *
 * kalint often runs as root on files other users can write (an included conf.d), so a file is
 * rewritten only through the descriptor that was checked: opened once without following a link
 * (unless --force), the same file (device and inode) the analysis read, a regular file, with
 * exactly the text that was analysed. No path is looked up again after the check, so swapping
 * the file for a link in between changes nothing; the file keeps its inode, mode, owner and
 * hard links, and there is no temporary file to leave behind.
 */
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from "node:fs";
import {
  decodeFile,
  DEFAULT_LIMITS,
  fileErrorReason as reason,
  formatBytes,
  type DecodedText,
  type FileStamp,
  type Fix,
  type SourceText,
  type TextEdit,
} from "../../../grammar/index.js";
import { readBounded } from "../../../grammar/node-host.js";
import type { Analysis } from "../analysis/analyze.js";
import { InputError } from "./inputs.js";

const keyOf = (e: TextEdit) => `${e.start}\0${e.end}\0${e.newText}`;

/** Two edits of one file that cannot both be applied: overlapping, or inserting at one point. */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.newText === b.newText) return false;
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Accepted edits of one file, sorted by start and never overlapping. */
class FileEdits {
  readonly list: TextEdit[] = [];
  private readonly keys = new Set<string>();

  /** Index of the first edit starting at or after `start`. */
  private indexOf(start: number): number {
    const list = this.list;
    // Fixes come in file order, so the place is nearly always the end.
    if (list.length === 0 || list[list.length - 1]!.start < start) return list.length;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  fits(e: TextEdit): boolean {
    if (this.keys.has(keyOf(e))) return true;
    const at = this.indexOf(e.start);
    const before = this.list[at - 1];
    if (before && clash(before, e)) return false;
    for (let j = at; j < this.list.length && this.list[j]!.start <= e.end; j++) if (clash(this.list[j]!, e)) return false;
    return true;
  }

  add(e: TextEdit): void {
    const key = keyOf(e);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.splice(this.indexOf(e.start), 0, e);
  }
}

/** The safe fixes to apply, file by file, and how many findings they fix. */
export function planFixes(analysis: Analysis): { edits: Map<SourceText, TextEdit[]>; count: number } {
  // A file cut short by a limit is never rewritten: the end kalint did not read would be lost.
  const files = new Set(analysis.config.files.filter((f) => !f.origin.truncated));
  const fixes: Fix[] = analysis.diagnostics.flatMap((d) => (d.fix?.safe && d.fix.edits.length > 0 ? [d.fix] : []));
  // File order, so the outcome does not depend on the order rules ran in.
  fixes.sort((a, b) => a.edits[0]!.start - b.edits[0]!.start);
  const byFile = new Map<SourceText, FileEdits>();
  const editsOf = (file: SourceText) => byFile.get(file) ?? byFile.set(file, new FileEdits()).get(file)!;
  let count = 0;
  for (const fix of fixes) {
    if (!fix.edits.every((e) => files.has(e.file) && editsOf(e.file).fits(e))) continue;
    for (const e of fix.edits) editsOf(e.file).add(e);
    count++;
  }
  const edits = new Map<SourceText, TextEdit[]>();
  for (const [file, e] of byFile) if (e.list.length) edits.set(file, e.list);
  return { edits, count };
}

/** `text` with `edits` (non-overlapping, all of this file) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

export interface WriteOptions {
  /** Also rewrite read-only files, and write through a symbolic link. */
  readonly force?: boolean;
}

/** Applies the analysis' safe fixes to disk; returns how many findings were fixed. */
export function applyFixes(analysis: Analysis, options: WriteOptions = {}): number {
  const { edits, count } = planFixes(analysis);
  for (const [file, list] of edits)
    rewriteChecked(file.path, file.text, applyEdits(file.text, list), {
      ...options,
      ...(file.origin.stamp ? { stamp: file.origin.stamp } : {}),
    });
  return count;
}

export interface CheckedWrite extends WriteOptions {
  /** The file the text was read from; a file with another device or inode is not written. */
  readonly stamp?: FileStamp;
  /** The encoding to write in; by default the one the file is in now. */
  readonly encoding?: DecodedText["encoding"];
}

/**
 * Replaces the file's content with `text`, provided the file still holds exactly `expected`
 * (and is the file of `stamp`); all through one descriptor (see the module comment).
 */
export function rewriteChecked(path: string, expected: string, text: string, options: CheckedWrite = {}): void {
  const refuse = (why: string): never => {
    throw new InputError(`cannot write ${path}: ${why}`);
  };
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO put in the file's place does not block the open.
    fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY | (options.force ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") refuse("it is a symbolic link; kalint writes only to the file itself (--force writes through the link)");
    if (code === "ENXIO") refuse("it is not a regular file");
    return refuse(reason(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) refuse("it is not a regular file");
    if (options.stamp && (st.dev !== options.stamp.dev || st.ino !== options.stamp.ino))
      refuse("it was replaced by another file while kalint was checking it");
    // Root may write anything: the permission bits are what the owner asked for.
    if ((st.mode & 0o222) === 0 && !options.force) refuse("it is read-only (--force rewrites it anyway)");
    const bytes = readBounded(fd, st.size, DEFAULT_LIMITS.fileBytes);
    if (!bytes) refuse(`it is over ${formatBytes(DEFAULT_LIMITS.fileBytes)}`);
    const now = decodeFile(bytes!);
    if (now.text !== expected) refuse("it changed while kalint was checking it");
    const out = Buffer.from(text, options.encoding ?? now.encoding);
    // New content first, then the length: a reader never sees an empty file.
    for (let done = 0; done < out.length;) done += writeSync(fd, out, done, out.length - done, done);
    ftruncateSync(fd, out.length);
    fsyncSync(fd);
  } catch (e) {
    if (e instanceof InputError) throw e;
    refuse(reason(e));
  } finally {
    closeSync(fd);
  }
}
