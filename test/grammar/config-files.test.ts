/** The one walker for configuration files: `kalint check DIR`/`fleet DIR` and the language server's peer search. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { findConfigFiles, isConfigFileName, nodeFileHost } from "../../grammar/node.js";
import { memoryHost } from "../support/memory-host.js";

describe("isConfigFileName", () => {
  test.each(["keepalived.conf", "lb1.conf", "keepalived.conf.node2", "keepalived.conf-lb1"])("%s is a configuration", (name) => {
    expect(isConfigFileName(name)).toBe(true);
  });

  test.each([
    "keepalived.conf.bak",
    "keepalived.conf~",
    "lb1.conf.orig",
    "lb1.conf.rej",
    "keepalived.conf.old",
    "keepalived.conf.swp",
    "keepalived.conf.tmp",
    "keepalived.conf.rpmnew",
    "keepalived.conf.rpmsave",
    "keepalived.conf.dpkg-old",
    "keepalived.conf.dpkg-dist",
    "keepalived.conf.j2",
    "keepalived.conf.jinja",
    "keepalived.conf.jinja2",
    "keepalived.conf.tmpl",
    "keepalived.conf.tpl",
    "keepalived.conf.erb",
    "keepalived.conf.in",
    "keepalived.conf.template",
    "README.md",
    "notes.txt",
  ])("%s is a backup, a leftover, a template or no configuration", (name) => {
    expect(isConfigFileName(name)).toBe(false);
  });
});

describe("findConfigFiles", () => {
  const tree = memoryHost({
    "/w/b.conf": "",
    "/w/a/keepalived.conf": "",
    "/w/a/keepalived.conf.bak": "",
    "/w/a/keepalived.conf.node2": "",
    "/w/.git/x.conf": "",
    "/w/node_modules/m.conf": "",
    "/w/deep/1/2/3/d.conf": "",
    "/w/big.conf": "x".repeat(100),
  });

  test("depth first, entries in name order, skip list applied, hidden entries and node_modules not entered", () => {
    expect(findConfigFiles(tree, "/w").files).toEqual([
      "/w/a/keepalived.conf",
      "/w/a/keepalived.conf.node2",
      "/w/b.conf",
      "/w/big.conf",
      "/w/deep/1/2/3/d.conf",
    ]);
  });

  test("bounds: depth, number of files, size", () => {
    expect(findConfigFiles(tree, "/w", { maxDepth: 3 }).files).not.toContain("/w/deep/1/2/3/d.conf");
    expect(findConfigFiles(tree, "/w", { maxDepth: 4 }).files).toContain("/w/deep/1/2/3/d.conf");
    expect(findConfigFiles(tree, "/w", { maxFiles: 2 }).files).toEqual(["/w/a/keepalived.conf", "/w/a/keepalived.conf.node2"]);
    expect(findConfigFiles(tree, "/w", { maxBytes: 99 }).files).not.toContain("/w/big.conf");
    // /w, /w/a, /w/deep: the third listing is refused, so nothing under deep/ is found.
    expect(findConfigFiles(tree, "/w", { maxDirectories: 2 }).files).toEqual([
      "/w/a/keepalived.conf",
      "/w/a/keepalived.conf.node2",
      "/w/b.conf",
      "/w/big.conf",
    ]);
  });

  test("a directory that cannot be read is named with the reason", () => {
    expect(findConfigFiles(tree, "/nowhere")).toEqual({
      files: [],
      unreadable: [{ path: "/nowhere", reason: "no such file or directory" }],
    });
  });

  describe("on disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "kalint-walk-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const put = (path: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), "");
    };
    put("n/b.conf");
    put("n/keepalived.conf.bak");
    symlinkSync(join(dir, "n/b.conf"), join(dir, "n/link.conf"));
    symlinkSync(join(dir, "n/missing.conf"), join(dir, "n/dangling.conf"));
    symlinkSync(join(dir, "n"), join(dir, "n/loop"));

    test("links are followed, a dangling link is left out, a link back up the tree is walked once", () => {
      expect(findConfigFiles(nodeFileHost, join(dir, "n"))).toEqual({
        files: [join(dir, "n/b.conf"), join(dir, "n/link.conf")],
        unreadable: [],
      });
    });

    test("staysInside: no link is followed out of the starting directory (an editor's workspace folder)", () => {
      put("outside/secret.conf");
      put("w/own.conf");
      symlinkSync(join(dir, "outside"), join(dir, "w/out"));
      symlinkSync(join(dir, "outside/secret.conf"), join(dir, "w/peer.conf"));
      symlinkSync(join(dir, "w/own.conf"), join(dir, "w/same.conf"));
      execFileSync("mkfifo", [join(dir, "w/fifo.conf")]);
      expect(findConfigFiles(nodeFileHost, join(dir, "w")).files).toEqual([
        join(dir, "w/out/secret.conf"),
        join(dir, "w/own.conf"),
        join(dir, "w/peer.conf"),
        join(dir, "w/same.conf"),
      ]);
      // A FIFO named like a configuration is never taken, inside or not.
      expect(findConfigFiles(nodeFileHost, join(dir, "w"), { staysInside: true }).files).toEqual([
        join(dir, "w/own.conf"),
        join(dir, "w/same.conf"),
      ]);
    });
  });
});
