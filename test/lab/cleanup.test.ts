/**
 * `kalint lab` leaves nothing behind: killed mid-run (SIGINT, SIGTERM) it stops its daemons and
 * removes its namespaces, and the host's own namespace never sees an address of the lab.
 */
import { execFileSync, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CASES, writeCase } from "./cases.js";
import { labUnavailable, running } from "./helpers.js";

const why = labUnavailable();

const namespaces = (tag: string) =>
  execFileSync("ip", ["netns", "list"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.split(" ")[0]!)
    .filter((n) => n.startsWith(tag));
const hostAddresses = () =>
  execFileSync("ip", ["-o", "addr", "show"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.replace(/\s+valid_lft.*$/, ""))
    .sort()
    .join("\n");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(why !== undefined)(`kalint lab cleanup${why ? ` skipped: ${why}` : ""}`, () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`removes namespaces and daemons when killed with ${signal} mid-run`, async () => {
      const before = hostAddresses();
      const files = writeCase(CASES.find((c) => c.name === "clean-pair")!);
      const child = spawn("node", ["dist/kalint.js", "lab", ...files, "--scenario", "restart:lb1"], { stdio: "ignore" });
      const tag = `kl${child.pid}`;
      // Wait until both daemons run in the lab's namespaces.
      let pids: number[] = [];
      for (let t = 0; t < 100 && pids.length < 2; t++) {
        await sleep(100);
        pids = namespaces(tag).flatMap((ns) =>
          execFileSync("ip", ["netns", "pids", ns], { encoding: "utf8" }).split(/\s+/).filter(Boolean).map(Number),
        );
      }
      expect(pids.length).toBeGreaterThanOrEqual(2);
      expect(hostAddresses()).toBe(before);
      const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      child.kill(signal);
      expect(await exited).toBe(signal === "SIGINT" ? 130 : 143);
      expect(namespaces(tag)).toEqual([]);
      expect(pids.filter(running)).toEqual([]);
      expect(hostAddresses()).toBe(before);
    }, 30_000);
  }
});
