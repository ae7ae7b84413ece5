import { expect, test } from "vitest";
import { foldingRanges } from "../../server/src/service/index.js";
import { docOf } from "./helpers.js";

test("blocks fold up to the line before their closing brace; comment runs fold as comments", () => {
  const text = "# one\n# two\n# three\nvrrp_instance A {\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\nglobal_defs { }\n";
  expect(foldingRanges(docOf(text))).toEqual([
    { startLine: 0, endLine: 2, kind: "comment" },
    { startLine: 3, endLine: 6 },
    { startLine: 4, endLine: 5 },
  ]);
});

test("a multi-line $VAR definition folds", () => {
  const ranges = foldingRanges(docOf("$ADDRS=10.0.0.1 \\\n 10.0.0.2 \\\n 10.0.0.3\n"));
  expect(ranges).toEqual([{ startLine: 0, endLine: 2 }]);
});
