/** The resource model's bookkeeping (grammar/limits.ts). */
import { expect, test } from "vitest";
import { Budget, checkDeadline, DeadlineExceeded, formatBytes, formatCount, limitsOf, withDeadline } from "../../grammar/index.js";

test("a budget refuses what would pass its limit, uses nothing then, and asks to report each resource once", () => {
  const b = new Budget(limitsOf({ files: 3 }));
  expect([b.take("files", 2), b.take("files", 2), b.take("files", 1), b.take("files")]).toEqual([true, false, true, false]);
  expect([b.firstReport("files"), b.firstReport("files"), b.firstReport("lines")]).toEqual([true, false, true]);
});

test("a deadline stops the loops that check it; the earlier of two nested deadlines holds", () => {
  const spin = () => {
    for (;;) checkDeadline();
  };
  expect(() => withDeadline(20, spin)).toThrow(DeadlineExceeded);
  const started = Date.now();
  expect(() => withDeadline(20, () => withDeadline(60_000, spin))).toThrow(DeadlineExceeded);
  expect(Date.now() - started).toBeLessThan(5_000);
  // Without a deadline nothing is ever stopped.
  expect(withDeadline(undefined, () => 7)).toBe(7);
});

test("sizes as messages state them", () => {
  expect([formatBytes(900), formatBytes(64 * 1024 * 1024), formatBytes(1.5 * 1024 * 1024), formatBytes(100 * 1024 * 1024 + 1)]).toEqual([
    "900 bytes",
    "64 MB",
    "1.5 MB",
    "100 MB",
  ]);
});

test("counts as messages state them: grouped by threes, as en-US writes them", () => {
  const counts = [0, 7, 999, 1000, 10_000, 123_456, 1_000_000, 1_234_567_890, -1234, 2 ** 53 - 1];
  expect(counts.map(formatCount)).toEqual(counts.map((n) => n.toLocaleString("en-US")));
  expect(formatCount(1_000_000)).toBe("1,000,000");
});
