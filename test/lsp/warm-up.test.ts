/**
 * The start-up warm-up: it runs every step of the analysis the edits will run (so its sample
 * must analyse cleanly and reach the rules, not stop at a syntax error), and it can be stopped.
 */
import { expect, test } from "vitest";
import { nodeFileHost } from "../../grammar/node.js";
import { nodeEnvironment } from "../../server/src/lsp/node-environment.js";
import { sampleConfig, warmUp } from "../../server/src/lsp/warm-up.js";
import { analyseDocument } from "../../server/src/service/index.js";

test("the sample parses and reaches the schema and rule checks", () => {
  const doc = analyseDocument("/kalint-warm-up/keepalived.conf", sampleConfig(), { host: nodeFileHost });
  // Only the two planted mistakes (priority 300, nb_get_retry): no syntax error cut it short.
  expect([...new Set(doc.analysis.diagnostics.map((d) => d.code))].sort()).toEqual(["deprecated-keyword", "out-of-range"]);
  expect(doc.analysis.model.instances).toHaveLength(4);
  expect(doc.analysis.model.virtualServers).toHaveLength(40);
});

test("every step runs without error, one per turn of the event loop", async () => {
  const errors: unknown[] = [];
  let turns = 0;
  const ticking = setInterval(() => turns++, 0);
  const steps = await new Promise<number>((resolve) => warmUp(nodeEnvironment.later, (e) => errors.push(e), resolve));
  clearInterval(ticking);
  expect(errors).toEqual([]);
  expect(steps).toBe(20);
  // Timers ran in between: the warm-up never held the event loop for all its steps at once.
  expect(turns).toBeGreaterThan(1);
});

test("stopping it before its first step runs nothing", async () => {
  let done = false;
  const stop = warmUp(
    nodeEnvironment.later,
    () => undefined,
    () => (done = true),
  );
  stop();
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
});
