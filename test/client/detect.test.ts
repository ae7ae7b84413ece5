import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { looksLikeKeepalived } from "../../client/src/detect.js";

describe("looksLikeKeepalived", () => {
  test("the example configs, whose names (master.conf) say nothing", () => {
    expect(looksLikeKeepalived(readFileSync("examples/lvs-dr/master.conf", "utf8"))).toBe(true);
    expect(looksLikeKeepalived(readFileSync("examples/lvs-dr-broken/backup.conf", "utf8"))).toBe(true);
  });

  test("a first statement that opens a keepalived top-level block", () => {
    expect(looksLikeKeepalived("\n\nvrrp_instance VI_1 {\n")).toBe(true);
    expect(looksLikeKeepalived("virtual_server 10.0.0.1 80 {")).toBe(true);
    expect(looksLikeKeepalived("global_defs{\n")).toBe(true);
  });

  test("definitions, conditionals and includes before it are skipped", () => {
    expect(looksLikeKeepalived("$PRIO=100\ninclude /etc/keepalived/common.conf\n@lb1 vrrp_instance VI_1 {")).toBe(true);
  });

  test("a header comment naming keepalived", () => {
    expect(looksLikeKeepalived("! Configuration File for keepalived\n")).toBe(true);
    expect(looksLikeKeepalived("# Keepalived settings for lb2\nfoo bar\n")).toBe(true);
  });

  test("other .conf dialects are left alone", () => {
    expect(looksLikeKeepalived("server {\n    listen 80;\n}\n")).toBe(false); // nginx
    expect(looksLikeKeepalived("[global]\nworkgroup = X\n")).toBe(false); // ini
    expect(looksLikeKeepalived("# resolver\nnameserver 1.1.1.1\n")).toBe(false);
    expect(looksLikeKeepalived("")).toBe(false);
  });
});
