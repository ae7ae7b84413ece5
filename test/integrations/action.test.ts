/**
 * The GitHub action (action.yml) from a release of this checkout, run the way a runner runs a
 * composite action: each `run` step as `bash --noprofile --norc -eo pipefail FILE`, its `env`
 * with `${{ inputs.* }}` filled from the workflow's `with:` (the docs' workflows) or the
 * defaults, the runner's variables (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, …),
 * and the outputs read back from GITHUB_OUTPUT. The annotations are checked against the
 * workflow-command format GitHub documents, and decoded back to kalint's own JSON findings.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { built, CLEAN, kalint, root, WITH_ERROR, WITH_WARNING } from "../cli/run-kalint.js";
import { has, releaseRepo, removeScratch, scratchDir, TAG } from "./release.js";
import { snippet } from "./snippets.js";

const ready = built && has("python3", "-c", "import yaml") && has("git");
if (!ready)
  console.warn(
    `action.test.ts SKIPPED: ${!built ? "dist/ is not built" : "python3 with yaml, or git, is missing (apt-get install -y python3-yaml git)"}`,
  );
afterAll(removeScratch);

const yaml = (text: string): unknown =>
  JSON.parse(
    spawnSync("python3", ["-c", "import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: text, encoding: "utf8" })
      .stdout,
  );

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Result {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** `${{ inputs.x }}` and `${{ steps.id.outputs.x }}` (what action.yml uses), filled in. */
function expand(text: string, inputs: Record<string, string>, steps: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
    const [scope, a, b, c] = expr.split(".");
    if (scope === "inputs" && a) return inputs[a] ?? "";
    if (scope === "steps" && a && b === "outputs" && c) return steps[a]?.[c] ?? "";
    throw new Error(`the test runner does not know the expression ${expr}`);
  });
}

/** GITHUB_OUTPUT's `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (lines[i]!.includes("=")) out[lines[i]!.slice(0, lines[i]!.indexOf("="))] = lines[i]!.slice(lines[i]!.indexOf("=") + 1);
  }
  return out;
}

/** Runs the action at `actionPath` in `workspace` with these `with:` values. */
function runAction(
  actionPath: string,
  workspace: string,
  withValues: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Result {
  const action = yaml(readFileSync(join(actionPath, "action.yml"), "utf8")) as Action;
  expect(action.runs.using).toBe("composite");
  for (const k of Object.keys(withValues)) expect(Object.keys(action.inputs), `input ${k}`).toContain(k);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, withValues[k] ?? v.default ?? ""]));
  const temp = scratchDir("kalint-runner-temp-");
  const steps: Record<string, Record<string, string>> = {};
  let stdout = "",
    stderr = "",
    code = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    expect(step.shell, "a composite run step must name its shell").toBe("bash");
    const script = join(temp, `step-${i}.sh`);
    writeFileSync(script, expand(step.run!, inputs, steps));
    const output = join(temp, `output-${i}`);
    writeFileSync(output, "");
    const env: Record<string, string> = {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? temp,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_ACTION_REPOSITORY: "kalint/kalint",
      GITHUB_ACTION_REF: TAG,
      GITHUB_OUTPUT: output,
      GITHUB_ENV: join(temp, "env"),
      GITHUB_PATH: join(temp, "path"),
      GITHUB_STEP_SUMMARY: join(temp, "summary"),
      GITHUB_STATE: join(temp, "state"),
      RUNNER_TEMP: temp,
      RUNNER_OS: "Linux",
      RUNNER_ARCH: "X64",
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), inputs, steps)])),
      ...extraEnv,
    };
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: workspace, env, encoding: "utf8" });
    stdout += r.stdout;
    stderr += r.stderr;
    if (step.id) steps[step.id] = readOutputs(output);
    code = r.status ?? -1;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value, inputs, steps)]));
  return { code, stdout, stderr, outputs, workspace };
}

/** The `with:` of the workflow step that uses kalint/kalint at this release. */
function withOf(workflow: string): Record<string, string> {
  const w = yaml(workflow) as { jobs: Record<string, { steps: Step[] }> };
  const step = Object.values(w.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.uses?.startsWith("kalint/kalint@"));
  expect(step?.uses).toBe(`kalint/kalint@${TAG}`);
  return Object.fromEntries(Object.entries(step!.with ?? {}).map(([k, v]) => [k, String(v)]));
}

// GitHub's documented form: ::LEVEL key=value,key=value::message, with %, CR and LF escaped in the
// message and additionally : and , in property values.
const COMMAND =
  /^::(error|warning|notice) ((?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*(?:,(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*)*)::(.*)$/;
const unescape = (s: string) =>
  s.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");

interface Annotation {
  level: string;
  file: string;
  line: number;
  col: number;
  endLine: number;
  endColumn: number;
  title: string;
  message: string;
}
function annotations(stdout: string): Annotation[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("::"))
    .map((l) => {
      const m = COMMAND.exec(l);
      expect(m, `not a workflow command GitHub documents: ${l}`).not.toBeNull();
      const props = Object.fromEntries(m![2]!.split(",").map((p) => [p.slice(0, p.indexOf("=")), unescape(p.slice(p.indexOf("=") + 1))]));
      return {
        level: m![1]!,
        file: props["file"]!,
        line: +props["line"]!,
        col: +props["col"]!,
        endLine: +props["endLine"]!,
        endColumn: +props["endColumn"]!,
        title: props["title"]!,
        message: unescape(m![3]!),
      };
    });
}

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}
const LEVEL: Record<string, string> = { error: "error", warning: "warning", info: "notice" };

