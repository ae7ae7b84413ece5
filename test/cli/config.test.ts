/** Rule settings through the built bundle: .kalintrc.json per file, --config, --no-config, --target-version, --config-id. */
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, kalint, removeTrees, tempTree, WITH_ERROR, WITH_WARNING } from "./run-kalint.js";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint config tests are skipped");

const temp = (files: Record<string, string>) => tempTree(files);
afterAll(removeTrees);

const codes = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => / \[[a-z-]+\] /.test(l))
    .map((l) => l.slice(0, l.indexOf("]") + 1));

// `disable_local_igmp` arrived in keepalived 2.2.0.
const NEWER = CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    disable_local_igmp\n");

describe.runIf(built)(".kalintrc.json", () => {
  const dir = temp({
    ".kalintrc.json": JSON.stringify({ rules: { "duplicate-keyword": "error" } }),
    "site/a.conf": WITH_WARNING,
    "site/quiet/.kalintrc.json": JSON.stringify({ rules: { "duplicate-keyword": "off", "unknown-keyword": "warning" } }),
    "site/quiet/b.conf": WITH_WARNING,
    "site/quiet/c.conf": WITH_ERROR,
    "old/.kalintrc.json": JSON.stringify({ targetVersion: "2.1.5" }),
    "old/n.conf": NEWER,
    "other.json": JSON.stringify({ rules: { "duplicate-keyword": "info" } }),
  });

  test("each file takes the nearest rc file upward from its own directory", () => {
    const r = kalint(["check", "site/a.conf", "site/quiet/b.conf", "site/quiet/c.conf"], { cwd: dir });
    expect(codes(r.stdout)).toEqual(["site/a.conf:10:5: error [duplicate-keyword]", "site/quiet/c.conf:3:5: warning [unknown-keyword]"]);
    expect(r.code).toBe(1);
  });

  test("severity overrides decide the exit code: a rule lowered to warning no longer fails", () => {
    expect(kalint(["check", "site/quiet/c.conf"], { cwd: dir }).code).toBe(0);
    expect(kalint(["check", "site/quiet/c.conf", "--fail-on", "warning"], { cwd: dir }).code).toBe(1);
  });

  test("--config FILE replaces the search; --no-config uses the defaults", () => {
    expect(codes(kalint(["check", "site/quiet/b.conf", "--config", "other.json"], { cwd: dir }).stdout)).toEqual([
      "site/quiet/b.conf:10:5: info [duplicate-keyword]",
    ]);
    expect(codes(kalint(["check", "site/a.conf", "--no-config"], { cwd: dir }).stdout)).toEqual([
      "site/a.conf:10:5: warning [duplicate-keyword]",
    ]);
  });

  test("--enable brings back a rule the rc file turned off", () => {
    expect(codes(kalint(["check", "site/quiet/b.conf", "--enable", "duplicate-keyword"], { cwd: dir }).stdout)).toEqual([
      "site/quiet/b.conf:10:5: warning [duplicate-keyword]",
    ]);
  });

  test("targetVersion in the rc file; --target-version overrides it", () => {
    // 2.1.5's `keepalived -t` would exit 0 on that error: config-test-exit-zero says so beside it.
    expect(codes(kalint(["check", "old/n.conf"], { cwd: dir }).stdout)).toEqual([
      "old/n.conf:3:5: info [config-test-exit-zero]",
      "old/n.conf:3:5: error [keyword-too-new]",
    ]);
    expect(kalint(["check", "old/n.conf", "--target-version", "2.2"], { cwd: dir }).code).toBe(0);
    expect(kalint(["check", "old/n.conf", "--no-config"], { cwd: dir }).code).toBe(0);
  });
});

describe.runIf(built)("a bad rc file is exit 2 with the file named, never silently ignored", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", "{ rules: ", /^kalint: .*\.kalintrc\.json: not valid JSON \(/],
    ["not an object", "[1]", /^kalint: .*\.kalintrc\.json: expected a JSON object$/],
    ["an unknown setting", '{ "rule": {} }', /^kalint: .*\.kalintrc\.json: unknown setting 'rule'$/],
    ["rules as a list", '{ "rules": ["priority-tie"] }', /^kalint: .*\.kalintrc\.json: 'rules' must be an object$/],
    [
      "a bad severity",
      '{ "rules": { "priority-tie": "fatal" } }',
      /^kalint: .*\.kalintrc\.json: rule 'priority-tie' must be "off", "info", "warning" or "error", not "fatal"$/,
    ],
    [
      "an unknown rule",
      '{ "rules": { "priority-ti": "off" } }',
      /^kalint: .*\.kalintrc\.json: unknown rule 'priority-ti' \(did you mean priority-tie\?\)/,
    ],
    [
      "a bad targetVersion",
      '{ "targetVersion": "latest" }',
      /^kalint: .*\.kalintrc\.json: targetVersion must look like 2\.2 or 2\.2\.7, not 'latest'$/,
    ],
    ["a targetVersion that is not a string", '{ "targetVersion": 2.2 }', /^kalint: .*\.kalintrc\.json: 'targetVersion' must be a string$/],
    ["bad peers", '{ "peers": ["a.conf"] }', /^kalint: .*\.kalintrc\.json: 'peers' must be a list of lists of file names$/],
  ];
  test.each(cases)("%s", (_, rc, message) => {
    const dir = temp({ ".kalintrc.json": rc, "a.conf": CLEAN });
    const r = kalint(["check", "a.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  test("--config naming a missing file", () => {
    const dir = temp({ "a.conf": CLEAN });
    expect(kalint(["check", "a.conf", "--config", "nope.json"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "kalint: cannot read config file nope.json\n",
    });
  });
});

describe.runIf(built)("--config-id", () => {
  // keepalived -i ID keeps `@ID` lines and drops `@^ID` lines; with no id every `@ID` line goes.
  const dir = temp({
    "nodes.conf": CLEAN.replace("    state BACKUP\n", "@lb1 state MASTER\n@^lb1 state BACKUP\n@lb2 smtp_connection_timeout 30\n"),
  });

  test("lines for other ids are dropped, lines for this id are checked", () => {
    expect(kalint(["check", "nodes.conf", "--config-id", "lb1"], { cwd: dir }).code).toBe(0);
    expect(kalint(["check", "nodes.conf"], { cwd: dir }).code).toBe(0);
    const r = kalint(["check", "nodes.conf", "--config-id=lb2"], { cwd: dir });
    expect(codes(r.stdout)).toEqual(["nodes.conf:8:6: error [unknown-keyword]"]);
  });
});
