/**
 * The grammar for Node: everything grammar/index.ts exports (which runs anywhere, a browser
 * included), plus reading the disk. Entry points that run on Node import this.
 */
export * from "./index.js";
export { nodeFileHost, readDecodedFile, readRegularFile } from "./node-host.js";
