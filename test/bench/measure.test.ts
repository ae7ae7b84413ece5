/** bench/measure.mjs: the order runs are interleaved in, and how a ratio is taken from pairs. */
import { describe, expect, test } from "vitest";
import { interleave, paired, runOnce, series, type Failed, type Sample } from "../../bench/measure.mjs";

/**
 * A machine whose speed changes once: every run before the `change`-th costs its work, every run
 * from it on `slowdown` times as much (a slow phase of a shared VM), and each run's name is logged.
 */
function machine(change: number, slowdown = 3) {
  const log: string[] = [];
  const command = (name: string, work: number) => (): Sample => {
    log.push(name);
    return { seconds: work * (log.length > change ? slowdown : 1) };
  };
  return { log, command };
}

function ok<T extends object>(r: T | Failed): T {
  if ("error" in r && r.error !== undefined) throw new Error(r.error);
  return r as T;
}

describe("interleave", () => {
  test("runs each measurement once a round, forward then backward (A B, B A, ...)", () => {
    const { log, command } = machine(Infinity);
    const r = ok(interleave(4, { a: command("a", 1), b: command("b", 1), c: command("c", 1) }));
    expect(log.join("")).toBe("abccbaabccba");
    expect(r.rounds).toHaveLength(4);
    expect(Object.keys(r.rounds[1]!).sort()).toEqual(["a", "b", "c"]);
  });

  test("stops at the first failed run and says why", () => {
    let calls = 0;
    const r = interleave(5, {
      a: () => (++calls === 3 ? { error: "a exited 2" } : { seconds: 1 }),
      b: () => ({ seconds: 1 }),
    });
    expect(r).toEqual({ error: "a exited 2" });
    expect(calls).toBe(3);
  });
});

describe("paired", () => {
  test("the ratio is the median of per-pair ratios, not best over best nor median over median", () => {
    const seconds = { a: [3, 8, 6], b: [1, 4, 6] };
    const next = (key: "a" | "b") => () => ({ seconds: seconds[key].shift()! });
    const r = ok(paired(3, next("a"), next("b")));
    // Pairs 3/1, 8/4, 6/6: median 2 (best/best would read 3, median/median 6/4 = 1.5).
    expect(r.ratio).toEqual({ median: 2, min: 1, max: 3, pairs: 3 });
    expect(r.measure).toMatchObject({ min: 3, median: 6, samples: 3 });
    expect(r.reference).toMatchObject({ min: 1, median: 4, samples: 3 });
  });

  test("a slow phase starting anywhere in the run leaves the ratio as it is", () => {
    // kalint's work 2, keepalived's 1: the ratio is 2 whether the machine slows down before the
    // first run, between any two runs, or never; the one pair a change can split is outvoted.
    for (let change = 0; change <= 14; change++) {
      const { log, command } = machine(change);
      const r = ok(paired(7, command("kalint", 2), command("keepalived", 1)));
      expect(log).toHaveLength(14);
      expect(r.ratio?.median, `slowdown from run ${change}`).toBe(2);
    }
  });

  test("times alone, with no ratio, without a reference", () => {
    const { log, command } = machine(Infinity);
    const r = ok(paired(5, command("kalint", 2)));
    expect(log).toEqual(Array(5).fill("kalint"));
    expect(r.ratio).toBeUndefined();
    expect(r.reference).toBeUndefined();
    expect(r.measure).toMatchObject({ min: 2, median: 2, samples: 5 });
  });

  test("keeps each side's samples with what the measurement returned", () => {
    const r = ok(
      paired(
        3,
        () => ({ seconds: 2, report: "x" }),
        () => ({ seconds: 1 }),
      ),
    );
    expect(r.samples.measure.map((s) => s.report)).toEqual(["x", "x", "x"]);
    expect(r.samples.reference).toHaveLength(3);
  });
});

describe("series and runOnce", () => {
  test("series: best and median seconds, the highest peak memory known, the last exit status", () => {
    expect(series([{ seconds: 3, peakMB: 10, exit: 0 }, { seconds: 1 }, { seconds: 2, peakMB: 30, exit: 1 }])).toEqual({
      min: 1,
      median: 2,
      samples: 3,
      peakMB: 30,
      exit: 1,
    });
  });

  test("runOnce times a process and refuses an exit status not expected", () => {
    const r = runOnce(process.execPath, ["-e", "process.exit(3)"], { expectExit: [0, 1] });
    expect("error" in r && r.error).toMatch(/exited 3/);
    const good = ok(runOnce(process.execPath, ["-e", "process.exit(1)"], { expectExit: [0, 1] }));
    expect(good.exit).toBe(1);
    expect(good.seconds).toBeGreaterThan(0);
  });
});
