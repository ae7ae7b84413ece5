/**
 * The language server's surroundings in a browser worker (the playground, VS Code for the Web):
 * there is no disk, so the documents the editor has open are every file there is. An include
 * resolves among them with keepalived's glob rules, and a workspace folder's nodes are the open
 * keepalived files under it.
 */
import { resolve } from "node:path";
import { globFiles, type FileHost } from "../../../grammar/index.js";
import { baseName, isConfigName, type ServerEnvironment } from "./environment.js";

/**
 * A FileHost whose directory tree is the given paths (reads come from the open buffers). Paths
 * are compared as the preprocessor forms them (resolved, so `vscode-vfs://host/a/b.conf` and the
 * folder it computes for an include agree), and answered as the editor named them.
 */
export function openFilesHost(paths: () => readonly string[]): FileHost {
  return {
    readFile: () => undefined,
    glob: (pattern, cwd) => {
      const files = new Map(paths().map((p) => [resolve(p), p]));
      const found = globFiles(pattern, cwd, {
        list(dir) {
          const prefix = dir.endsWith("/") ? dir : `${dir}/`;
          const names = new Set<string>();
          for (const f of files.keys()) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split("/")[0]!);
          return [...names];
        },
        kind(path) {
          if (files.has(path)) return "file";
          const prefix = path.endsWith("/") ? path : `${path}/`;
          for (const f of files.keys()) if (f.startsWith(prefix)) return "dir";
          return undefined;
        },
      });
      return found.map((p) => files.get(resolve(p)) ?? p);
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
    scanFolder: (folder, openPaths) => openPaths().filter((p) => p.startsWith(`${folder}/`) && isConfigName(baseName(p))).sort(),
    onlyOpenDocuments: true,
    later: messageLater(),
  };
}
