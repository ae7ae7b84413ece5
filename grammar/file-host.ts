/**
 * How the preprocessor reaches files. The CLI reads the disk; the language server layers its
 * open documents over it. Include patterns are globbed the way keepalived asks glob(3) to:
 * csh-style braces, `*`, `?`, `[...]`, matches sorted, directories and executables skipped.
 */
import { isUtf8 } from "node:buffer";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

export interface FileHost {
  /** The file's text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Regular files matching `pattern` (relative to `cwd` unless absolute), in keepalived's order. */
  glob(pattern: string, cwd: string): string[];
  /** A directory's entries, symbolic links followed, or why it cannot be read (config-files.ts walks with it). */
  readDirectory(dir: string): readonly DirectoryEntry[] | FileError;
  /** What `path` is, links followed; undefined when it does not exist or cannot be reached. */
  stat(path: string): FileStat | undefined;
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
}

/** Why a file or directory could not be read, in words a user reads ("permission denied"). */
export interface FileError {
  readonly error: string;
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

/** Expands `{a,b}` alternatives (nested allowed) in order, as glob(3) with GLOB_BRACE does. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") {
      if (depth++ === 0) open = i;
    } else if (c === "}" && depth > 0 && --depth === 0) {
      const inner = pattern.slice(open + 1, i);
      const alternatives: string[] = [];
      let d = 0;
      let from = 0;
      for (let j = 0; j < inner.length; j++) {
        const x = inner[j];
        if (x === "\\") j++;
        else if (x === "{") d++;
        else if (x === "}") d--;
        else if (x === "," && d === 0) {
          alternatives.push(inner.slice(from, j));
          from = j + 1;
        }
      }
      alternatives.push(inner.slice(from));
      if (alternatives.length < 2) continue; // `{x}` is literal text for glob
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return alternatives.flatMap((alt) => expandBraces(head + alt + tail));
    }
  }
  return [pattern];
}

function segmentRegExp(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) re += "\\[";
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += "[" + body.replace(/\\/g, "\\\\") + "]";
        i = close;
      }
    } else if (c === "\\" && i + 1 < segment.length) re += "\\" + segment[++i];
    else re += c.replace(/[.+^${}()|\]\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
}

const hasMagic = (s: string) => /[*?[]/.test(s);

export function globFiles(pattern: string, cwd: string, fs: { list(dir: string): string[]; kind(path: string): "file" | "dir" | "other" | undefined }): string[] {
  const out: string[] = [];
  for (const alt of expandBraces(pattern)) {
    const absolute = isAbsolute(alt) ? alt : join(cwd, alt);
    const parts = absolute.split("/").filter((p, i) => p !== "" || i === 0);
    let paths = [parts[0] === "" ? "/" : parts[0]!];
    for (const part of parts.slice(1)) {
      const next: string[] = [];
      for (const base of paths) {
        if (!hasMagic(part)) {
          next.push(join(base, part));
          continue;
        }
        const re = segmentRegExp(part);
        const names = fs.list(base).filter((n) => re.test(n) && (part.startsWith(".") || !n.startsWith(".")));
        names.sort();
        for (const n of names) next.push(join(base, n));
      }
      paths = next;
    }
    for (const p of paths) if (fs.kind(p) === "file") out.push(p);
  }
  return out;
}

export const nodeFileHost: FileHost = {
  readFile(path) {
    try {
      return decodeBytes(readFileSync(path));
    } catch {
      return undefined;
    }
  },
  readDirectory(dir) {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return { error: fileErrorReason(e) };
    }
    return entries.map((e): DirectoryEntry => {
      if (!e.isSymbolicLink()) return { name: e.name, kind: e.isDirectory() ? "dir" : e.isFile() ? "file" : "other" };
      try {
        const st = statSync(join(dir, e.name));
        return { name: e.name, kind: st.isDirectory() ? "dir" : st.isFile() ? "file" : "other" };
      } catch {
        return { name: e.name, kind: "other" };
      }
    });
  },
  stat(path) {
    try {
      const st = statSync(path);
      return { kind: st.isDirectory() ? "dir" : st.isFile() ? "file" : "other", size: st.size, realPath: realpathSync(path) };
    } catch {
      return undefined;
    }
  },
  glob(pattern, cwd) {
    return globFiles(pattern, cwd, {
      list(dir) {
        try {
          return readdirSync(dir);
        } catch {
          return [];
        }
      },
      kind(path) {
        try {
          const st = statSync(path);
          // keepalived skips executable files as well as directories.
          if (st.isFile()) return st.mode & 0o111 ? "other" : "file";
          return st.isDirectory() ? "dir" : "other";
        } catch {
          return undefined;
        }
      },
    });
  },
};

export function directoryOf(path: string): string {
  return dirname(resolve(path));
}
