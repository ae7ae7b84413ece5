import { expect, test } from "vitest";
import { formatDocument } from "../../server/src/format/index.js";
import { formatting } from "../../server/src/service/index.js";
import { docOf } from "./helpers.js";

/** Applies one LSP edit to text (the service returns at most one). */
function apply(text: string, doc: ReturnType<typeof docOf>, result: ReturnType<typeof formatting>): string {
  if (!("edits" in result)) throw new Error("refused");
  const root = doc.analysis.config.root;
  let out = text;
  for (const e of [...result.edits].reverse())
    out = out.slice(0, root.offsetAt(e.range.start)) + e.newText + out.slice(root.offsetAt(e.range.end));
  return out;
}

test("formatting gives exactly what kalint fmt gives", () => {
  const text = "# head\nvrrp_instance A {\n  state MASTER\n\tpriority   100\n      virtual_ipaddress {\n10.0.0.1\n}\n}\n";
  const doc = docOf(text);
  const expected = formatDocument(text);
  expect(expected.ok).toBe(true);
  expect(apply(text, doc, formatting(doc))).toBe(expected.ok ? expected.text : "");
});

test("the edit covers only the changed middle of the file", () => {
  const text = "global_defs {\n    router_id A\n}\nvrrp_instance A {\n  state MASTER\n}\n";
  const doc = docOf(text);
  const result = formatting(doc);
  expect("edits" in result && result.edits).toEqual([
    { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, newText: "  " },
  ]);
});

test("an already formatted file gives no edit; a file with syntax errors is refused", () => {
  const clean = docOf("vrrp_instance A {\n    state MASTER\n}\n");
  expect(formatting(clean)).toEqual({ edits: [] });
  const broken = formatting(docOf('vrrp_instance A {\n    notify "/bin/x\n}\n'));
  expect("refused" in broken && broken.refused.length).toBeGreaterThan(0);
});
