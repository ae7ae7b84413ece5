/** Output formats through the built bundle: text (colour and caret only on a terminal), json (docs/usage.md, Output), github. */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { bundle, built, CLEAN, kalint, tree, WITH_ERROR, WITH_WARNING } from "./run-kalint.js";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the output format tests are skipped");

// `é` is one UTF-16 unit, `😀` two: the extra argument `bad` starts at UTF-16 column 35.
const ASTRAL = 'global_defs {\n    notification_email_from "é😀" bad\n}\n';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
  fix?: { description: string; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[] };
}
interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  files: string[];
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

const dir = tree({
  "clean.conf": CLEAN,
  "error.conf": WITH_ERROR,
  "warning.conf": WITH_WARNING,
  "astral.conf": ASTRAL,
  "deprecated.conf": CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    lvs_flush_onstop\n"),
  "odd, name: 100%.conf": WITH_ERROR,
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (args: string[]) => JSON.parse(kalint(["check", "--format", "json", ...args], { cwd: dir }).stdout) as JsonReport;

describe.runIf(built)("--format json", () => {
  test("the documented JSON (docs/usage.md, Output): version, tool, files as given, diagnostics with 1-based exclusive ranges, summary", () => {
    const r = kalint(["check", "--format", "json", "warning.conf", "clean.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      tool: { name: "kalint", version: "0.1.0" },
      files: ["warning.conf", "clean.conf"],
      diagnostics: [
        {
          file: "warning.conf",
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 13,
          severity: "warning",
          code: "duplicate-keyword",
          message: "priority is already set in this block (line 9); only one of them takes effect",
          related: [{ file: "warning.conf", line: 9, column: 5, message: "first set here" }],
        },
      ],
      summary: { errors: 0, warnings: 1, infos: 0 },
    });
  });

  test("columns count UTF-16 code units: an astral character before a finding counts two", () => {
    const [d] = json(["astral.conf"]).diagnostics;
    expect(d).toMatchObject({ code: "extra-argument", line: 2, column: 35, endLine: 2, endColumn: 38 });
  });

  test("a fix carries its description and edits in the same coordinates", () => {
    const d = json(["deprecated.conf"]).diagnostics.find((x) => x.code === "deprecated-keyword")!;
    expect(d.fix).toEqual({
      description: "rename to lvs_flush_on_stop",
      edits: [{ line: 3, column: 5, endLine: 3, endColumn: 21, newText: "lvs_flush_on_stop" }],
    });
  });

  test("diagnostics are sorted by file, line, column whatever the operand order", () => {
    const out = json(["warning.conf", "error.conf", "deprecated.conf"]);
    const keys = out.diagnostics.map((d) => [d.file, d.line, d.column] as const);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])));
    expect(out.diagnostics.map((d) => d.file)).toEqual(["deprecated.conf", "error.conf", "warning.conf"]);
    expect(out.summary).toEqual({ errors: 1, warnings: 2, infos: 0 });
  });

  test("stdout is one JSON document even with nothing to report", () => {
    expect(json(["clean.conf"])).toMatchObject({ diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });
});

