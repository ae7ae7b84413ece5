/** An in-memory FileHost: tests describe a tree of files as an object. */
import { formatBytes, type DirectoryEntry, type FileHost } from "../../grammar/index.js";
import { dirname, resolve } from "node:path";

export function memoryHost(files: Record<string, string>): FileHost {
  const byPath = new Map(Object.entries(files).map(([p, t]) => [resolve("/", p), t]));
  const dirs = new Set<string>();
  for (const p of byPath.keys())
    for (let d = dirname(p); ; d = dirname(d)) {
      dirs.add(d);
      if (d === "/") break;
    }
  const names = (dir: string) => [
    ...new Set(
      [...byPath.keys(), ...dirs].filter((p) => p !== dir && dirname(p) === dir).map((p) => p.slice(dir.length).replace(/^\//, "")),
    ),
  ];
  const kind = (path: string) => (byPath.has(path) ? "file" : dirs.has(path) ? "dir" : undefined);
  return {
    readFile: (path, maxBytes) => {
      const text = byPath.get(resolve("/", path));
      if (text === undefined) return { refused: { reason: "missing", message: `cannot read ${path}: no such file or directory` } };
      if (Buffer.byteLength(text) > maxBytes)
        return { refused: { reason: "too-large", message: `cannot read ${path}: it is over ${formatBytes(maxBytes)}` } };
      return { text };
    },
    readDirectory(dir) {
      const at = resolve("/", dir);
      if (!dirs.has(at)) return { error: "no such file or directory" };
      return names(at).map((name): DirectoryEntry => ({ name, kind: kind(resolve(at, name)) ?? "other" }));
    },
    stat(path) {
      const at = resolve("/", path);
      const k = kind(at);
      return k === undefined ? undefined : { kind: k, size: Buffer.byteLength(byPath.get(at) ?? ""), realPath: at };
    },
  };
}
