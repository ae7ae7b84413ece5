/** `--format sarif` through the built bundle, validated against the SARIF 2.1.0 JSON schema. */
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, kalint, tree, WITH_ERROR, WITH_WARNING } from "./run-kalint.js";
import Ajv from "ajv-draft-04";

if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the SARIF tests are skipped");

// The OASIS SARIF 2.1.0 schema (its final "rtm.5" text) as shipped by Microsoft's jest-sarif package.
const schema = createRequire(__filename)("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;

function validator() {
  // The schema's `language` pattern is not valid with the u flag, and it is a draft-04 schema.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  const parses = (base?: string) => (s: string) => {
    try {
      new URL(s, base);
      return !/\s/.test(s);
    } catch {
      return false;
    }
  };
  ajv.addFormat("uri", parses());
  ajv.addFormat("uri-reference", parses("file:///base/"));
  ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    artifacts: { location: { uri: string } }[];
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      relatedLocations?: unknown[];
      fixes?: {
        artifactChanges: {
          artifactLocation: { uri: string };
          replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[];
        }[];
      }[];
    }[];
  }[];
}

const dir = tree({
  "error.conf": WITH_ERROR,
  "warning.conf": WITH_WARNING,
  "clean.conf": CLEAN,
  "deprecated.conf": CLEAN.replace("    router_id lb1\n", "    router_id lb1\n    lvs_flush_onstop\n"),
  "a #1?.conf": WITH_ERROR,
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sarif = (args: string[]) => {
  const r = kalint(["check", "--format", "sarif", ...args], { cwd: dir });
  return { code: r.code, log: JSON.parse(r.stdout) as Sarif, raw: JSON.parse(r.stdout) as unknown };
};

describe.runIf(built)("--format sarif", () => {
  const validate = validator();

  test("the validator is not a rubber stamp", () => {
    expect(validate({ version: "2.1.0", runs: [] })).toBe(true);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] }),
    ).toBe(false);
  });

  test.each([
    ["findings with related places and fixes", ["error.conf", "warning.conf", "deprecated.conf"]],
    ["no findings", ["clean.conf"]],
    ["a file name that needs percent-encoding", ["a #1?.conf"]],
  ])("valid SARIF 2.1.0: %s", (_, files) => {
    const { raw } = sarif(files);
    const ok = validate(raw);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  test("one rule entry per code, each with a helpUri to its docs page", () => {
    const { log } = sarif(["clean.conf"]);
    const rules = log.runs[0]!.tool.driver.rules;
    const codes = JSON.parse(kalint(["rules", "--format", "json"]).stdout) as { rules: { code: string; severity: string }[] };
    expect(rules.map((r) => r.id)).toEqual(codes.rules.map((r) => r.code));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.helpUri).toMatch(new RegExp(`^https://\\S+/docs/rules/${r.id}\\.md$`));
    const levels = { error: "error", warning: "warning", info: "note" } as Record<string, string>;
    for (const [i, r] of codes.rules.entries()) expect(rules[i]!.defaultConfiguration.level).toBe(levels[r.severity]);
  });

  test("results point at their rule, file and UTF-16 region, with level, fixes and related places", () => {
    const { code, log } = sarif(["warning.conf", "error.conf", "deprecated.conf"]);
    expect(code).toBe(1);
    const run = log.runs[0]!;
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(["warning.conf", "error.conf", "deprecated.conf"]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const error = run.results.find((r) => r.ruleId === "unknown-keyword")!;
    expect(error.level).toBe("error");
    expect(error.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "error.conf" },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 28 },
    });
    expect(run.results.find((r) => r.ruleId === "duplicate-keyword")!.relatedLocations).toHaveLength(1);
    expect(run.results.find((r) => r.ruleId === "deprecated-keyword")!.fixes).toEqual([
      {
        description: { text: "rename to lvs_flush_on_stop" },
        artifactChanges: [
          {
            artifactLocation: { uri: "deprecated.conf" },
            replacements: [
              {
                deletedRegion: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 21 },
                insertedContent: { text: "lvs_flush_on_stop" },
              },
            ],
          },
        ],
      },
    ]);
  });

  test("file names are percent-encoded URI references; absolute paths are file: URLs", () => {
    expect(sarif(["a #1?.conf"]).log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("a%20%231%3F.conf");
    const abs = JSON.parse(kalint(["check", "--format", "sarif", `${dir}/error.conf`]).stdout) as Sarif;
    expect(abs.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`file://${dir}/error.conf`);
  });
});
