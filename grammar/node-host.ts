/**
 * Reading the disk, for the CLI and the language server. A file is opened once and everything
 * is decided on that descriptor: it must be a regular file (opening does not wait on a FIFO),
 * on no pseudo file system, and within the size limit, which bounds the read too (a file that
 * grows while it is read stops at the limit). Paths under /proc, /sys and /dev are refused
 * before they are opened; their contents are the machine's, not configuration.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import {
  decodeFile,
  fileErrorReason,
  refusalMessage,
  type DecodedText,
  type DirectoryEntry,
  type FileHost,
  type FileKind,
  type FileStamp,
  type ReadRefusal,
} from "./file-host.js";
import { formatBytes } from "./limits.js";

const SYSTEM_ROOTS = ["/proc", "/sys", "/dev"];

/** The devices of the pseudo file systems, so a bind mount elsewhere is recognised too. */
let systemDevices: ReadonlySet<number> | undefined;
function isSystemDevice(dev: number): boolean {
  if (!systemDevices) {
    const devs = new Set<number>();
    for (const root of SYSTEM_ROOTS) {
      try {
        devs.add(statSync(root).dev);
      } catch {
        // not mounted here
      }
    }
    // "/" can share a device with nothing above; never count it.
    try {
      devs.delete(statSync("/").dev);
    } catch {
      // no root to stat
    }
    systemDevices = devs;
  }
  return systemDevices.has(dev);
}

/** Whether the path (links resolved) lies under /proc, /sys or /dev. */
export function isSystemPath(path: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    real = resolve(path);
  }
  return underSystemRoot(real);
}

/** Whether a real path (links resolved) is /proc, /sys or /dev, or lies under one. */
function underSystemRoot(real: string): boolean {
  return SYSTEM_ROOTS.some((root) => real === root || real.startsWith(root + "/"));
}

function errorReason(e: unknown): ReadRefusal["reason"] {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "missing";
  if (code === "EISDIR") return "directory";
  return "unreadable";
}

export const stampOf = (st: Stats): FileStamp => ({ dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });

export type RegularRead = { readonly bytes: Buffer; readonly stamp: FileStamp } | { readonly refused: ReadRefusal };

/**
 * The bytes of a regular file, at most `maxBytes` of them, read through one descriptor; or why
 * it was not read.
 */
export function readRegularFile(path: string, maxBytes: number): RegularRead {
  const refuse = (reason: ReadRefusal["reason"], detail = ""): RegularRead => ({
    refused: { reason, message: refusalMessage(path, reason, detail) },
  });
  if (isSystemPath(path)) return refuse("system");
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return refuse(errorReason(e), fileErrorReason(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return refuse("directory");
    if (!st.isFile()) return refuse("special");
    if (isSystemDevice(st.dev)) return refuse("system");
    if (st.size > maxBytes) return refuse("too-large", tooLarge(st.size, maxBytes));
    const bytes = readBounded(fd, st.size, maxBytes);
    if (bytes === undefined) return refuse("too-large", tooLarge(maxBytes + 1, maxBytes));
    return { bytes, stamp: stampOf(st) };
  } catch (e) {
    return refuse(errorReason(e), fileErrorReason(e));
  } finally {
    closeSync(fd);
  }
}

/** Why a file of `size` bytes is not read; a size of `maxBytes + 1` stands for one found bigger while it was read. */
export function tooLarge(size: number, maxBytes: number): string {
  return `it is ${size === maxBytes + 1 ? "over " + formatBytes(maxBytes) : formatBytes(size)}; kalint reads files of up to ${formatBytes(maxBytes)}`;
}

/**
 * Reads to the end, or undefined once more than `maxBytes` came (a file can grow after fstat,
 * and standard input has no size). `expected` sizes the first buffer.
 */
export function readBounded(fd: number, expected: number, maxBytes: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(expected, 64 * 1024), maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (e) {
      // Standard input in non-blocking mode: wait a little and try again.
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    length += n;
    if (length > maxBytes) return undefined;
  }
  return buffer.subarray(0, length);
}

/** A regular file decoded (see decodeFile), with the stamp of what was read. */
export type DecodedRead = (DecodedText & { readonly stamp: FileStamp }) | { readonly refused: ReadRefusal };

export function readDecodedFile(path: string, maxBytes: number): DecodedRead {
  const read = readRegularFile(path, maxBytes);
  if ("refused" in read) return read;
  return { ...decodeFile(read.bytes), stamp: read.stamp };
}

export const nodeFileHost: FileHost = {
  readFile(path, maxBytes) {
    const read = readDecodedFile(path, maxBytes);
    return "refused" in read ? read : { text: read.text, stamp: read.stamp };
  },
  readDirectory(dir) {
    if (isSystemPath(dir)) return { error: "a system directory (under /proc, /sys or /dev); kalint does not list it", system: true };
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return { error: fileErrorReason(e) };
    }
    return entries.map((e): DirectoryEntry => {
      if (!e.isSymbolicLink()) return { name: e.name, kind: e.isDirectory() ? "dir" : e.isFile() ? "file" : "other" };
      try {
        return { name: e.name, kind: fileKind(statSync(join(dir, e.name))) };
      } catch {
        return { name: e.name, kind: "other" };
      }
    });
  },
  stat(path) {
    let st: Stats;
    let realPath: string;
    try {
      st = statSync(path);
      realPath = realpathSync.native(path);
    } catch {
      return undefined;
    }
    const system = isSystemDevice(st.dev) || underSystemRoot(realPath);
    return {
      kind: fileKind(st),
      size: st.size,
      realPath,
      ...(st.isFile() && st.mode & 0o111 ? { executable: true } : {}),
      ...(system ? { system: true } : {}),
    };
  },
};

const fileKind = (st: Stats): FileKind => (st.isDirectory() ? "dir" : st.isFile() ? "file" : "other");
