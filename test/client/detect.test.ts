import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { looksLikeKeepalived, templateLanguage } from "../../client/src/detect.js";

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

describe("templateLanguage: which templates the extension claims", () => {
  const vrrp = "vrrp_instance {{ name }} {\n    state BACKUP\n}\n";
  test("a keepalived template by name or folder, with keepalived content, by engine", () => {
    expect(templateLanguage("/r/roles/lb/templates/keepalived.conf.j2", vrrp)).toBe("keepalived-jinja");
    expect(templateLanguage("/r/templates/lb.conf.jinja2", vrrp)).toBe("keepalived-jinja");
    expect(templateLanguage("/r/keepalived/node.conf.tmpl", "vrrp_instance {{ .Name }} {\n}\n")).toBe("keepalived-go");
    expect(templateLanguage("/r/keepalived.conf.erb", "vrrp_instance <%= @n %> {\n}\n")).toBe("keepalived-erb");
    expect(templateLanguage("/r/keepalived.conf.ctmpl", 'vrrp_instance {{ key "x" }} {\n}\n')).toBe("keepalived-go");
  });

  test("never another .j2, nor a keepalived-named file without keepalived content, nor a .conf.j2 elsewhere", () => {
    expect(templateLanguage("/r/templates/nginx.j2", vrrp)).toBeUndefined();
    expect(templateLanguage("/r/templates/keepalived.service.j2", "[Service]\n")).toBeUndefined();
    expect(templateLanguage("/r/templates/keepalived.conf.j2", "server { listen {{ port }}; }\n")).toBeUndefined();
    expect(templateLanguage("/r/files/lb.conf.j2", vrrp)).toBeUndefined();
  });
});