describe.runIf(ready)("the GitHub action, run as a runner runs a composite action", () => {
  let release = "";
  let workspace = "";
  beforeAll(() => {
    release = releaseRepo();
    workspace = scratchDir("kalint-workspace-");
    const files: Record<string, string> = {
      "keepalived/lb1.conf": WITH_ERROR,
      "keepalived/lb2.conf": WITH_WARNING.replace(/VI_1/g, "VI_2"),
      // a name with a comma and a colon: escaped in the file property
      "keepalived/site a,b:c.conf": CLEAN.replace("priority 100", "priority 300"),
      "other/clean.conf": CLEAN,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
  });

  test("the docs' workflow: one annotation per finding, in GitHub's format, that decodes to kalint's findings", () => {
    const w = withOf(snippet("docs/integrations.md", "actions-annotations"));
    const r = runAction(release, workspace, w);
    const expected = JSON.parse(
      kalint(["check", "--format", "json", "--target-version", w["target-version"]!, "--", ...w["paths"]!.split(/\s+/)], { cwd: workspace })
        .stdout,
    ) as { diagnostics: Finding[] };
    expect(expected.diagnostics.map((d) => d.severity).sort()).toEqual(["error", "error", "warning"]);
    expect(annotations(r.stdout)).toEqual(
      expected.diagnostics.map((d) => ({
        level: LEVEL[d.severity],
        file: d.file,
        line: d.line,
        col: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        title: `kalint ${d.code}`,
        message: d.message,
      })),
    );
    expect(r.stdout).toContain("::error file=keepalived/site a%2Cb%3Ac.conf,line=9,");
    expect(r.code).toBe(1);
    expect(r.outputs).toEqual({ "exit-code": "1", "output-file": "" });
    expect(r.stderr).toBe("");
  });

  test("fail-on decides the step: warnings alone pass at error and fail at warning", () => {
    const lb2 = { paths: "keepalived/lb2.conf" };
    expect(runAction(release, workspace, lb2).code).toBe(0);
    expect(runAction(release, workspace, { ...lb2, "fail-on": "warning" }).code).toBe(1);
    expect(runAction(release, workspace, { paths: "other" }).outputs["exit-code"]).toBe("0");
    const text = runAction(release, workspace, { paths: "other", format: "text" });
    expect([text.code, text.stdout]).toEqual([0, "1 file checked: 0 errors, 0 warnings, 0 info\n"]);
  });

  test("the docs' SARIF workflow: the report is written where output-file says, annotations printed too", () => {
    const w = withOf(snippet("docs/integrations.md", "actions-sarif"));
    const r = runAction(release, workspace, w);
    expect(r.code).toBe(1);
    expect(r.outputs["output-file"]).toBe("kalint.sarif");
    const sarif = JSON.parse(readFileSync(join(workspace, r.outputs["output-file"]!), "utf8")) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results).toHaveLength(3);
    expect(annotations(r.stdout)).toHaveLength(3);
    // the upload step names the file through the step's output
    const upload = (yaml(snippet("docs/integrations.md", "actions-sarif")) as { jobs: Record<string, { steps: Step[] }> }).jobs[
      "kalint"
    ]!.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with!["sarif_file"]).toBe("${{ steps.kalint.outputs.output-file }}");
  });

  test("paths one per line (a path with blanks); json to a chosen file; usage errors exit 2 with an error annotation", () => {
    const r = runAction(release, workspace, {
      paths: "keepalived/site a,b:c.conf\nother/clean.conf\n",
      format: "json",
      "output-file": "report.json",
    });
    expect(r.code).toBe(1);
    expect((JSON.parse(readFileSync(join(workspace, "report.json"), "utf8")) as { files: string[] }).files).toEqual([
      "keepalived/site a,b:c.conf",
      "other/clean.conf",
    ]);
    const bad = runAction(release, workspace, { "target-version": "latest" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kalint: --target-version must look like/);
    const badFormat = runAction(release, workspace, { format: "xml" });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stdout).toMatch(/^::error title=kalint::format must be github, text, sarif or json/m);
  });

  test("without dist/ (a branch of the source tree) or with an old node, the step fails saying what to do", () => {
    const source = scratchDir("kalint-source-action-");
    cpSync(join(root, "action.yml"), join(source, "action.yml"));
    cpSync(join(root, "action"), join(source, "action"), { recursive: true });
    const noDist = runAction(source, workspace, {});
    expect(noDist.code).toBe(2);
    expect(noDist.stdout).toMatch(/^::error title=kalint::.*dist\/kalint\.js is missing: use a release tag/m);
    const bin = scratchDir("kalint-old-node-");
    writeFileSync(join(bin, "node"), "#!/bin/sh\necho 18\n");
    chmodSync(join(bin, "node"), 0o755);
    const oldNode = runAction(release, workspace, {}, { PATH: `${bin}:${process.env["PATH"]}` });
    expect(oldNode.code).toBe(2);
    expect(oldNode.stdout).toMatch(/^::error title=kalint::kalint needs Node 20 or newer/m);
  });
});
