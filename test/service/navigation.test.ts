import { describe, expect, test } from "vitest";
import { definition, prepareRename, references, rename, RenameError } from "../../server/src/service/index.js";
import { docAt, docOf, MAIN, posOf, SCRIPTED, textOf } from "./helpers.js";
import { pathToFileURL } from "node:url";

const mainUri = pathToFileURL(MAIN).href;

describe("definition", () => {
  test("a track_script entry goes to the vrrp_script's name", () => {
    const doc = docOf(SCRIPTED);
    const [loc] = definition(doc, posOf(doc, "chk_haproxy", 2));
    expect(loc!.uri).toBe(mainUri);
    expect(loc!.range.start.line).toBe(4);
    expect(textOf(doc, loc!.range)).toBe("chk_haproxy");
  });

  test("a sync group member goes to its vrrp_instance", () => {
    const doc = docOf(SCRIPTED);
    const [loc] = definition(doc, posOf(doc, "VI_2", 1));
    expect(textOf(doc, loc!.range)).toBe("VI_2");
    expect(loc!.range.start.line).toBe(23);
  });

  test("virtual_server group NAME goes to the virtual_server_group", () => {
    const { doc, at } = docAt(
      "virtual_server_group WEB {\n    10.0.0.1 80\n}\nvirtual_server group W|EB {\n    real_server 10.0.0.2 80 {\n    }\n}\n",
    );
    expect(definition(doc, at).map((l) => l.range.start.line)).toEqual([0]);
  });

  test("a $VAR goes to its definition line", () => {
    const { doc, at } = docAt("$IFACE=eth0\nvrrp_instance A {\n    interface $IF|ACE\n}\n");
    const [loc] = definition(doc, at);
    expect(textOf(doc, loc!.range)).toBe("IFACE");
  });

  test("an include pattern goes to each file it reads; a name defined in an include is found there", () => {
    const scripts = "/etc/keepalived/scripts.conf";
    const { doc, at } = docAt("include scr|ipts.conf\nvrrp_instance A {\n    track_script {\n        chk\n    }\n}\n", {
      [scripts]: "vrrp_script chk {\n    script /bin/true\n}\n",
    });
    expect(definition(doc, at)).toEqual([
      { uri: pathToFileURL(scripts).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
    const [inInclude] = definition(doc, posOf(doc, "chk"));
    expect(inInclude!.uri).toBe(pathToFileURL(scripts).href);
    expect(inInclude!.range.start).toEqual({ line: 0, character: 12 });
  });

  test("nothing on a keyword", () => {
    const doc = docOf(SCRIPTED);
    expect(definition(doc, posOf(doc, "priority"))).toEqual([]);
  });
});

describe("references", () => {
  test("every use of a vrrp_script, with or without its declaration", () => {
    const doc = docOf(SCRIPTED);
    const at = posOf(doc, "chk_haproxy", 0, 1);
    expect(references(doc, at).map((l) => l.range.start.line)).toEqual([4, 16, 29]);
    expect(references(doc, at, false).map((l) => l.range.start.line)).toEqual([16, 29]);
  });

  test("every use of a parameter, skipping comments", () => {
    const { doc, at } = docAt("$IF=eth0\nvrrp_instance A {\n    interface $|IF # not $IF here\n    unicast_src_ip ${IF}\n}\n");
    expect(references(doc, at).map((l) => [l.range.start.line, textOf(doc, l.range)])).toEqual([
      [0, "IF"],
      [2, "IF"],
      [3, "IF"],
    ]);
  });
});

describe("rename", () => {
  test("renames an instance in its block and in the sync group", () => {
    const doc = docOf(SCRIPTED);
    const edit = rename(doc, posOf(doc, "VI_1", 0, 1), "VI_web")!;
    expect(edit.changes![mainUri]!.map((e) => [e.range.start.line, e.newText])).toEqual([
      [10, "VI_web"],
      [38, "VI_web"],
    ]);
  });

  test("prepareRename gives the name under the cursor, nothing on a keyword", () => {
    const doc = docOf(SCRIPTED);
    const prep = prepareRename(doc, posOf(doc, "chk_haproxy", 1))!;
    expect(prep.placeholder).toBe("chk_haproxy");
    expect(textOf(doc, prep.range)).toBe("chk_haproxy");
    expect(prepareRename(doc, posOf(doc, "interval"))).toBeNull();
  });

  test("renaming a $VAR touches its definition and every use, in included files too", () => {
    const other = "/etc/keepalived/more.conf";
    const { doc, at } = docAt("$IF=eth0\ninclude more.conf\nvrrp_instance A {\n    interface $I|F\n}\n", {
      [other]: "vrrp_instance B {\n    interface ${IF}\n}\n",
    });
    const edit = rename(doc, at, "NIC")!;
    expect(edit.changes![mainUri]!.map((e) => e.range.start.line)).toEqual([0, 3]);
    expect(edit.changes![pathToFileURL(other).href]!.map((e) => [e.range.start, e.newText])).toEqual([[{ line: 1, character: 16 }, "NIC"]]);
  });

  test("a name keepalived could not read is refused", () => {
    const doc = docOf(SCRIPTED);
    expect(() => rename(doc, posOf(doc, "VI_1"), "two words")).toThrow(RenameError);
    const { doc: d2, at } = docAt("$IF=eth0\nvrrp_instance A {\n    interface $I|F\n}\n");
    expect(() => rename(d2, at, "9lives")).toThrow(RenameError);
  });
});
