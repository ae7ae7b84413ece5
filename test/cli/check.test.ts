/** `kalint check` through the built bundle: operands, directories, stdin, exit codes and one-line errors. */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, kalint, kalintAsNobody, removeTrees, tempTree, WITH_ERROR, WITH_WARNING } from "./run-kalint.js";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the kalint check tests are skipped");

const temp = (files: Record<string, string>) => tempTree(files);
afterAll(removeTrees);

/** Every line of stdout that reports a finding, as `file:line:col: severity [code]`. */
const findings = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => / \[[a-z-]+\] /.test(l))
    .map((l) => l.slice(0, l.indexOf("]") + 1));

describe.runIf(built)("kalint check: files and exit codes", () => {
  const dir = temp({ "clean.conf": CLEAN, "error.conf": WITH_ERROR, "warning.conf": WITH_WARNING });

  test("a clean file: exit 0, only the summary line, nothing on stderr", () => {
    expect(kalint(["check", "clean.conf"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "1 file checked: 0 errors, 0 warnings, 0 info\n",
      stderr: "",
    });
  });

  test("an error: one line per finding in file:line:col: severity [code] message form, exit 1", () => {
    const r = kalint(["check", "error.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^error\.conf:3:5: error \[unknown-keyword\] unknown keyword 'smtp_connection_timeout' in global_defs; did you mean smtp_connect_timeout\?\n1 file checked: 1 error, 0 warnings, 0 info\n$/,
    );
    expect(r.stderr).toBe("");
  });

  test("warnings alone pass the default --fail-on error, fail --fail-on warning and --fail-on info", () => {
    expect(kalint(["check", "warning.conf"], { cwd: dir }).code).toBe(0);
    expect(kalint(["check", "warning.conf", "--fail-on", "warning"], { cwd: dir }).code).toBe(1);
    expect(kalint(["check", "--fail-on=info", "warning.conf"], { cwd: dir }).code).toBe(1);
    expect(kalint(["check", "clean.conf", "--fail-on", "info"], { cwd: dir }).code).toBe(0);
  });

  test("`kalint FILE...` is check; several files are reported in file order with one summary", () => {
    const r = kalint(["warning.conf", "error.conf", "clean.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(["error.conf:3:5: error [unknown-keyword]", "warning.conf:10:5: warning [duplicate-keyword]"]);
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("3 files checked: 1 error, 1 warning, 0 info");
  });

  test("--disable switches a rule off; --enable brings it back", () => {
    expect(kalint(["error.conf", "--disable", "unknown-keyword"], { cwd: dir }).code).toBe(0);
    expect(kalint(["error.conf", "--disable=duplicate-keyword,unknown-keyword", "--enable", "unknown-keyword"], { cwd: dir }).code).toBe(1);
  });
});

describe.runIf(built)("kalint check: directories", () => {
  // keepalived.conf includes conf.d/*.conf: those are checked as part of it (where $VARs and
  // scripts they use are defined), not again on their own.
  const dir = temp({
    "etc/keepalived.conf": "$IF=eth0\ninclude conf.d/*.conf\n",
    "etc/conf.d/vi1.conf": CLEAN.replace("interface eth0", "interface $IF"),
    "etc/conf.d/vi2.conf": WITH_WARNING.replace(/VI_1/g, "VI_2").replace("51", "52"),
    "nodes/keepalived.conf.node2": WITH_ERROR,
    "nodes/b.conf": CLEAN,
    "nodes/notes.txt": "not a config {",
    "nodes/b.conf.bak": "broken {",
    "nodes/b.conf~": "broken {",
    "nodes/keepalived.conf.j2": "{% if x %} broken {",
    "nodes/.hidden/h.conf": "broken {",
    "nodes/node_modules/m.conf": "broken {",
  });
  symlinkSync(join(dir, "nodes/b.conf"), join(dir, "nodes/link.conf"));
  symlinkSync(join(dir, "nodes/missing.conf"), join(dir, "nodes/dangling.conf"));
  symlinkSync(join(dir, "nodes"), join(dir, "nodes/loop"));

  test("a directory stands for its *.conf and keepalived.conf* files, recursively, in name order", () => {
    const r = kalint(["check", "--format", "json", "nodes"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { files: string[]; diagnostics: { file: string; code: string }[] };
    expect(out.files).toEqual(["nodes/b.conf", "nodes/keepalived.conf.node2", "nodes/link.conf"]);
    expect(out.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["nodes/keepalived.conf.node2 unknown-keyword"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
  });

  test("files that another checked file includes are checked through it, once", () => {
    const r = kalint(["check", "--format", "json", "etc"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { files: string[]; diagnostics: { file: string; code: string; line: number }[] };
    expect(out.files).toEqual(["etc/keepalived.conf"]);
    // No undefined-variable for $IF in vi1.conf, and vi2.conf's warning reported once.
    expect(out.diagnostics.map((d) => [d.file.endsWith("etc/conf.d/vi2.conf"), d.code, d.line])).toEqual([[true, "duplicate-keyword", 10]]);
  });

  test("a file included from a deeper directory is still checked only through the file that includes it", () => {
    const up = temp({ "a.conf": CLEAN.replace("interface eth0", "interface $IF"), "sub/main.conf": "$IF=eth0\ninclude ../a.conf\n" });
    const r = kalint(["check", "--format", "json", "."], { cwd: up });
    const out = JSON.parse(r.stdout) as { files: string[]; diagnostics: unknown[] };
    expect(out).toMatchObject({ files: ["sub/main.conf"], diagnostics: [] });
  });

  test("a file named on the command line is checked on its own even when a directory operand includes it", () => {
    const r = kalint(["check", "etc/conf.d/vi1.conf"], { cwd: dir });
    expect(findings(r.stdout)).toEqual(["etc/conf.d/vi1.conf:7:15: error [undefined-variable]"]);
  });

  test("a directory with no config files is an input error", () => {
    const empty = temp({ "README.md": "nothing here" });
    expect(kalint(["check", empty])).toEqual({
      code: 2,
      stdout: "",
      stderr: `kalint: no keepalived config files (*.conf, keepalived.conf*) under ${empty}\n`,
    });
  });
});

describe.runIf(built)("kalint check: standard input", () => {
  const dir = temp({ "sub/.kalintrc.json": JSON.stringify({ rules: { "duplicate-keyword": "error" } }) });

  test("`-` reads stdin and reports it under --stdin-filename, whose directory supplies the rc file", () => {
    const r = kalint(["check", "-", "--stdin-filename", "sub/node.conf"], { cwd: dir, input: WITH_WARNING });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(["sub/node.conf:10:5: error [duplicate-keyword]"]);
  });

  test("without --stdin-filename stdin is reported as <stdin>", () => {
    const r = kalint(["-"], { cwd: dir, input: WITH_ERROR });
    expect(findings(r.stdout)).toEqual(["<stdin>:3:5: error [unknown-keyword]"]);
  });

  test("stdin mixed with files: one summary over both", () => {
    writeFileSync(join(dir, "x.conf"), WITH_ERROR);
    const r = kalint(["check", "x.conf", "-"], { cwd: dir, input: CLEAN });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("2 files checked: 1 error, 0 warnings, 0 info");
  });
});

describe.runIf(built)("kalint check: mistakes give exit 2 and one line on stderr", () => {
  const dir = temp({ "a.conf": CLEAN, file: "x" });
  mkdirSync(join(dir, "empty"));

  const cases: [string, string[], RegExp][] = [
    ["unknown option", ["check", "a.conf", "--frobnicate"], /^kalint: unknown option --frobnicate; 'kalint --help' lists the options$/],
    ["unknown --opt=value option", ["check", "a.conf", "--colour=yes"], /^kalint: unknown option --colour;/],
    ["option without its value", ["check", "a.conf", "--format"], /^kalint: --format needs a value$/],
    ["bad --format", ["check", "a.conf", "--format", "xml"], /^kalint: --format must be text, json, sarif, github or html, not 'xml'$/],
    ["bad --fail-on", ["check", "a.conf", "--fail-on", "fatal"], /^kalint: --fail-on must be error, warning or info, not 'fatal'$/],
    [
      "bad --target-version",
      ["check", "a.conf", "--target-version", "2.x"],
      /^kalint: --target-version must look like 2\.2 or 2\.2\.7, not '2\.x'$/,
    ],
    [
      "unknown rule in --disable",
      ["check", "a.conf", "--disable", "priority-tei"],
      /^kalint: unknown rule 'priority-tei' \(did you mean priority-tie\?\); 'kalint rules' lists them$/,
    ],
    [
      "unknown rule in --enable",
      ["check", "a.conf", "--enable", "nonsense-rule-name"],
      /^kalint: unknown rule 'nonsense-rule-name'; 'kalint rules' lists them$/,
    ],
    ["missing file", ["check", "a.conf", "nope.conf"], /^kalint: cannot read nope\.conf: no such file or directory$/],
    ["a path through a file", ["check", "file/x.conf"], /^kalint: cannot read file\/x\.conf: a part of the path is not a directory$/],
    ["no operand", ["check"], /^kalint: check needs at least one file \(or '-' for stdin\)$/],
    ["stdin twice", ["check", "-", "-"], /^kalint: '-' \(standard input\) can be given only once$/],
    ["--fix on stdin", ["check", "--fix", "-"], /^kalint: --fix rewrites files in place and cannot fix standard input$/],
    ["--stdin-filename without -", ["check", "a.conf", "--stdin-filename", "x.conf"], /^kalint: --stdin-filename goes with '-'/],
    [
      "--config with --no-config",
      ["check", "a.conf", "--config", "x.json", "--no-config"],
      /^kalint: --config and --no-config cannot be used together$/,
    ],
    ["--fix outside check", ["rules", "--fix"], /^kalint: --fix works only with check$/],
    ["directory without configs", ["check", "empty"], /^kalint: no keepalived config files/],
    ["a mistyped command", ["chek", "a.conf"], /^kalint: 'chek' is neither a file nor a command \(did you mean check\?\)$/],
  ];
  test.each(cases)("%s", (_, args, message) => {
    const r = kalint(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  test("files and directories the user may not read", () => {
    const locked = temp({ "secret.conf": CLEAN, "closed/a.conf": CLEAN });
    chmodSync(locked, 0o755);
    chmodSync(join(locked, "secret.conf"), 0o000);
    chmodSync(join(locked, "closed"), 0o000);
    const file = kalintAsNobody(["check", "secret.conf"], { cwd: locked });
    if (!file) return console.warn("notice: cannot run kalint as an unprivileged user here; permission cases skipped");
    expect(file).toEqual({ code: 2, stdout: "", stderr: "kalint: cannot read secret.conf: permission denied\n" });
    expect(kalintAsNobody(["check", "closed"], { cwd: locked })).toEqual({
      code: 2,
      stdout: "",
      stderr: "kalint: cannot read directory closed: permission denied\n",
    });
  });
});

describe.runIf(built)("kalint check --as NAME: a file checked as the file it will become", () => {
  // Ansible's `validate:` runs on a rendered temporary file named `source` in a scratch directory.
  const dir = temp({
    "tmp/source": WITH_ERROR,
    "etc/keepalived/conf.d/vi.conf": "vrrp_instance VI_2 {\n    virtual_router_id 999\n}\n",
    "etc/keepalived/.kalintrc.json": JSON.stringify({ rules: { "unknown-keyword": "off" } }),
    "tmp/includer": "include conf.d/*.conf\n",
  });

  test("findings are reported under NAME, exit codes unchanged", () => {
    const r = kalint(["check", "--as", "/srv/keepalived.conf", "tmp/source"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(["/srv/keepalived.conf:3:5: error [unknown-keyword]"]);
    expect(kalint(["check", "--as=/srv/keepalived.conf", "tmp/source", "--disable", "unknown-keyword"], { cwd: dir }).code).toBe(0);
  });

  test("NAME's directory gives the .kalintrc.json and resolves relative includes", () => {
    expect(kalint(["check", "--as", "etc/keepalived/keepalived.conf", "tmp/source"], { cwd: dir }).code).toBe(0);
    const r = kalint(["check", "--as", "etc/keepalived/keepalived.conf", "tmp/includer", "--format", "json"], { cwd: dir });
    const codes = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`);
    expect(codes).toContain(`${join(dir, "etc/keepalived/conf.d/vi.conf")} out-of-range`);
  });

  test("works for fmt and for standard input; misuse is one line and exit 2", () => {
    expect(kalint(["fmt", "--check", "--as", "keepalived.conf", "tmp/source"], { cwd: dir }).stdout).toBe("");
    expect(findings(kalint(["check", "--as", "lb1.conf", "-"], { cwd: dir, input: WITH_ERROR }).stdout)).toEqual([
      "lb1.conf:3:5: error [unknown-keyword]",
    ]);
    for (const args of [
      ["check", "--as", "x.conf", "tmp/source", "tmp/includer"],
      ["check", "--as", "x.conf", "--fix", "tmp/source"],
      ["check", "--as", "x.conf", "-", "--stdin-filename", "y.conf"],
      ["diff", "--as", "x.conf", "tmp/source", "tmp/source"],
      ["check", "--as", "x.conf", "etc"],
      ["check", "--as", "", "tmp/source"],
    ]) {
      const r = kalint(args, { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^kalint: [^\n]+\n$/);
    }
  });
});
