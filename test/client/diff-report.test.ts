// The compare command's view of a real `kalint diff` report (from the built CLI) on the broken example pair.
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { compareEntries, compareText, parseDiffReport } from "../../client/src/diff-report.js";

function diffJson(a: string, b: string): string {
  try {
    return execFileSync(process.execPath, ["dist/kalint.js", "diff", a, b, "--format", "json"], { encoding: "utf8" });
  } catch (e) {
    // Exit code 1 means findings; the report is still on stdout.
    return (e as { stdout: string }).stdout;
  }
}

describe("compare entries", () => {
  const report = () => parseDiffReport(diffJson("examples/lvs-dr-broken/master.conf", "examples/lvs-dr-broken/backup.conf"));

  test("every finding is an entry that opens its location, errors first", () => {
    const r = report();
    const entries = compareEntries(r);
    const findings = entries.filter((e) => e.file);
    expect(findings).toHaveLength(r.diagnostics.length);
    expect(findings.map((e) => e.label)).toContain("$(error) vrid-mismatch");
    const severities = findings.map((e) => e.label.split(" ")[0]);
    expect(severities.indexOf("$(warning)") === -1 || severities.lastIndexOf("$(error)") < severities.indexOf("$(warning)")).toBe(true);
    const vrid = findings.find((e) => e.label.endsWith("vrid-mismatch"))!;
    const d = r.diagnostics.find((x) => x.code === "vrid-mismatch")!;
    expect([vrid.file, vrid.line, vrid.column, vrid.detail]).toEqual([d.file, d.line, d.column, d.message]);
  });

  test("differences follow the findings, unexpected ones before expected ones", () => {
    const r = report();
    const differences = compareEntries(r).filter((e) => !e.file);
    expect(differences).toHaveLength(r.differences.length);
    const expectedFlags = differences.map((e) => e.detail !== undefined);
    expect(expectedFlags).toEqual([...expectedFlags].sort((a, b) => Number(a) - Number(b)));
    const vrid = r.differences.find((x) => x.path.endsWith("virtual_router_id"))!;
    expect(differences.map((e) => e.description)).toContain(`${vrid.master} → ${vrid.backup}`);
  });

  test("the text summary names each finding with its code and place", () => {
    const r = report();
    const text = compareText(r, "master.conf", "backup.conf");
    for (const d of r.diagnostics) expect(text).toContain(`${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}]`);
  });

  test("a report that is not kalint's JSON is refused with a readable message", () => {
    expect(() => parseDiffReport("Usage: kalint diff MASTER BACKUP")).toThrow(/did not print JSON/);
    expect(() => parseDiffReport('{"version": 2, "diagnostics": []}')).toThrow(/not version 1/);
  });
});
