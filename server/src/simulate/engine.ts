/**
 * A discrete-event run of keepalived's VRRP state machine over simulated milliseconds: master-down
 * timers with their skew, adverts, preemption, tie-breaks by source address, FAULT from tracked
 * objects and links, sync groups moving together. Timing decides elections the same way it does
 * in the daemon, so races and "the first master keeps the role" fall out instead of being guessed.
 *
 * Facts (keepalived vrrp.c, vrrp_scheduler.c, vrrp_track.c, vrrp_sync.c; own words):
 * - master-down interval = 3 × the master's advert interval + skew; skew = (256 − priority)/256
 *   of a second with VRRPv2, of the advert interval with VRRPv3;
 * - a starting node waits the master-down interval, `state MASTER` or not; only the address
 *   owner (255) takes the role at once;
 * - a backup restarts its timer on an accepted advert of higher or equal priority, or of any
 *   priority with `nopreempt`, or while its `preempt_delay` (started by the first lower advert)
 *   runs; it ignores lower adverts otherwise, so its timer runs out and it takes over;
 *   a priority-0 advert (a master leaving) cuts the timer to the skew;
 * - a master that hears a higher priority, or an equal one from a higher source address, steps
 *   down; one that hears a lower priority answers with its own advert at once;
 * - two address owners: the one that hears the other first lowers itself to 254;
 * - a weighted track adds its weight while the object is up (positive) or down (negative);
 *   `reverse` swaps the sign; the sum is kept in 1..254; an unweighted track puts the instance
 *   in FAULT, a FAULT member puts its whole sync group in FAULT.
 */
import { trackEffect } from "../model/tracking.js";
import { advertProblem, type SimInstance, type SimSetup, type SimTrack } from "./setup.js";

export type VrrpState = "BACKUP" | "MASTER" | "FAULT" | "STOPPED";

/** The conditions a scenario sets: which nodes run, hear, and which tracked objects fail. */
export interface World {
  readonly stopped: Set<number>;
  readonly isolated: Set<number>;
  /** `node/iface` */
  readonly linkDown: Set<string>;
  /** `node/trackId` */
  readonly failed: Set<string>;
}

export const newWorld = (): World => ({ stopped: new Set(), isolated: new Set(), linkDown: new Set(), failed: new Set() });

interface Runtime {
  readonly inst: SimInstance;
  state: VrrpState;
  base: number;
  prio: number;
  fault: boolean;
  masterAdvMs: number;
  downAt: number;
  advertAt: number;
  preemptTime: number | undefined;
}

interface Message {
  readonly at: number;
  readonly from: Runtime;
  readonly to: Runtime;
  readonly prio: number;
  readonly advMs: number;
}

/** Delivery delay of an advert on the segment (ms). */
const LATENCY = 0.1;

export interface Contribution {
  readonly track: SimTrack;
  readonly failing: boolean;
  /** Priority added in this state (0 when none), or "fault". */
  readonly effect: number | "fault";
}

/** What one tracked object does to the priority in its current state (model/tracking.ts trackEffect). */
export function contribution(track: SimTrack, failing: boolean): Contribution {
  return { track, failing, effect: trackEffect(track, failing) };
}

export function trackFailing(world: World, node: number, track: SimTrack): boolean {
  // Most worlds fail nothing: no key to build then.
  return (
    (world.failed.size > 0 && world.failed.has(`${node}/${track.id}`)) ||
    (track.kind === "interface" && world.linkDown.size > 0 && world.linkDown.has(`${node}/${track.name}`))
  );
}

/** The priority the instance runs with and whether its own objects put it in FAULT. */
export function priorityOf(
  inst: SimInstance,
  world: World,
  base = inst.basePriority,
): { priority: number; fault: boolean; parts: Contribution[] } {
  const parts = inst.tracks.map((t) => contribution(t, trackFailing(world, inst.node, t)));
  let fault = parts.some((p) => p.effect === "fault");
  if (world.linkDown.has(`${inst.node}/${inst.iface}`) && !inst.dontTrackPrimary) fault = true;
  if (inst.owner && base === 255) return { priority: 255, fault, parts };
  let sum = base;
  for (const p of parts) if (p.effect !== "fault") sum += p.effect;
  return { priority: Math.max(1, Math.min(254, sum)), fault, parts };
}

