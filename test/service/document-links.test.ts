import { expect, test } from "vitest";
import { pathToFileURL } from "node:url";
import { documentLinks } from "../../server/src/service/index.js";
import { docOf, textOf } from "./helpers.js";

test("an include pattern links to the file it reads; one matching nothing has no link", () => {
  const doc = docOf("include scripts.conf\ninclude /none/*.conf\ninclude conf.d/*.conf\n", {
    "/etc/keepalived/scripts.conf": "",
    "/etc/keepalived/conf.d/a.conf": "",
    "/etc/keepalived/conf.d/b.conf": "",
  });
  const links = documentLinks(doc);
  expect(links.map((l) => [textOf(doc, l.range), l.target])).toEqual([
    ["scripts.conf", pathToFileURL("/etc/keepalived/scripts.conf").href],
    ["conf.d/*.conf", pathToFileURL("/etc/keepalived/conf.d/a.conf").href],
  ]);
  expect(links[1]!.tooltip).toContain("2 files");
});
