/** Each rule runs isolated: one that throws leaves an internal-error finding naming it, and the others still report. */
import { afterEach, expect, test, vi } from "vitest";
import { analyze } from "../../server/src/analysis/analyze.js";
import { checkFleet } from "../../server/src/cluster/check.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { FILE_RULES } from "../../server/src/rules/index.js";
import { CLUSTER_RULES } from "../../server/src/cluster/rules/index.js";
import { memoryHost } from "../support/memory-host.js";

afterEach(() => vi.restoreAllMocks());

const CONFIG = "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 300\n}\n";

test("a file rule that throws: internal-error at the start of the file, naming the rule; the schema check and the other rules still report", () => {
  const rule = FILE_RULES.find((r) => r.code === "implicit-owner-priority")!;
  vi.spyOn(rule, "check").mockImplementation(() => {
    throw new Error("boom");
  });
  const host = memoryHost({ "/k.conf": CONFIG.replace("    priority 300\n", "") + "vrrp_script chk {\n}\n" });
  const found = analyze("/k.conf", { host }).diagnostics;
  const internal = found.filter((d) => d.code === "internal-error");
  expect(internal).toHaveLength(1);
  expect(internal[0]).toMatchObject({ start: 0, end: 0, severity: "error" });
  expect(internal[0]!.message).toBe(
    "rule implicit-owner-priority failed here and reported nothing: boom (a bug in kalint; the other rules ran)",
  );
  expect(found.map((d) => d.code)).toEqual(expect.arrayContaining(["missing-required", "unused-definition"]));
});

test("a cluster rule that throws: internal-error on the first node, and the other cluster rules still report", () => {
  const rule = CLUSTER_RULES.find((r) => r.code === "priority-tie")!;
  vi.spyOn(rule, "checkCluster").mockImplementation(() => {
    throw new Error("boom");
  });
  const host = memoryHost({
    "/a.conf": CONFIG.replace("300", "100"),
    "/b.conf": CONFIG.replace("300", "100").replace("51", "52").replace("MASTER", "BACKUP"),
  });
  const found = checkFleet({ clusters: [buildCluster(["/a.conf", "/b.conf"].map((p) => loadNode(p, { host })))] });
  expect(found.filter((d) => d.code === "internal-error").map((d) => [d.file.path, d.message])).toEqual([
    ["/a.conf", "rule priority-tie failed here and reported nothing: boom (a bug in kalint; the other rules ran)"],
  ]);
  expect(found.map((d) => d.code)).toContain("vrid-mismatch");
});
