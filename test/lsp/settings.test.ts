/** The editor reads .kalintrc.json as the CLI does, with its own cache and warnings instead of failures. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { SettingsStore } from "../../server/src/lsp/settings.js";

const root = mkdtempSync(join(tmpdir(), "kalint-lsp-settings-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function store() {
  const warnings: string[] = [];
  return {
    warnings,
    settings: new SettingsStore(
      (m) => warnings.push(m),
      () => [root],
    ),
  };
}

describe("SettingsStore and .kalintrc.json", () => {
  test("the nearest rc file applies, the editor's rules go on top", () => {
    mkdirSync(join(root, "a/b"), { recursive: true });
    writeFileSync(
      join(root, "a/.kalintrc.json"),
      JSON.stringify({ targetVersion: "2.2.7", rules: { "priority-tie": "off", "script-security": "info" } }),
    );
    const { settings } = store();
    settings.setClient({ rules: { "script-security": "error" } });
    const s = settings.for(join(root, "a/b/keepalived.conf"));
    expect(s.rcPath).toBe(join(root, "a/.kalintrc.json"));
    expect(s.targetVersion).toEqual([2, 2, 7]);
    expect(s.rules).toMatchObject({ "priority-tie": "off", "script-security": "error" });
  });

  test("a broken rc file is one warning and default settings, not a failure", () => {
    mkdirSync(join(root, "broken"), { recursive: true });
    writeFileSync(join(root, "broken/.kalintrc.json"), "{ not json");
    const { settings, warnings } = store();
    expect(settings.for(join(root, "broken/one.conf")).rules).toEqual({});
    settings.for(join(root, "broken/two.conf"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/using default settings/);
  });

  test("an rc file changed on disk is read again after forgetRcFiles", () => {
    mkdirSync(join(root, "c"), { recursive: true });
    const rc = join(root, "c/.kalintrc.json");
    writeFileSync(rc, JSON.stringify({ rules: { "priority-tie": "off" } }));
    const { settings } = store();
    expect(settings.for(join(root, "c/x.conf")).rules).toEqual({ "priority-tie": "off" });
    writeFileSync(rc, JSON.stringify({ rules: { "priority-tie": "error" } }));
    expect(settings.for(join(root, "c/x.conf")).rules).toEqual({ "priority-tie": "off" });
    settings.forgetRcFiles();
    expect(settings.for(join(root, "c/x.conf")).rules).toEqual({ "priority-tie": "error" });
  });
});
