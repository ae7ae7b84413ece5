import { describe, expect, test } from "vitest";
import { describeKeyword } from "../../server/src/schema/describe.js";
import { keywordAt } from "../../server/src/schema/lookup.js";
import { hover } from "../../server/src/service/index.js";
import { docAt, docOf, posOf, SCRIPTED, textOf } from "./helpers.js";

const text = (h: ReturnType<typeof hover>) => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("hover on keywords", () => {
  test("priority shows its syntax, range and version, in the block where it is written", () => {
    const { doc, at } = docAt("vrrp_instance VI_1 {\n    prio|rity 100\n}\n");
    const h = hover(doc, at);
    expect(text(h)).toContain("**priority** in `vrrp_instance`");
    expect(text(h)).toMatch(/1\.\.255/);
    expect(text(h)).toMatch(/first in keepalived \d+\.\d+\.\d+/);
    expect(textOf(doc, h!.range!)).toBe("priority");
  });

  test("a keyword's hover is the text `kalint explain` prints for it in that block", () => {
    const { doc, at } = docAt("vrrp_instance VI_1 {\n    prio|rity 100\n}\n");
    expect(text(hover(doc, at))).toBe(describeKeyword(keywordAt(["vrrp_instance"], "priority")!));
  });

  test("an enum keyword lists its allowed values, also when hovering the value", () => {
    const { doc, at } = docAt("vrrp_instance VI_1 {\n    authentication {\n        auth_type P|ASS\n    }\n}\n");
    const h = text(hover(doc, at));
    expect(h).toContain("**auth_type**");
    expect(h).toContain("`PASS`");
    expect(h).toContain("`AH`");
  });

  test("a keyword whose arguments changed between releases says what each release accepts", () => {
    const { doc, at } = docAt("global_defs {\n    vrrp_mcast|_group4 224.0.0.18\n}\n");
    const h = text(hover(doc, at));
    expect(h).toContain("keepalived 2.2.5 and later: `vrrp_mcast_group4 ADDRESS`");
    expect(h).toContain("keepalived 2.0.20 to before 2.2.5:");
    expect(h).toContain("keepalived before 2.0.20:");
  });

  test("a deprecated keyword says so and names its replacement", () => {
    const { doc, at } = docAt(
      "virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        HTTP_GET {\n            nb_get|_retry 3\n        }\n    }\n}\n",
    );
    expect(text(hover(doc, at))).toMatch(/\*\*deprecated\*\*.*`retry`/);
  });

  test("a removed keyword says when it went and what replaced it", () => {
    const { doc, at } = docAt("global_defs {\n    lvs|_id LB1\n}\n");
    expect(text(hover(doc, at))).toContain("**lvs_id**: removed in keepalived 1.1.8; use `router_id`");
  });

  test("a keyword written in the wrong block says where keepalived reads it", () => {
    const { doc, at } = docAt("global_defs {\n    virtual_router|_id 5\n}\n");
    expect(text(hover(doc, at))).toContain("is not a keyword of `global_defs`; keepalived reads it in `vrrp_instance`");
  });

  test("nothing on a blank line or a comment", () => {
    const { doc, at } = docAt("# a comment |here\n\nvrrp_instance VI_1 {\n}\n");
    expect(hover(doc, at)).toBeNull();
  });
});

describe("hover on names and parameters", () => {
  test("a track_script entry shows the vrrp_script behind it", () => {
    const doc = docOf(SCRIPTED);
    const h = text(hover(doc, posOf(doc, "chk_haproxy", 1, 2)));
    expect(h).toContain("**vrrp_script chk_haproxy** · referenced 2 times");
    expect(h).toContain("Defined at line 5");
    expect(h).toContain('script "/usr/bin/pgrep haproxy"');
  });

  test("a $VAR shows the value in effect at that line", () => {
    const { doc, at } = docAt("$IFACE=eth0\nvrrp_instance VI_1 {\n    interface $IF|ACE\n}\n$IFACE=eth9\n");
    const h = hover(doc, at);
    expect(text(h)).toContain("**$IFACE** = `eth0`");
    expect(textOf(doc, h!.range!)).toBe("$IFACE");
  });

  test("a multi-line $VAR shows its value as the tree joins it (the continuation line is part of it)", () => {
    const { doc, at } = docAt("$BLOCK=one \\\n$B=two\nvrrp_instance VI_1 {\n    $BL|OCK\n}\n");
    expect(text(hover(doc, at))).toContain("**$BLOCK** = `one\n$B=two`");
  });

  test("an undefined $VAR says it is kept as written", () => {
    const { doc, at } = docAt("vrrp_instance VI_1 {\n    interface $NO|PE\n}\n");
    expect(text(hover(doc, at))).toContain("is not defined");
  });

  test("an include pattern lists the files it reads", () => {
    const { doc, at } = docAt("include conf.d/*.co|nf\n", { "/etc/keepalived/conf.d/a.conf": "", "/etc/keepalived/conf.d/b.conf": "" });
    const h = text(hover(doc, at));
    expect(h).toContain("Includes 2 files");
    expect(h).toContain("/etc/keepalived/conf.d/b.conf");
  });
});
