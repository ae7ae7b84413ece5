import { describe, expect, test } from "vitest";
import { completion } from "../../server/src/service/index.js";
import { docAt, SCRIPTED } from "./helpers.js";

const labels = (marked: string, snippets = true) => {
  const { doc, at } = docAt(marked);
  return completion(doc, at, { snippets }).items.map((i) => i.label);
};

describe("keywords valid in the block", () => {
  test("inside vrrp_instance: instance keywords, not global_defs ones", () => {
    const items = labels("vrrp_instance VI_1 {\n    pri|\n}\n");
    expect(items).toContain("priority");
    expect(items).toContain("virtual_router_id");
    expect(items).not.toContain("router_id");
  });

  test("at the top level: block keywords come as snippets with their name placeholder", () => {
    const { doc, at } = docAt("|\n");
    const item = completion(doc, at, { snippets: true }).items.find((i) => i.label === "vrrp_instance")!;
    expect(item.insertTextFormat).toBe(2);
    expect(item.textEdit && "newText" in item.textEdit ? item.textEdit.newText : "").toMatch(/^vrrp_instance \$\{1:[^}]+\} \{\n\t\$0\n\}$/);
  });

  test("without snippet support a block keyword inserts only its name", () => {
    const { doc, at } = docAt("|\n");
    const item = completion(doc, at, { snippets: false }).items.find((i) => i.label === "vrrp_instance")!;
    expect(item.insertTextFormat).toBeUndefined();
    expect(item.textEdit && "newText" in item.textEdit ? item.textEdit.newText : "").toBe("vrrp_instance");
  });

  test("deprecated spellings are tagged and sort after current ones", () => {
    const { doc, at } = docAt(
      "virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        HTTP_GET {\n            |\n        }\n    }\n}\n",
    );
    const items = completion(doc, at).items;
    const old = items.find((i) => i.label === "nb_get_retry")!;
    expect(old.tags).toEqual([1]);
    expect(old.sortText! > items.find((i) => i.label === "retry")!.sortText!).toBe(true);
  });

  test("no completion inside a comment", () => {
    expect(labels("# vrrp_|\n")).toEqual([]);
  });
});

describe("values", () => {
  test("enum values after an enum keyword", () => {
    expect(labels("vrrp_instance VI_1 {\n    state |\n}\n")).toEqual(["MASTER", "BACKUP"]);
  });

  test("lb_kind values in a virtual_server", () => {
    expect(labels("virtual_server 10.0.0.1 80 {\n    lb_kind |\n}\n")).toEqual(expect.arrayContaining(["NAT", "DR", "TUN"]));
  });

  test("virtual_server group offers the defined virtual_server_groups", () => {
    expect(labels("virtual_server_group WEB {\n    10.0.0.1 80\n}\nvirtual_server group |\n")).toEqual(["WEB"]);
  });
});

describe("defined names", () => {
  test("a track_script block offers the vrrp_scripts defined", () => {
    const text = SCRIPTED.replace(
      "        chk_haproxy\n    }\n    virtual_ipaddress {\n        10.0.0.100/24",
      "        chk|\n    }\n    virtual_ipaddress {\n        10.0.0.100/24",
    );
    expect(labels(text)).toEqual(["chk_haproxy"]);
  });

  test("after the name on a track line: weight and reverse", () => {
    expect(labels("vrrp_script s {\n    script /bin/true\n}\nvrrp_instance A {\n    track_script {\n        s |\n    }\n}\n")).toEqual([
      "weight",
      "reverse",
      "noreverse",
    ]);
  });

  test("a sync group's group block offers instance names", () => {
    expect(labels("vrrp_instance A {\n}\nvrrp_instance B {\n}\nvrrp_sync_group G {\n    group {\n        A |\n    }\n}\n")).toEqual([
      "A",
      "B",
    ]);
  });

  test("$ offers the names the tree defines: a `$B=` line that continues a multi-line value defines nothing", () => {
    const items = labels("$A=one \\\n$B=two\nvrrp_instance A {\n    interface $|\n}\n");
    expect(items).toContain("$A");
    expect(items).not.toContain("$B");
  });

  test("$ offers parameter names, also ones defined further down, and the built-ins", () => {
    const items = labels("$IFACE=eth0\nvrrp_instance A {\n    interface $|\n}\n$LATER=1\n");
    expect(items).toEqual(expect.arrayContaining(["$IFACE", "$LATER", "${_INSTANCE}"]));
  });
});
