/**
 * The failover simulation in the language server: a hover on a vrrp_instance and on a tracked
 * script shows this node's failures with the owner after each and the priority arithmetic; a code
 * lens sums them up above each instance; `kalint.failoverMap` returns the html page.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverBuilt, TestClient } from "./client.js";
import { B, M, nodeText, script } from "../lab/cases.js";

const node = (state: "MASTER" | "BACKUP", priority: number) =>
  nodeText({ top: [script("chk_haproxy", -10)], instances: [(state === "MASTER" ? M : B)({ priority, tracks: ["chk_haproxy"] })] });

let dir: string;
let client: TestClient;
let uri: string;

interface Hover {
  contents: { kind: string; value: string };
}

beforeAll(async () => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-failover-"));
  const lb1 = node("MASTER", 150);
  for (const [name, text] of [
    ["lb1.conf", lb1],
    ["lb2.conf", node("BACKUP", 100)],
  ] as const)
    writeFileSync(join(dir, name), text);
  client = new TestClient();
  await client.initialize(dir);
  await client.diagnostics((uri = client.open(join(dir, "lb1.conf"), lb1)));
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("failover in the editor", () => {
  test("hover on vrrp_instance: each failure of this node, who holds the address after it, the arithmetic", async () => {
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 7, character: 16 } });
    const value = h.contents.value;
    expect(value).toContain("**Failover of VI_1 when lb1 fails**");
    expect(value).toContain("| `stop:lb1` | lb2 | lb1 stopped, lb2 100 | ok |");
    expect(value).toContain("| `fail:lb1:chk_haproxy` | lb1 | lb1 140, lb2 100 | **no failover** |");
    expect(value).toContain("`fail:lb1:chk_haproxy`: lb1's priority falls from 150 to 140 (chk_haproxy -10), not below lb2's 100");
  });

  test("hover on the tracked script's definition: only its failure, after the keyword's documentation is kept elsewhere", async () => {
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 15 } });
    const value = h.contents.value;
    expect(value).toContain("| `fail:lb1:chk_haproxy` |");
    expect(value).not.toContain("`stop:lb1`");
  });

  test("a code lens above the instance sums up this node's failures and opens the map", async () => {
    const lenses = await client.request<
      { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]
    >("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start.line).toBe(7);
    expect(lenses[0]!.command).toEqual({
      title: "failover: 4 scenarios ok, 1 no failover",
      command: "kalint.showFailoverMap",
      arguments: [uri],
    });
  });

  test("kalint.failoverMap returns the html page of the cluster", async () => {
    const r = await client.request<{ html: string }>("workspace/executeCommand", { command: "kalint.failoverMap", arguments: [uri] });
    expect(r.html).toMatch(/^<!doctype html>/);
    expect(r.html).toContain("Failover map: lb1, lb2");
    expect(r.html).toContain('<tr class="no-failover"');
  });
});
