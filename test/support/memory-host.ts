/** An in-memory FileHost: tests describe a tree of files as an object. */
import { globFiles, type FileHost } from "../../grammar/index.js";
import { dirname, resolve } from "node:path";

export function memoryHost(files: Record<string, string>): FileHost {
  const byPath = new Map(Object.entries(files).map(([p, t]) => [resolve("/", p), t]));
  const dirs = new Set<string>();
  for (const p of byPath.keys()) for (let d = dirname(p); ; d = dirname(d)) {
    dirs.add(d);
    if (d === "/") break;
  }
  return {
    readFile: (path) => byPath.get(resolve("/", path)),
    glob: (pattern, cwd) =>
      globFiles(pattern, resolve("/", cwd), {
        list: (dir) => [...new Set([...byPath.keys(), ...dirs].filter((p) => p !== dir && dirname(p) === dir).map((p) => p.slice(dir.length).replace(/^\//, "")))],
        kind: (path) => (byPath.has(path) ? "file" : dirs.has(path) ? "dir" : undefined),
      }),
  };
}