describe.runIf(built)("--format github", () => {
  test("one workflow command per finding, with its range and a title", () => {
    const r = kalint(["check", "--format", "github", "warning.conf", "error.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "::error file=error.conf,line=3,col=5,endLine=3,endColumn=28,title=kalint unknown-keyword::unknown keyword 'smtp_connection_timeout' in global_defs; did you mean smtp_connect_timeout?\n" +
        "::warning file=warning.conf,line=10,col=5,endLine=10,endColumn=13,title=kalint duplicate-keyword::priority is already set in this block (line 9); only one of them takes effect\n",
    );
  });

  test("commas, colons and percent signs in properties are escaped", () => {
    const r = kalint(["check", "--format", "github", "odd, name: 100%.conf"], { cwd: dir });
    expect(r.stdout.startsWith("::error file=odd%2C name%3A 100%25.conf,line=3,")).toBe(true);
  });

  test("nothing to report prints nothing", () => {
    expect(kalint(["check", "--format", "github", "clean.conf"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe.runIf(built)("--format text", () => {
  test("not a terminal: no colour codes and no source context", () => {
    const r = kalint(["check", "error.conf"], { cwd: dir });
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).not.toContain(" | ");
  });

  // script(1) gives kalint a pseudo-terminal for stdout.
  const hasScript = spawnSync("script", ["-qc", "true", "/dev/null"]).status === 0;
  if (!hasScript) console.warn("notice: script(1) is missing; the terminal output cases are skipped");
  const onTerminal = (env: Record<string, string>) => {
    const r = spawnSync("script", ["-qec", `${process.execPath} ${bundle} check error.conf`, "/dev/null"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "", ...env },
    });
    return { code: r.status, stdout: r.stdout.replace(/\r\n/g, "\n") };
  };

  test.runIf(hasScript)("on a terminal: colour, the source line with a caret under the range, a bold summary", () => {
    const r = onTerminal({});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "error.conf:3:5: \x1b[31merror\x1b[0m [unknown-keyword] unknown keyword 'smtp_connection_timeout' in global_defs; did you mean smtp_connect_timeout?\n" +
        "\x1b[90m    3 | \x1b[0m    smtp_connection_timeout 30\n" +
        "\x1b[90m      | \x1b[0m    \x1b[31m^^^^^^^^^^^^^^^^^^^^^^^\x1b[0m\n" +
        "\x1b[1m1 file checked: 1 error, 0 warnings, 0 info\x1b[0m\n",
    );
  });

  test.runIf(hasScript)("NO_COLOR on a terminal: the caret context stays, the colour goes", () => {
    const r = onTerminal({ NO_COLOR: "1" });
    expect(r.stdout).toBe(
      "error.conf:3:5: error [unknown-keyword] unknown keyword 'smtp_connection_timeout' in global_defs; did you mean smtp_connect_timeout?\n" +
        "    3 |     smtp_connection_timeout 30\n" +
        "      |     ^^^^^^^^^^^^^^^^^^^^^^^\n" +
        "1 file checked: 1 error, 0 warnings, 0 info\n",
    );
  });

  test("--color forces colour into a pipe, --no-color turns it off", () => {
    expect(kalint(["check", "error.conf", "--color"], { cwd: dir }).stdout).toContain("\x1b[31merror\x1b[0m");
    expect(kalint(["check", "error.conf", "--color", "--no-color"], { cwd: dir }).stdout).not.toMatch(/\x1b\[/);
  });

  test("related places follow their finding, indented", () => {
    const lines = kalint(["check", "warning.conf"], { cwd: dir }).stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "warning.conf:10:5: warning [duplicate-keyword] priority is already set in this block (line 9); only one of them takes effect",
      "    warning.conf:9:5: first set here",
    ]);
  });
});

describe.runIf(built)("kalint rules", () => {
  test("text: one line per rule with code, severity, category; json: the same as data", () => {
    const text = kalint(["rules"]).stdout.trimEnd().split("\n");
    const data = JSON.parse(kalint(["rules", "--format", "json"]).stdout) as {
      rules: { code: string; severity: string; category: string; fixable: boolean; docs: string }[];
    };
    expect(text).toHaveLength(data.rules.length);
    expect(new Set(data.rules.map((r) => r.code)).size).toBe(data.rules.length);
    for (const [i, r] of data.rules.entries()) {
      expect(text[i]).toMatch(new RegExp(`^${r.code} +${r.severity} +${r.category} +${r.fixable ? "fix" : "   "}  \\S`));
      expect(r.docs).toBe(`docs/rules/${r.code}.md`);
    }
    expect(data.rules).toContainEqual(expect.objectContaining({ code: "unused-suppression", severity: "warning" }));
  });
});

test.runIf(built)("on a terminal the caret sits under the word that follows an accented letter and an emoji", () => {
  const r = spawnSync("script", ["-qec", `${process.execPath} ${bundle} check astral.conf`, "/dev/null"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (r.status === null || r.error) return console.warn("notice: script(1) is missing; caret case skipped");
  const lines = r.stdout.replace(/\r\n/g, "\n").split("\n");
  expect(lines[1]).toBe('    2 |     notification_email_from "é😀" bad');
  expect(lines[2]).toBe(`      | ${" ".repeat(34)}^^^`);
});

describe.runIf(built)("how much output shows: --max-findings and --redact", () => {
  const many = "global_defs {\n" + "    bogus 1\n".repeat(150) + "}\n";
  const withDefinition = CLEAN.replace(
    "    advert_int 1\n",
    "    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass $PW\n    }\n",
  ).replace("global_defs {", "$PW=longpassword12\nglobal_defs {");
  const d = tree({ "many.conf": many, "pw.conf": withDefinition });
  afterAll(() => rmSync(d, { recursive: true, force: true }));

  test("after 100 findings of a code one summary counts the rest; JSON keeps the count; the exit code is unchanged", () => {
    const r = kalint(["check", "--format", "json", "many.conf"], { cwd: d });
    const report = JSON.parse(r.stdout) as JsonReport & { diagnostics: (JsonDiagnostic & { omitted?: number })[] };
    expect(r.code).toBe(1);
    expect(report.diagnostics).toHaveLength(101);
    expect(report.diagnostics[100]).toMatchObject({
      line: 102,
      code: "unknown-keyword",
      omitted: 50,
      message: "50 more unknown-keyword findings in this file are not shown (--max-findings 100; --max-findings 0 shows all)",
    });
    expect(report.summary.errors).toBe(101);
    expect(
      JSON.parse(kalint(["check", "--format", "json", "--max-findings", "0", "many.conf"], { cwd: d }).stdout).diagnostics,
    ).toHaveLength(150);
    expect(kalint(["check", "--max-findings", "-3", "many.conf"], { cwd: d })).toMatchObject({
      code: 2,
      stderr: "kalint: --max-findings must be a whole number (0 shows every finding), not '-3'\n",
    });
  });

  test("a $NAME value is shown in text and JSON, left out in github and SARIF; --redact and --no-redact decide", () => {
    const shows = (args: string[]) => kalint(["check", ...args, "pw.conf"], { cwd: d }).stdout.includes("longpass");
    expect([shows([]), shows(["--format", "json"]), shows(["--format", "github"]), shows(["--format", "sarif"])]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([shows(["--format", "json", "--redact"]), shows(["--format", "github", "--no-redact"])]).toEqual([false, true]);
    expect(kalint(["check", "--format", "github", "pw.conf"], { cwd: d }).stdout).toContain(
      "auth_pass 'the value of $PW' is 14 characters",
    );
  });
});
