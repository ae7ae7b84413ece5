/**
 * pre-commit (Debian's package) runs the hooks of .pre-commit-hooks.yaml from a release of this
 * checkout, configured with docs/integrations.md's snippet, on a scratch repository: offline (a
 * network namespace of its own), installing the release as pre-commit's `language: node` does.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, root, WITH_ERROR } from "../cli/run-kalint.js";
import { KEEPALIVED_FILES, OTHER_FILES, TEMPLATES } from "./file-patterns.js";
import { git, has, OFFLINE, releaseRepo, removeScratch, scratchDir, TAG } from "./release.js";
import { snippet } from "./snippets.js";

const ready = built && has("pre-commit") && has("git");
if (!ready)
  console.warn(
    `pre-commit.test.ts SKIPPED: ${!built ? "dist/ is not built" : "pre-commit or git is not installed (apt-get install -y pre-commit)"}`,
  );
afterAll(removeScratch);

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}
const hooks = (): Hook[] =>
  JSON.parse(
    spawnSync("python3", ["-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], {
      input: readFileSync(join(root, ".pre-commit-hooks.yaml")),
      encoding: "utf8",
    }).stdout,
  ) as Hook[];

/** Python's re.search, which pre-commit applies to each repository-relative path. */
function pythonMatches(regex: string, paths: readonly string[]): boolean[] {
  const r = spawnSync(
    "python3",
    ["-c", "import json,re,sys; r,p=json.load(sys.stdin); print(json.dumps([bool(re.search(r,x)) for x in p]))"],
    { input: JSON.stringify([regex, paths]), encoding: "utf8" },
  );
  return JSON.parse(r.stdout) as boolean[];
}

describe.runIf(has("python3"))(".pre-commit-hooks.yaml", () => {
  test("kalint claims keepalived files and templates, kalint-fmt the files alone, neither anything else", () => {
    const byId = Object.fromEntries(hooks().map((h) => [h.id, h]));
    expect(Object.keys(byId)).toEqual(["kalint", "kalint-fmt"]);
    expect(byId["kalint"]!.entry).toBe("kalint check");
    expect(byId["kalint-fmt"]!.entry).toBe("kalint fmt --check");
    const all = [...KEEPALIVED_FILES, ...TEMPLATES, ...OTHER_FILES];
    const want = (files: readonly string[]) => all.map((p) => files.includes(p as never));
    expect(pythonMatches(byId["kalint"]!.files, all)).toEqual(want([...KEEPALIVED_FILES, ...TEMPLATES]));
    expect(pythonMatches(byId["kalint-fmt"]!.files, all)).toEqual(want(KEEPALIVED_FILES));
  });
});

describe.runIf(ready)("pre-commit runs the hooks from a release, offline", () => {
  test("the docs' config: findings fail the commit check with kalint's lines; fixed files pass", () => {
    const release = releaseRepo();
    const config = snippet("docs/integrations.md", "pre-commit-config");
    expect(config).toContain(`rev: ${TAG}`);
    const repo = scratchDir("kalint-precommit-");
    git(repo, "init", "-q");
    writeFileSync(join(repo, ".pre-commit-config.yaml"), config.replace("https://github.com/kalint/kalint", release));
    const files: Record<string, string> = {
      "keepalived/lb1.conf": WITH_ERROR,
      "roles/keepalived/templates/keepalived.conf.j2": CLEAN,
      "etc/lb2.keepalived.conf": CLEAN.replace("    state BACKUP", "  state BACKUP"),
      "nginx/nginx.conf": "events { this is not keepalived",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    git(repo, "add", "-A");
    const env = { ...process.env, PRE_COMMIT_HOME: scratchDir("kalint-precommit-home-"), NO_COLOR: "1", PRE_COMMIT_COLOR: "never" };
    const run = () =>
      spawnSync(
        OFFLINE[0] ?? "pre-commit",
        [...OFFLINE.slice(1), ...(OFFLINE.length ? ["pre-commit"] : []), "run", "--all-files", "--color", "never"],
        { cwd: repo, env, encoding: "utf8", timeout: 240_000 },
      );
    if (OFFLINE.length === 0)
      console.warn("pre-commit.test.ts: unshare --net is not allowed here; the install ran with the network reachable");

    const first = run();
    expect(first.status, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/^kalint\.+Failed$/m);
    expect(first.stdout).toContain("keepalived/lb1.conf:3:5: error [unknown-keyword] unknown keyword 'smtp_connection_timeout'");
    expect(first.stdout).toContain("3 files checked: 1 error"); // lb1, lb2 and the template; not nginx.conf
    expect(first.stdout).toMatch(/^kalint fmt\.+Failed$/m);
    expect(first.stdout).toMatch(/^etc\/lb2\.keepalived\.conf$/m);
    expect(first.stdout).not.toContain("nginx");

    writeFileSync(join(repo, "keepalived/lb1.conf"), CLEAN);
    writeFileSync(join(repo, "etc/lb2.keepalived.conf"), CLEAN);
    git(repo, "add", "-A");
    const second = run();
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^kalint\.+Passed$/m);
    expect(second.stdout).toMatch(/^kalint fmt\.+Passed$/m);
  }, 300_000);
});
