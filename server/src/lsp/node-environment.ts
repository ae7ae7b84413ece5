/** The language server's surroundings under Node: the disk, walked with bounds. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { nodeFileHost } from "../../../grammar/index.js";
import { isConfigName, type ServerEnvironment } from "./environment.js";

/** Bounds on the workspace scan, so a huge folder costs a bounded amount once. */
const MAX_FILES = 300;
const MAX_DEPTH = 8;
const MAX_BYTES = 8 * 1024 * 1024;

/** keepalived config files under a folder, named as `kalint fleet DIR` picks them. */
function scanFolder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && isConfigName(e.name)) {
        try {
          if (statSync(p).size <= MAX_BYTES) out.push(p);
        } catch {
          // vanished between listing and stat
        }
      }
    }
  };
  walk(folder, 0);
  return out;
}

export const nodeEnvironment: ServerEnvironment = {
  files: () => nodeFileHost,
  scanFolder,
  onlyOpenDocuments: false,
  later(fn) {
    const handle = setImmediate(fn);
    return () => clearImmediate(handle);
  },
};
