/** Output bounded by finding count (server/src/analysis/cap.ts). */
import { expect, test } from "vitest";
import { SourceText, type Diagnostic } from "../../grammar/index.js";
import { capFindings } from "../../server/src/analysis/cap.js";

const a = new SourceText("/a.conf", "x\n".repeat(500));
const b = new SourceText("/b.conf", "x\n".repeat(500));
const finding = (file: SourceText, at: number, code = "unknown-keyword", severity: Diagnostic["severity"] = "error"): Diagnostic => ({
  file,
  start: at,
  end: at + 1,
  code,
  severity,
  message: `m${at}`,
});

test("after N findings of one code in one file, one summary counts the rest, at the first not shown, with their highest severity", () => {
  const list = [
    ...Array.from({ length: 5 }, (_, i) => finding(a, i * 2, "unknown-keyword", i === 4 ? "error" : "warning")),
    finding(a, 1, "duplicate-keyword", "warning"),
    ...Array.from({ length: 2 }, (_, i) => finding(b, i * 2)),
  ].sort((x, y) => (x.file.path < y.file.path ? -1 : x.file.path > y.file.path ? 1 : x.start - y.start));
  const capped = capFindings(list, 2, "--max-findings 2");
  expect(capped.map((d) => [d.file.path, d.start, d.code, d.severity, d.omitted])).toEqual([
    ["/a.conf", 0, "unknown-keyword", "warning", undefined],
    ["/a.conf", 1, "duplicate-keyword", "warning", undefined],
    ["/a.conf", 2, "unknown-keyword", "warning", undefined],
    ["/a.conf", 4, "unknown-keyword", "error", 3],
    ["/b.conf", 0, "unknown-keyword", "error", undefined],
    ["/b.conf", 2, "unknown-keyword", "error", undefined],
  ]);
  expect(capped[3]!.message).toBe("3 more unknown-keyword findings in this file are not shown (--max-findings 2)");
  expect(capFindings(list, 0, "x")).toEqual(list);
});

test("a summary the analysis made (findings it only counted) adds its count", () => {
  const list = [finding(a, 0), { ...finding(a, 2), omitted: 41, message: "41 more" }];
  expect(capFindings(list, 5, "h").map((d) => d.omitted)).toEqual([undefined, 41]);
  expect(capFindings([finding(a, 0), finding(a, 1), { ...finding(a, 2), omitted: 41 }], 1, "h").map((d) => d.omitted)).toEqual([
    undefined,
    42,
  ]);
});
