/** The language server's surroundings under Node: the disk. */
import { DiskCache } from "./disk-cache.js";
import type { ServerEnvironment } from "./environment.js";

export const nodeEnvironment: ServerEnvironment = {
  // Files kept by identity, so a keystroke in a document including thousands of files re-reads none of them.
  files: () => new DiskCache(),
  onlyOpenDocuments: false,
  later(fn) {
    const handle = setImmediate(fn);
    return () => clearImmediate(handle);
  },
};
