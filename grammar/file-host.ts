/**
 * How the preprocessor reaches files. The CLI reads the disk (node-host.ts); the language
 * server layers its open documents over it; tests use a tree in memory. A host reads only
 * regular files, within the size it is given, and says why it read nothing otherwise, so every
 * refusal becomes a diagnostic naming the path. Include patterns are globbed by glob.ts, and
 * directories walked by config-files.ts, over the same two calls: readDirectory and stat.
 */
import { isUtf8 } from "node:buffer";
import { dirname, resolve } from "node:path";

export interface FileHost {
  /** The file's text, or why it was not read; a file over `maxBytes` is not read. */
  readFile(path: string, maxBytes: number): FileRead;
  /** A directory's entries, symbolic links followed, or why it cannot be read (config-files.ts walks with it). */
  readDirectory(dir: string): readonly DirectoryEntry[] | FileError;
  /** What `path` is, links followed; undefined when it does not exist or cannot be reached. */
  stat(path: string): FileStat | undefined;
  /**
   * The name a path found by listing is read and reported by, when the host names files
   * otherwise than by path (the browser's open documents named by URI, vscode-vfs://...).
   */
  nameOf?(path: string): string;
}

/** What a directory entry or a path is, once symbolic links are followed; a dangling link is "other". */
export type FileKind = "file" | "dir" | "other";

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: FileKind;
}

export interface FileStat {
  readonly kind: FileKind;
  readonly size: number;
  /** The path with every symbolic link resolved: two paths of one file or directory have the same one. */
  readonly realPath: string;
  /** A regular file with an execute bit: keepalived's include skips it. */
  readonly executable?: boolean;
  /** Under /proc, /sys or /dev: pseudo-files, never read and never listed. */
  readonly system?: boolean;
}

/** Why a file or directory could not be read, in words a user reads ("permission denied"). */
export interface FileError {
  readonly error: string;
  /** A directory under /proc, /sys or /dev, which a host never lists. */
  readonly system?: boolean;
}

/** Short reason for a failed file operation, from its errno code. */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return (e as Error | undefined)?.message ?? String(e);
  }
}

/** Which file a read saw: --fix writes only to the file it checked. */
export interface FileStamp {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export type FileRead = { readonly text: string; readonly stamp?: FileStamp } | { readonly refused: ReadRefusal };

export interface ReadRefusal {
  readonly reason: "missing" | "unreadable" | "directory" | "special" | "system" | "too-large";
  /** What went wrong, naming the path: "cannot read /x: permission denied". */
  readonly message: string;
}

/** A file's text, and the encoding that turns the text back into the same bytes. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf8" | "latin1";
}

/**
 * UTF-8 when the bytes are valid UTF-8, else byte for byte, so every file round-trips; the
 * encoding is kept so that a rewrite leaves the bytes kalint did not edit as they were.
 */
export function decodeFile(bytes: Uint8Array): DecodedText {
  const encoding = isUtf8(bytes) ? "utf8" : "latin1";
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding), encoding };
}

/** The text of `decodeFile`. */
export function decodeBytes(bytes: Uint8Array): string {
  return decodeFile(bytes).text;
}

/** The text of a read, or undefined when the host refused it. */
export const textOf = (read: FileRead): string | undefined => ("refused" in read ? undefined : read.text);

/** The message of a refusal for `path`, in the words users read. */
export function refusalMessage(path: string, reason: ReadRefusal["reason"], detail = ""): string {
  switch (reason) {
    case "missing":
      return `cannot read ${path}: no such file or directory`;
    case "unreadable":
      return `cannot read ${path}: ${detail || "permission denied"}`;
    case "directory":
      return `cannot read ${path}: is a directory`;
    case "special":
      return `cannot read ${path}: not a regular file (a device, FIFO or socket); kalint reads only regular files`;
    case "system":
      return `cannot read ${path}: a system pseudo-file (under /proc, /sys or /dev); kalint does not read those`;
    case "too-large":
      return `cannot read ${path}: ${detail}`;
  }
}

/** The directory relative include patterns of `path` are resolved against. */
export function directoryOf(path: string): string {
  return dirname(resolve(path));
}