function skew(r: Runtime, prio = r.prio): number {
  const p = 256 - prio;
  return r.inst.version === 3 ? (p * r.masterAdvMs) / 256 : (p * 1000) / 256;
}

const downInterval = (r: Runtime) => 3 * r.masterAdvMs + skew(r);

/** A text whose string order is the numeric order of addresses of one family. */
export function addressKey(x: string): string {
  if (x.includes(".") && !x.includes(":"))
    return x
      .split(".")
      .map((o) => Number(o).toString(16).padStart(2, "0"))
      .join("");
  const [h = "", t] = x.split("::") as [string, string | undefined];
  const hh = h ? h.split(":") : [];
  const tt = t ? t.split(":") : [];
  const fill = t === undefined ? [] : new Array(Math.max(0, 8 - hh.length - tt.length)).fill("0");
  return [...hh, ...fill, ...tt].map((g) => g.padStart(4, "0")).join("");
}

/** Numeric order of two addresses of one family: negative when a < b. */
export function compareAddresses(a: string, b: string): number {
  const ka = addressKey(a);
  const kb = addressKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const acceptances = new WeakMap<SimSetup, readonly (readonly boolean[])[]>();

/** `[i][j]`: whether instance j accepts the adverts of instance i (same peer set, another node, no advertProblem). */
export function acceptance(setup: SimSetup): readonly (readonly boolean[])[] {
  let matrix = acceptances.get(setup);
  if (!matrix) {
    matrix = setup.instances.map((from) =>
      setup.instances.map(
        (to) => from !== to && from.set === to.set && from.node !== to.node && advertProblem(from, to, setup) === undefined,
      ),
    );
    acceptances.set(setup, matrix);
  }
  return matrix;
}

export class VrrpRun {
  readonly world: World = newWorld();
  now = 0;
  private readonly runtimes: Runtime[];
  private readonly accepts: readonly (readonly boolean[])[];
  private queue: Message[] = [];
  /** Time of the last change of who holds which address. */
  lastChange = 0;
  /** Time of the last change of any instance's state or priority. */
  lastActivity = 0;
  /**
   * Whether the outcome could depend on timing: two equal priorities compared, or a backup's
   * timer ran out while another's was about to. Only then are other start orders worth a run.
   */
  timingSensitive = false;
  private lastHolding = "";

  /**
   * `lag[node]`: how late that node's timers fire (ms), as a busy host's would. Runs with the
   * nodes in different orders let equal timers expire in either order, as on a real segment.
   */
  constructor(
    readonly setup: SimSetup,
    private readonly lag: readonly number[] = [],
  ) {
    this.runtimes = setup.instances.map((inst) => ({
      inst,
      state: "STOPPED",
      base: inst.basePriority,
      prio: inst.basePriority,
      fault: false,
      masterAdvMs: inst.advertMs,
      downAt: Infinity,
      advertAt: Infinity,
      preemptTime: undefined,
    }));
    this.accepts = acceptance(setup);
  }

  /** Starts every instance of a node, as keepalived does when it starts. */
  start(node: number): void {
    this.world.stopped.delete(node);
    const t = this.now;
    for (const r of this.runtimes) {
      if (r.inst.node !== node) continue;
      r.base = r.inst.basePriority;
      r.masterAdvMs = r.inst.advertMs;
      r.preemptTime = undefined;
      const { priority, fault } = priorityOf(r.inst, this.world, r.base);
      r.prio = priority;
      r.fault = fault;
      r.state = "BACKUP";
      r.advertAt = Infinity;
      // Only the address owner claims the role at once; `state MASTER` below 255 waits a full
      // master-down interval like any backup (vrrp_init_state; checked on 2.2.7 in the lab).
      if (r.inst.owner && r.inst.wantMaster) r.downAt = t;
      else r.downAt = t + downInterval(r);
    }
    this.reevaluate();
  }

  /** Stops a node: a master sends a priority-0 advert on its way out. */
  stop(node: number): void {
    this.world.stopped.add(node);
    for (const r of this.runtimes) {
      if (r.inst.node !== node) continue;
      if (r.state === "MASTER") this.send(r, 0);
      r.state = "STOPPED";
      r.downAt = Infinity;
      r.advertAt = Infinity;
    }
    this.noteHolding();
  }

  /** Re-reads the world after a change: faults, priorities, sync groups. */
  reevaluate(): void {
    const t = this.now;
    for (const r of this.runtimes) {
      if (r.state === "STOPPED") continue;
      const { priority, fault } = priorityOf(r.inst, this.world, r.base);
      r.fault = fault;
      if (priority !== r.prio) {
        this.lastActivity = this.now;
        const before = r.state === "BACKUP" ? downInterval(r) : 0;
        r.prio = priority;
        if (r.state === "BACKUP") r.downAt += downInterval(r) - before;
      }
    }
    // A sync group is in FAULT while any of its members is.
    const faultyGroups = new Set(
      this.runtimes.filter((r) => r.state !== "STOPPED" && r.fault && r.inst.syncGroup).map((r) => r.inst.syncGroup!),
    );
    for (const r of this.runtimes) {
      if (r.state === "STOPPED") continue;
      const fault = r.fault || (r.inst.syncGroup !== undefined && faultyGroups.has(r.inst.syncGroup));
      if (fault && r.state !== "FAULT") {
        if (r.state === "MASTER") this.send(r, 0);
        r.state = "FAULT";
        r.downAt = Infinity;
        r.advertAt = Infinity;
      } else if (!fault && r.state === "FAULT") {
        r.state = "BACKUP";
        r.masterAdvMs = r.inst.advertMs;
        r.downAt = t + downInterval(r);
      }
    }
    this.noteHolding();
  }

  private send(from: Runtime, prio: number): void {
    const w = this.world;
    const node = from.inst.node;
    if (w.isolated.has(node) || w.linkDown.has(`${node}/${from.inst.iface}`)) return;
    const i = this.runtimes.indexOf(from);
    this.runtimes.forEach((to, j) => {
      if (!this.accepts[i]![j]) return;
      const n = to.inst.node;
      if (w.isolated.has(n) || w.linkDown.has(`${n}/${to.inst.iface}`)) return;
      this.queue.push({ at: this.now + LATENCY, from, to, prio, advMs: from.inst.advertMs });
    });
  }

  private becomeMaster(r: Runtime): void {
    for (const o of this.runtimes)
      if (o !== r && o.inst.set === r.inst.set && o.state === "BACKUP" && Math.abs(o.downAt - r.downAt) < 50) this.timingSensitive = true;
    r.state = "MASTER";
    r.downAt = Infinity;
    r.preemptTime = undefined;
    this.send(r, r.prio);
    r.advertAt = this.now + r.inst.advertMs;
    // A sync group follows its member into MASTER.
    if (r.inst.syncGroup)
      for (const o of this.runtimes) if (o !== r && o.inst.syncGroup === r.inst.syncGroup && o.state === "BACKUP") this.becomeMaster(o);
    this.noteHolding();
  }

  private toBackup(r: Runtime, masterAdvMs: number): void {
    this.lastActivity = this.now;
    r.state = "BACKUP";
    r.advertAt = Infinity;
    if (r.inst.version === 3) r.masterAdvMs = masterAdvMs;
    r.downAt = this.now + downInterval(r);
    if (r.inst.syncGroup)
      for (const o of this.runtimes)
        if (o !== r && o.inst.syncGroup === r.inst.syncGroup && o.state === "MASTER") this.toBackup(o, o.masterAdvMs);
    this.noteHolding();
  }

  private receive(m: Message): void {
    const r = m.to;
    const t = this.now;
    if (r.state === "BACKUP") {
      if (m.prio === 0) {
        r.downAt = t + skew(r);
      } else if (
        r.inst.nopreempt ||
        m.prio >= r.prio ||
        (r.inst.preemptDelayMs > 0 && (r.preemptTime === undefined || r.preemptTime > t))
      ) {
        if (r.inst.version === 3) r.masterAdvMs = m.advMs;
        r.downAt = t + downInterval(r);
        if (r.inst.preemptDelayMs > 0) {
          if (m.prio >= r.prio) r.preemptTime = undefined;
          else if (r.preemptTime === undefined) r.preemptTime = t + r.inst.preemptDelayMs;
        }
      }
      // else: a lower advert while preemption is allowed: ignored, so the timer runs out.
      return;
    }
    if (r.state !== "MASTER") return;
    if (m.prio === 0) {
      this.send(r, r.prio);
      return;
    }
    const cmp = compareAddresses(m.from.inst.src, r.inst.src);
    if (m.prio === r.prio) this.timingSensitive = true;
    if (m.prio === r.prio && r.prio === 255 && cmp !== 0) {
      // Both claim to own the address: keepalived lowers its own to 254.
      r.base = 254;
      r.prio = 254;
    }
    if (m.prio < r.prio || (m.prio === r.prio && cmp < 0)) {
      this.send(r, r.prio);
      return;
    }
    if (m.prio > r.prio || (m.prio === r.prio && cmp > 0)) this.toBackup(r, m.advMs);
  }

  /**
   * Runs until nothing has changed for `quiet` ms (only adverts repeating), or until `limit`;
   * returns the time it stopped.
   */
  settle(quiet: number, limit: number): number {
    const from = this.now;
    this.lastActivity = from;
    for (let t = from; t < limit;) {
      t = Math.min(limit, Math.max(t + 250, this.lastActivity + quiet));
      this.runUntil(t);
      if (this.now - this.lastActivity >= quiet) break;
    }
    return this.now;
  }

  /** Runs the cluster until `until` (ms). */
  runUntil(until: number): void {
    for (let guard = 0; guard < 1_000_000; guard++) {
      let next = Infinity;
      let kind: "msg" | "down" | "advert" | undefined;
      let who: Runtime | undefined;
      let msgIndex = -1;
      this.queue.forEach((m, i) => {
        if (m.at < next) {
          next = m.at;
          kind = "msg";
          msgIndex = i;
        }
      });
      for (const r of this.runtimes) {
        const lag = this.lag[r.inst.node] ?? 0;
        if (r.state === "BACKUP" && r.downAt + lag < next) {
          next = r.downAt + lag;
          kind = "down";
          who = r;
        }
        if (r.state === "MASTER" && r.advertAt < next) {
          next = r.advertAt;
          kind = "advert";
          who = r;
        }
      }
      if (next > until || kind === undefined) break;
      this.now = next;
      if (kind === "msg") {
        const [m] = this.queue.splice(msgIndex, 1);
        this.receive(m!);
      } else if (kind === "down") this.becomeMaster(who!);
      else {
        this.send(who!, who!.prio);
        who!.advertAt = this.now + who!.inst.advertMs;
      }
    }
    this.now = Math.max(this.now, until);
  }

  private noteHolding(): void {
    this.lastActivity = this.now;
    // Who holds what follows from which instances are MASTER.
    let key = "";
    for (const r of this.runtimes) key += r.state === "MASTER" ? "1" : "0";
    if (key !== this.lastHolding) {
      this.lastHolding = key;
      this.lastChange = this.now;
    }
  }

  /** State and priority of each instance, in the setup's order. */
  states(): { state: VrrpState; priority: number }[] {
    return this.runtimes.map((r) => ({ state: r.state, priority: r.prio }));
  }
}

/** Addresses held per node (by a MASTER instance), given each instance's state in the setup's order. */
export function holding(setup: SimSetup, states: readonly { readonly state: VrrpState }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const inst of setup.instances) for (const a of inst.held) if (!out.has(a)) out.set(a, []);
  setup.instances.forEach((inst, k) => {
    if (states[k]!.state !== "MASTER") return;
    for (const a of inst.held) {
      const list = out.get(a)!;
      if (!list.includes(inst.node)) list.push(inst.node);
    }
  });
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
