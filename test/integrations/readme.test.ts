/**
 * The README's one-liners are the tested snippets of docs/integrations.md in short: each must say
 * what the full snippet says (same command, same repository and hooks, same action reference).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { has } from "./release.js";
import { snippet } from "./snippets.js";

const yaml = (text: string): unknown =>
  JSON.parse(
    spawnSync("python3", ["-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: text, encoding: "utf8" })
      .stdout,
  );

describe.runIf(has("python3", "-c", "import yaml"))("README: the integrations in one line each", () => {
  const lines = snippet("README.md", "readme-integrations")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"));

  test("Ansible: the docs' validate: command", () => {
    const task = (yaml(snippet("docs/integrations.md", "ansible-task")) as { "ansible.builtin.template": { validate: string } }[])[0]!;
    expect(yaml(lines[0]!)).toEqual({ validate: task["ansible.builtin.template"].validate });
  });

  test("pre-commit: the docs' repository entry", () => {
    const config = yaml(snippet("docs/integrations.md", "pre-commit-config")) as { repos: unknown[] };
    expect(yaml(lines[1]!)).toEqual(config.repos);
  });

  test("GitHub Actions: the action at the docs' release", () => {
    const workflow = snippet("docs/integrations.md", "actions-annotations");
    const uses = /uses: (kalint\/kalint@\S+)/.exec(workflow)![1];
    expect(yaml(lines[2]!)).toEqual([{ uses }]);
  });
});
