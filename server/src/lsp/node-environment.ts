/** The language server's surroundings under Node: the disk. */
import { nodeFileHost } from "../../../grammar/node.js";
import type { ServerEnvironment } from "./environment.js";

export const nodeEnvironment: ServerEnvironment = {
  files: () => nodeFileHost,
  onlyOpenDocuments: false,
  later(fn) {
    const handle = setImmediate(fn);
    return () => clearImmediate(handle);
  },
};
