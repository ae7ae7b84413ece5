/**
 * The rule pages' "Try it" links (scripts/try-it.mjs): each page's Wrong example, in the
 * playground's own fragment format (web/src/share.ts reads what the build writes), and every
 * docs/rules page's link line current.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { stateFragment, tryItLink, wrongExample } from "../../scripts/try-it.mjs";
import { decodeState } from "../../web/src/share.js";

test("a single-file page's Wrong block is one file", () => {
  const md =
    "# x\n\n**error** · schema\n\n## Example\n\nWrong:\n\n```\nvrrp_instance VI_1 {\n}\n```\n\nRight:\n\n```\nok\n```\n\n## How to fix\n\n```\nnot this\n```\n";
  expect(wrongExample(md)).toEqual([{ name: "keepalived.conf", text: "vrrp_instance VI_1 {\n}\n" }]);
});

test("a cluster page's blocks keep their node names (scripts/rule-docs.mjs reads the format the rule tests run)", () => {
  const named = "## Example\n\nWrong:\n\nmaster.conf:\n\n```\nA\n```\n\nbackup.conf:\n\n```\nB\n```\n\nRight: the same.\n\n```\nC\n```\n";
  expect(wrongExample(named)).toEqual([
    { name: "master.conf", text: "A\n" },
    { name: "backup.conf", text: "B\n" },
  ]);
  const labelled =
    "## Example\n\nmaster.conf, wrong:\n\n```\nA\n```\n\nbackup.conf:\n\n```\nB\n```\n\nmaster.conf, right:\n\n```\nC\n```\n";
  expect(wrongExample(labelled)?.map((f) => f.name)).toEqual(["master.conf", "backup.conf"]);
  expect(wrongExample("## Example\n\nReported for 2.2.7:\n\n```\nA\n```\n")).toBeUndefined();
});

test("the link's fragment is what the page decodes", async () => {
  const files = [
    { name: "master.conf", text: "vrrp_instance VI_1 {\n    virtual_router_id 66\n}\n" },
    { name: "conf.d/é.conf", text: "# ünïcode ✓\n" },
  ];
  expect(await decodeState(stateFragment(files))).toEqual({ files });
  const link = tryItLink(readFileSync("docs/rules/vrid-mismatch.md", "utf8"), "http://example.test/")!;
  const state = await decodeState(link.slice(link.indexOf("#")));
  expect(state?.files.map((f) => f.name)).toEqual(["master.conf", "backup.conf"]);
  expect(state?.files[1]!.text).toContain("virtual_router_id 52");
});

test("a Wrong block checked against a release opens with that release picked", async () => {
  const link = tryItLink(readFileSync("docs/rules/keyword-too-new.md", "utf8"), "http://example.test/")!;
  expect((await decodeState(link.slice(link.indexOf("#"))))?.target).toBe("2.0.20");
  expect(await decodeState(stateFragment([{ name: "a.conf", text: "x\n" }], "2.1.5"))).toEqual({
    files: [{ name: "a.conf", text: "x\n" }],
    target: "2.1.5",
  });
});

test("every docs/rules page's Try it line is current (node scripts/try-it.mjs writes them)", () => {
  expect(() => execFileSync(process.execPath, ["scripts/try-it.mjs", "--check"], { stdio: "pipe" })).not.toThrow();
});
