/** What the simulation reads off each instance (simulate/setup.ts), through the model's readers. */
import { describe, expect, test } from "vitest";
import { modelNode } from "../../server/src/cluster/nodes.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import { buildSetup } from "../../server/src/simulate/setup.js";
import { memoryHost } from "../support/memory-host.js";

const node = (priority: number, extra: string) =>
  `vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority ${priority}\n${extra}    virtual_ipaddress {\n        192.0.2.100\n    }\n}\n`;

function delays(extra: string): number[] {
  const host = memoryHost({ "/lb1.conf": node(150, extra), "/lb2.conf": node(100, extra) });
  return buildSetup(buildCluster(["/lb1.conf", "/lb2.conf"].map((p) => modelNode(p, { host })))).instances.map((i) => i.preemptDelayMs);
}

describe("preempt_delay, read by the schema's reader as keepalived reads it", () => {
  test("seconds, fractions too", () => {
    expect(delays("    preempt_delay 4\n")).toEqual([4000, 4000]);
    expect(delays("    preempt_delay 1.5\n")).toEqual([1500, 1500]);
  });

  test("a value keepalived refuses (over 1000 s, or no number) is ignored: no delay", () => {
    expect(delays("    preempt_delay 2000\n")).toEqual([0, 0]);
    expect(delays("    preempt_delay soon\n")).toEqual([0, 0]);
  });

  test("the last line wins, as in keepalived", () => {
    expect(delays("    preempt_delay 4\n    preempt_delay 2\n")).toEqual([2000, 2000]);
  });
});
