import { expect, test } from "vitest";
import { codeActions, FIX_ALL_KIND } from "../../server/src/service/index.js";
import { docOf } from "./helpers.js";
import { pathToFileURL } from "node:url";
import { MAIN } from "./helpers.js";

const uri = pathToFileURL(MAIN).href;
const everywhere = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 0 } });

const DEPRECATED =
  "virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        HTTP_GET {\n            nb_get_retry 3\n        }\n    }\n}\n";

test("a diagnostic's fix becomes a preferred quick fix with its edit", () => {
  const actions = codeActions(docOf(DEPRECATED), line(3));
  const fix = actions.find((a) => a.title === "Rename to retry")!;
  expect(fix).toMatchObject({ kind: "quickfix", isPreferred: true });
  expect(fix.diagnostics![0]!.code).toBe("deprecated-keyword");
  expect(fix.edit!.changes![uri]).toEqual([
    { range: { start: { line: 3, character: 12 }, end: { line: 3, character: 24 } }, newText: "retry" },
  ]);
});

test("disable for this line appends a disable-line comment; for this file, a disable-file comment at the top", () => {
  const actions = codeActions(docOf(DEPRECATED), line(3));
  expect(actions.find((a) => a.title === "Disable deprecated-keyword for this line")!.edit!.changes![uri]).toEqual([
    { range: { start: { line: 3, character: 26 }, end: { line: 3, character: 26 } }, newText: " # kalint disable-line=deprecated-keyword" },
  ]);
  expect(actions.find((a) => a.title === "Disable deprecated-keyword for this file")!.edit!.changes![uri]).toEqual([
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "# kalint disable-file=deprecated-keyword\n" },
  ]);
});

test("a line that already ends in a comment gets a disable comment on the line above", () => {
  const doc = docOf("vrrp_instance A {\n    priority 300   # too high\n}\n");
  const action = codeActions(doc, line(1)).find((a) => a.title === "Disable out-of-range for this line")!;
  expect(action.edit!.changes![uri]).toEqual([{ range: line(1), newText: "    # kalint disable=out-of-range\n" }]);
});

test("an existing disable-line or disable-file comment is extended", () => {
  const doc = docOf("# kalint disable-file=script-security\nvrrp_instance A {\n    priority 300 # kalint disable-line=extra-argument\n}\n");
  const actions = codeActions(doc, line(2));
  const lineEdit = actions.find((a) => a.title === "Disable out-of-range for this line")!.edit!.changes![uri]![0]!;
  expect(lineEdit.newText).toBe(",out-of-range");
  expect(lineEdit.range.start).toEqual({ line: 2, character: 53 });
  const fileEdit = actions.find((a) => a.title === "Disable out-of-range for this file")!.edit!.changes![uri]![0]!;
  expect([fileEdit.range.start, fileEdit.newText]).toEqual([{ line: 0, character: 37 }, ",out-of-range"]);
});

test("the fix-all source action collects every safe fix; asking only for quick fixes leaves it out", () => {
  const text = DEPRECATED.replace("nb_get_retry 3", "nb_get_retry 3\n            delay_before_retry 3\n            nb_get_retry 4");
  const doc = docOf(text);
  const all = codeActions(doc, everywhere, [FIX_ALL_KIND]);
  expect(all).toHaveLength(1);
  expect(all[0]!.edit!.changes![uri]!.map((e) => e.newText)).toEqual(["retry", "retry"]);
  expect(codeActions(doc, everywhere, ["quickfix"]).some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
});
