/**
 * The disk as the language server reads it for every keystroke's analysis: a document whose
 * include pattern matches thousands of files would otherwise re-read all of them per edit.
 * Directory listings, stats and file texts are kept by the identity and modification time
 * `stat` reports (device, inode, size, mtime, ctime), so a change on disk is seen at the next
 * analysis without waiting for a file-watcher event (not every client sends them). Texts kept
 * are bounded in bytes, least recently used first out.
 */
import { statSync, type Stats } from "node:fs";
import { nodeFileHost, type FileHost, type FileRead, type FileStat } from "../../../grammar/node.js";

/** Bytes of file text kept between analyses. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
/** Listings and stats kept: far more than the limits let one analysis look at. */
const MAX_ENTRIES = 100_000;

const identity = (st: Stats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/**
 * stat results of the analysis running now: the kind of a file and the check of its cached text
 * each need one, and an analysis is synchronous, so the first stands for both. Forgotten as soon
 * as the analysis ends (a microtask), so the next one sees the disk afresh.
 */
const statsNow = new Map<string, Stats | undefined>();
function statOf(path: string): Stats | undefined {
  if (statsNow.has(path)) return statsNow.get(path);
  if (statsNow.size === 0) queueMicrotask(() => statsNow.clear());
  let st: Stats | undefined;
  try {
    st = statSync(path);
  } catch {
    st = undefined;
  }
  statsNow.set(path, st);
  return st;
}

interface Remembered<T> {
  readonly key: string;
  readonly value: T;
}

/** What `read` says of `path`, kept while `stat` still reports the same identity (up to MAX_ENTRIES paths). */
function remembered<T>(map: Map<string, Remembered<T>>, path: string, st: Stats, read: () => T): T {
  const key = identity(st);
  const hit = map.get(path);
  if (hit && hit.key === key) return hit.value;
  const value = read();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(path, { key, value });
  return value;
}

export class DiskCache implements FileHost {
  private readonly texts = new Map<string, { readonly key: string; readonly read: FileRead; readonly bytes: number }>();
  private readonly listings = new Map<string, Remembered<ReturnType<FileHost["readDirectory"]>>>();
  private readonly stats = new Map<string, Remembered<FileStat | undefined>>();
  private bytes = 0;

  readFile(path: string, maxBytes: number): FileRead {
    const st = statOf(path);
    if (!st?.isFile()) return nodeFileHost.readFile(path, maxBytes);
    const key = `${identity(st)}:${maxBytes}`;
    const hit = this.texts.get(path);
    if (hit && hit.key === key) {
      // Most recently used goes last.
      this.texts.delete(path);
      this.texts.set(path, hit);
      return hit.read;
    }
    if (hit) this.drop(path);
    const read = nodeFileHost.readFile(path, maxBytes);
    // A file read is kept only if it is the one stat saw (not replaced in between).
    if ("text" in read && read.stamp && read.stamp.ino === st.ino && read.stamp.dev === st.dev && read.stamp.mtimeMs === st.mtimeMs) {
      const bytes = read.text.length;
      if (bytes <= MAX_CACHED_BYTES / 4) {
        this.texts.set(path, { key, read, bytes });
        this.bytes += bytes;
        for (const [p] of this.texts) {
          if (this.bytes <= MAX_CACHED_BYTES) break;
          this.drop(p);
        }
      }
    }
    return read;
  }

  readDirectory(dir: string): ReturnType<FileHost["readDirectory"]> {
    const st = statOf(dir);
    return st ? remembered(this.listings, dir, st, () => nodeFileHost.readDirectory(dir)) : nodeFileHost.readDirectory(dir);
  }

  stat(path: string): FileStat | undefined {
    const st = statOf(path);
    return st && remembered(this.stats, path, st, () => nodeFileHost.stat(path));
  }

  private drop(path: string): void {
    const hit = this.texts.get(path);
    if (!hit) return;
    this.texts.delete(path);
    this.bytes -= hit.bytes;
  }
}
