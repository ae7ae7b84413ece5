/**
 * The language server's surroundings in a browser worker (the playground, VS Code for the Web):
 * there is no disk, so the documents the editor has open are every file there is. An include
 * resolves among them with keepalived's glob rules, and a workspace folder's nodes are the open
 * keepalived files under it, found by the same walk as on disk.
 */
import { resolve } from "node:path";
import { refusalMessage, type FileHost, type FileKind } from "../../../grammar/index.js";
import type { ServerEnvironment } from "./environment.js";

/**
 * A FileHost whose directory tree is the given paths (reads come from the open buffers). Paths
 * are compared as the preprocessor forms them (resolved, so `vscode-vfs://host/a/b.conf` and the
 * folder it computes for an include agree), and answered as the editor named them.
 */
export function openFilesHost(paths: () => readonly string[]): FileHost {
  const files = () => new Map(paths().map((p) => [resolve(p), p]));
  const kind = (all: Map<string, string>, path: string): FileKind | undefined => {
    if (all.has(path)) return "file";
    const prefix = path.endsWith("/") ? path : `${path}/`;
    for (const f of all.keys()) if (f.startsWith(prefix)) return "dir";
    return undefined;
  };
  const names = (all: Map<string, string>, dir: string): string[] => {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    const found = new Set<string>();
    for (const f of all.keys()) if (f.startsWith(prefix)) found.add(f.slice(prefix.length).split("/")[0]!);
    return [...found];
  };
  return {
    // Nothing but the open buffers exists, and the server reads those itself.
    readFile: (path) => ({ refused: { reason: "missing", message: refusalMessage(path, "missing") } }),
    nameOf: (path) => files().get(resolve(path)) ?? path,
    readDirectory: (dir) => {
      const all = files();
      const at = resolve(dir);
      if (kind(all, at) !== "dir") return { error: "no such file or directory" };
      return names(all, at).map((name) => ({ name, kind: kind(all, `${at}/${name}`)! }));
    },
    stat: (path) => {
      const at = resolve(path);
      const found = kind(files(), at);
      return found && { kind: found, size: 0, realPath: at };
    },
  };
}

/** Runs callbacks on later turns through a MessageChannel: a worker has no setImmediate, and setTimeout(0) is clamped to 4 ms once nested. */
function messageLater(): (fn: () => void) => () => void {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.addEventListener("message", () => queue.shift()?.());
  channel.port1.start();
  return (fn) => {
    let live = true;
    queue.push(() => {
      if (live) fn();
    });
    channel.port2.postMessage(0);
    return () => {
      live = false;
    };
  };
}

export function browserEnvironment(): ServerEnvironment {
  return {
    files: openFilesHost,
    onlyOpenDocuments: true,
    later: messageLater(),
  };
}
