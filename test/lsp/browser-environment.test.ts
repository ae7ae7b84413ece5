/**
 * The browser worker's surroundings: with no disk, include globs resolve among the open
 * documents by keepalived's glob rules, and a folder's nodes are its open keepalived files.
 */
import { expect, test } from "vitest";
import { findConfigFiles } from "../../grammar/config-files.js";
import { directoryOf } from "../../grammar/file-host.js";
import { glob as globWith } from "../../grammar/glob.js";
import { Budget, DEFAULT_LIMITS } from "../../grammar/limits.js";
import type { FileHost } from "../../grammar/file-host.js";
import { openFilesHost } from "../../server/src/lsp/browser-environment.js";

const open = [
  "/ws/keepalived.conf",
  "/ws/conf.d/a.conf",
  "/ws/conf.d/b.conf",
  "/ws/conf.d/.hidden.conf",
  "/ws/conf.d/sub/c.conf",
  "/ws/notes.txt",
];
const host = openFilesHost(() => open);
const glob = (h: FileHost, pattern: string, cwd: string) => globWith(pattern, cwd, h, new Budget(DEFAULT_LIMITS)).files;

test("a pattern matches the open files it names, sorted, hidden ones only when asked for", () => {
  expect(glob(host, "conf.d/*.conf", "/ws")).toEqual(["/ws/conf.d/a.conf", "/ws/conf.d/b.conf"]);
  expect(glob(host, "conf.d/.*.conf", "/ws")).toEqual(["/ws/conf.d/.hidden.conf"]);
  expect(glob(host, "/ws/conf.d/{b,a}.conf", "/")).toEqual(["/ws/conf.d/b.conf", "/ws/conf.d/a.conf"]);
});

test("folders are not files, and nothing outside the open documents exists", () => {
  expect(glob(host, "conf.d/*", "/ws")).toEqual(["/ws/conf.d/a.conf", "/ws/conf.d/b.conf"]);
  expect(glob(host, "conf.d/*/*.conf", "/ws")).toEqual(["/ws/conf.d/sub/c.conf"]);
  expect(glob(host, "/etc/keepalived/*.conf", "/ws")).toEqual([]);
  expect(host.readFile("/ws/keepalived.conf", 1 << 20)).toHaveProperty("refused");
});

test("documents named by URI (VS Code for the Web) are found as the preprocessor looks for them, and answered by their URI", () => {
  const web = openFilesHost(() => ["vscode-vfs://github/acme/lb/main.conf", "vscode-vfs://github/acme/lb/conf.d/vrrp.conf"]);
  expect(glob(web, "conf.d/*.conf", directoryOf("vscode-vfs://github/acme/lb/main.conf"))).toEqual([
    "vscode-vfs://github/acme/lb/conf.d/vrrp.conf",
  ]);
});

test("a folder's peers are found by the walk `kalint fleet DIR` makes, over the open documents", () => {
  const docs = ["/ws/lb1/keepalived.conf", "/ws/lb1/keepalived.conf.bak", "/ws/lb2/keepalived.conf", "/ws/.git/x.conf", "/ws/notes.txt"];
  expect(
    findConfigFiles(
      openFilesHost(() => docs),
      "/ws",
    ).files,
  ).toEqual(["/ws/lb1/keepalived.conf", "/ws/lb2/keepalived.conf"]);
  const web = ["vscode-vfs://github/acme/lb/b.conf", "vscode-vfs://github/acme/lb/a/keepalived.conf"];
  expect(
    findConfigFiles(
      openFilesHost(() => web),
      "vscode-vfs://github/acme/lb",
    ).files,
  ).toEqual(["vscode-vfs://github/acme/lb/a/keepalived.conf", "vscode-vfs://github/acme/lb/b.conf"]);
});
