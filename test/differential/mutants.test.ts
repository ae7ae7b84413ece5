/** The differential's inputs for each release (no keepalived needed): clean bases, stable mutants, the keyword sweeps. */
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { analyze } from "../../server/src/analysis/analyze.js";
import { parseVersion } from "../../server/src/schema/lookup.js";
import { memoryHost } from "../support/memory-host.js";
import { RELEASES } from "./harness.js";
import { sweepLines } from "./keyword-sweep.js";
import { basesFor, generateMutants } from "./mutants.js";

const BASES = join(__dirname, "bases");
const CONFIG = "/etc/keepalived/keepalived.conf";

describe.each(RELEASES.map((r) => [r.version, parseVersion(r.version)!] as const))("keepalived %s", (version, target) => {
  test("every base, as the release reads it, has no error for kalint targeting it, and no warning but what that release does differently", () => {
    for (const [name, text] of basesFor(BASES, target)) {
      const found = analyze(CONFIG, { host: memoryHost({ [CONFIG]: text }), targetVersion: target, configId: "diffnode" }).diagnostics;
      const serious = found
        .filter((d) => d.severity === "error" || (d.severity === "warning" && !d.message.includes(`keepalived ${version} `)))
        .map((d) => `${name}:${d.file.positionAt(d.start).line + 1} [${d.code}] ${d.message}`);
      expect(serious).toEqual([]);
    }
  });

  test("the sweep tries known keywords in their forms and newer ones once", () => {
    const sweep = sweepLines(target);
    expect(sweep.filter((s) => s.operator === "keyword").length).toBeGreaterThan(300);
    for (const s of sweep.filter((s) => s.operator === "newer-keyword")) expect(s.variant).toBe(0);
  });

  test("mutant ids are unique", () => {
    const ids = generateMutants(BASES, target).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
