import { expect, test } from "vitest";
import { documentSymbols } from "../../server/src/service/index.js";
import { docOf, SCRIPTED, textOf } from "./helpers.js";

test("the outline nests blocks as written, names them with their arguments, and lists $VARs and includes", () => {
  const doc = docOf("$IF=eth0\ninclude extra.conf\n" + SCRIPTED, { "/etc/keepalived/extra.conf": "" });
  const symbols = documentSymbols(doc);
  expect(symbols.map((s) => s.name)).toEqual([
    "$IF",
    "include extra.conf",
    "global_defs",
    "vrrp_script chk_haproxy",
    "vrrp_instance VI_1",
    "vrrp_instance VI_2",
    "vrrp_sync_group SG",
  ]);
  const vi1 = symbols.find((s) => s.name === "vrrp_instance VI_1")!;
  expect(vi1.kind).toBe(5);
  expect(textOf(doc, vi1.selectionRange)).toBe("VI_1");
  expect(vi1.children!.map((c) => c.name)).toEqual(["track_script", "virtual_ipaddress"]);
  expect(vi1.range.end.line - vi1.range.start.line).toBe(11);
});

test("an unclosed block still appears, up to the end of the file", () => {
  const symbols = documentSymbols(docOf("vrrp_instance A {\n    state MASTER\n"));
  expect(symbols.map((s) => s.name)).toEqual(["vrrp_instance A"]);
});
