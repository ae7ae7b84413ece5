/** `.kalintrc.json`: parsing, checking, and the upward search from each file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ConfigError, EMPTY_CONFIG, findLintConfig, parseLintConfig } from "../../server/src/analysis/lint-config.js";

describe("parseLintConfig", () => {
  test("the shape docs/usage.md gives: targetVersion, rule settings, peers resolved against the rc file's directory", () => {
    const text = JSON.stringify({
      targetVersion: "2.2.7",
      rules: { "priority-tie": "off", "script-security": "error" },
      peers: [["a.conf", "../b.conf"]],
    });
    expect(parseLintConfig(text, "/srv/site/.kalintrc.json")).toEqual({
      targetVersion: "2.2.7",
      rules: { "priority-tie": "off", "script-security": "error" },
      peers: [["/srv/site/a.conf", "/srv/b.conf"]],
      path: "/srv/site/.kalintrc.json",
    });
  });

  test("an empty object is the default settings", () => {
    expect(parseLintConfig("{}", "/x/.kalintrc.json")).toEqual({ rules: {}, peers: [], path: "/x/.kalintrc.json" });
  });

  test.each([
    ["{", /^\/x\/\.kalintrc\.json: not valid JSON/],
    ["null", /expected a JSON object$/],
    ['{"rules": {"a": "hint"}}', /rule 'a' must be "off", "info", "warning" or "error", not "hint"$/],
    ['{"rules": {"a": false}}', /rule 'a' must be .* not false$/],
    ['{"rules": []}', /'rules' must be an object$/],
    ['{"peers": [["a", 1]]}', /'peers' must be a list of lists of file names$/],
    ['{"target_version": "2.2"}', /unknown setting 'target_version'$/],
  ])("%s is refused with a one-line reason", (text, message) => {
    expect(() => parseLintConfig(text, "/x/.kalintrc.json")).toThrow(ConfigError);
    expect(() => parseLintConfig(text, "/x/.kalintrc.json")).toThrow(message);
  });
});

describe("findLintConfig", () => {
  const root = mkdtempSync(join(tmpdir(), "kalint-rc-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "a/b/c"), { recursive: true });
  mkdirSync(join(root, "a/other"), { recursive: true });
  writeFileSync(join(root, "a/.kalintrc.json"), JSON.stringify({ rules: { "priority-tie": "info" } }));
  writeFileSync(join(root, "a/b/c/.kalintrc.json"), JSON.stringify({ rules: { "priority-tie": "off" } }));

  test("the nearest rc file at or above the file's own directory", () => {
    expect(findLintConfig(join(root, "a/b/c/k.conf")).rules).toEqual({ "priority-tie": "off" });
    expect(findLintConfig(join(root, "a/b/k.conf")).rules).toEqual({ "priority-tie": "info" });
    expect(findLintConfig(join(root, "a/other/k.conf")).path).toBe(join(root, "a/.kalintrc.json"));
  });

  test("none found above: the defaults", () => {
    // tmpdir() itself may sit below an rc file on a developer's machine; the root of the search does not.
    const found = findLintConfig(join(root, "k.conf"));
    expect(found === EMPTY_CONFIG || !found.path?.startsWith(root)).toBe(true);
  });
});
