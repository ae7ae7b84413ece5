/**
 * The scenarios of docs/simulate.md (start, stop, restart, fail, fail-all, isolate, heal, link-down), run
 * on the VRRP engine, with owners, races, a verdict and the reason for it.
 */
import type { RelatedInformation } from "../../../grammar/index.js";
import { related } from "../cluster/locate.js";
import {
  acceptance,
  compareAddresses,
  contribution,
  holding,
  priorityOf,
  trackFailing,
  VrrpRun,
  type VrrpState,
  type World,
} from "./engine.js";
import type { Cluster } from "../cluster/types.js";
import { advertProblem, buildSetup, type SimInstance, type SimSetup, type SimTrack } from "./setup.js";

export type Verdict = "ok" | "split-brain" | "no-owner" | "no-failover";
export const VERDICTS: readonly Verdict[] = ["ok", "split-brain", "no-owner", "no-failover"];
/** Worst first: the scenario's verdict is the worst of its addresses'. */
const RANK: Readonly<Record<Verdict, number>> = { ok: 0, "no-failover": 1, "no-owner": 2, "split-brain": 3 };

export type ScenarioStep =
  | { readonly kind: "stop"; readonly node: number }
  | { readonly kind: "start"; readonly node: number }
  | { readonly kind: "fail"; readonly node: number; readonly tracks: readonly string[] }
  | { readonly kind: "isolate"; readonly node: number }
  | { readonly kind: "heal"; readonly node: number }
  | { readonly kind: "link-down"; readonly node: number; readonly iface: string };

export interface Scenario {
  readonly id: string;
  readonly description: string;
  /** Applied in order after the cluster has started and settled; each step is followed by settling. */
  readonly steps: readonly ScenarioStep[];
}

export interface InstanceOutcome {
  readonly state: VrrpState;
  readonly priority: number;
}

export interface ScenarioResult {
  readonly id: string;
  readonly description: string;
  readonly owners: Record<string, string[]>;
  readonly race: Record<string, string[]>;
  readonly instances: Record<string, Record<string, InstanceOutcome>>;
  readonly verdict: Verdict;
  readonly because: string;
  readonly related: readonly RelatedInformation[];
  /** Predicted time from the last step to the last change of owners (ms). */
  readonly settled_ms: number;
}

export interface SimulationResult {
  readonly nodes: readonly string[];
  readonly scenarios: readonly ScenarioResult[];
  readonly summary: Record<"scenarios" | Verdict, number>;
}

/** The tracked objects of a node (distinct ids), in file order. */
export function nodeTracks(setup: SimSetup, node: number): SimTrack[] {
  const seen = new Map<string, SimTrack>();
  for (const i of setup.instances) if (i.node === node) for (const t of i.tracks) if (!seen.has(t.id)) seen.set(t.id, t);
  return [...seen.values()];
}

function interfacesOf(setup: SimSetup, node: number): string[] {
  return [...new Set(setup.instances.filter((i) => i.node === node).map((i) => i.iface))];
}

/** Every scenario that applies to the cluster, in a stable order. */
export function scenariosFor(setup: SimSetup): Scenario[] {
  const out: Scenario[] = [{ id: "start", description: "all nodes start together", steps: [] }];
  for (const n of setup.nodes) {
    const name = n.name;
    out.push({ id: `stop:${name}`, description: `${name} stops`, steps: [{ kind: "stop", node: n.index }] });
    out.push({
      id: `restart:${name}`,
      description: `${name} stops, the others settle, then ${name} starts again`,
      steps: [
        { kind: "stop", node: n.index },
        { kind: "start", node: n.index },
      ],
    });
    const tracks = nodeTracks(setup, n.index);
    for (const t of tracks)
      out.push({
        id: `fail:${name}:${t.id}`,
        description: `${t.kind === "interface" ? `interface ${t.name}` : `${t.kind} ${t.name}`} fails on ${name}`,
        steps: [{ kind: "fail", node: n.index, tracks: [t.id] }],
      });
    if (tracks.length > 1)
      out.push({
        id: `fail-all:${name}`,
        description: `everything ${name} tracks fails`,
        steps: [{ kind: "fail", node: n.index, tracks: tracks.map((t) => t.id) }],
      });
    out.push({
      id: `isolate:${name}`,
      description: `${name} hears no peer and no peer hears it`,
      steps: [{ kind: "isolate", node: n.index }],
    });
    out.push({
      id: `heal:${name}`,
      description: `${name} is isolated, then joins again`,
      steps: [
        { kind: "isolate", node: n.index },
        { kind: "heal", node: n.index },
      ],
    });
    for (const iface of interfacesOf(setup, n.index))
      out.push({
        id: `link-down:${name}:${iface}`,
        description: `${iface} goes down on ${name}`,
        steps: [{ kind: "link-down", node: n.index, iface }],
      });
  }
  return out;
}

/** Apply one step to the world and the run. */
export function applyStep(run: VrrpRun, step: ScenarioStep): void {
  const w = run.world;
  switch (step.kind) {
    case "stop":
      run.stop(step.node);
      return;
    case "start":
      run.start(step.node);
      return;
    case "fail":
      for (const id of step.tracks) w.failed.add(`${step.node}/${id}`);
      break;
    case "isolate":
      w.isolated.add(step.node);
      break;
    case "heal":
      w.isolated.delete(step.node);
      break;
    case "link-down":
      w.linkDown.add(`${step.node}/${step.iface}`);
      break;
  }
  run.reevaluate();
}

/**
 * How long a part is run after an event (ms), `settle`: several master-down intervals plus any
 * preempt_delay; and how long nothing may change before it counts as settled, `quiet`: one
 * master-down interval and any preempt_delay, with room.
 */
function windows(setup: SimSetup): { readonly settle: number; readonly quiet: number } {
  let adv = 1000;
  let delay = 0;
  for (const i of setup.instances) {
    adv = Math.max(adv, i.advertMs);
    delay = Math.max(delay, i.preemptDelayMs);
  }
  return { settle: 8 * adv + delay + 3000, quiet: 4 * adv + delay + 1000 };
}

interface RunOutcome {
  readonly holding: Map<string, number[]>;
  /** Each instance's settled state and priority, part by part in instance order. */
  readonly stateOf: Map<SimInstance, InstanceOutcome>;
  readonly world: World;
  readonly settled: number;
}

/**
 * Independent parts of the cluster: peer sets, joined when a sync group ties their instances.
 * Each part runs on its own, so a file with hundreds of instances costs hundreds of small runs.
 */
const partsCache = new WeakMap<SimSetup, SimSetup[]>();
export function components(setup: SimSetup): SimSetup[] {
  const cached = partsCache.get(setup);
  if (cached) return cached;
  const parent = setup.sets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byGroup = new Map<string, number>();
  for (const inst of setup.instances) {
    if (!inst.syncGroup) continue;
    const other = byGroup.get(inst.syncGroup);
    if (other === undefined) byGroup.set(inst.syncGroup, inst.set);
    else parent[find(inst.set)] = find(other);
  }
  const parts = new Map<number, SimInstance[]>();
  for (const inst of setup.instances) {
    const root = find(inst.set);
    const list = parts.get(root) ?? [];
    list.push(inst);
    parts.set(root, list);
  }
  const out = [...parts.values()].map((instances) => ({ nodes: setup.nodes, sets: setup.sets, instances }));
  partsCache.set(setup, out);
  return out;
}

/**
 * What a part's runs depend on, read once per part. `print` holds everything of the part the engine
 * reads, with the names it only compares for equality numbered in order of appearance (track ids,
 * interfaces, sync groups, peer sets), source addresses by rank (it only orders them), and whether
 * each instance accepts each other's adverts instead of the settings behind that (vrid,
 * authentication, addresses, unicast, release). The addresses held do not steer a run: who holds
 * them is read from the states afterwards. Two parts with one print, under steps that are one after
 * the same numbering, run alike: a role's template repeats one instance shape dozens of times with
 * other names, ids and addresses, and each shape now runs once.
 */
interface PartFacts {
  readonly print: string;
  /** `node/trackId` of every tracked object → the id's number. */
  readonly tracked: Map<string, number>;
  /** `node/iface` of every VRRP or tracked interface → the name's number. */
  readonly links: Map<string, number>;
}

const partFacts = new WeakMap<SimSetup, PartFacts>();

function factsOf(part: SimSetup): PartFacts {
  let facts = partFacts.get(part);
  if (facts) return facts;
  const numbered = (names: Map<string, number>, name: string) => {
    let n = names.get(name);
    if (n === undefined) names.set(name, (n = names.size));
    return n;
  };
  const ids = new Map<string, number>();
  const ifaces = new Map<string, number>();
  const sets = new Map<string, number>();
  const groups = new Map<string, number>();
  const tracked = new Map<string, number>();
  const links = new Map<string, number>();
  const sources = [...new Set(part.instances.map((i) => i.src))].sort(compareAddresses);
  const rank = new Map<string, number>();
  sources.forEach((src, k) => rank.set(src, k > 0 && compareAddresses(sources[k - 1]!, src) === 0 ? rank.get(sources[k - 1]!)! : k));
  const accepts = acceptance(part);
  let print = "";
  part.instances.forEach((i, k) => {
    const iface = numbered(ifaces, i.iface);
    links.set(`${i.node}/${i.iface}`, iface);
    const group = i.syncGroup === undefined ? "" : numbered(groups, i.syncGroup);
    print += `${i.node} ${numbered(sets, String(i.set))} ${i.version} ${i.advertMs} ${i.basePriority} ${+i.owner}${+i.wantMaster}${+i.nopreempt}${+i.dontTrackPrimary} ${i.preemptDelayMs} ${group} ${iface} ${rank.get(i.src)!}:`;
    for (const t of i.tracks) {
      const id = numbered(ids, t.id);
      tracked.set(`${i.node}/${t.id}`, id);
      let name = "";
      if (t.kind === "interface") {
        const n = numbered(ifaces, t.name);
        links.set(`${i.node}/${t.name}`, n);
        name = String(n);
      }
      print += ` ${t.kind} ${id} ${name} ${t.weight} ${+t.reverse}`;
    }
    print += `:${accepts[k]!.map(Number).join("")}\n`;
  });
  partFacts.set(part, (facts = { print, tracked, links }));
  return facts;
}

const NO_FACTS: PartFacts = { print: "", tracked: new Map(), links: new Map() };

/**
 * The steps that can change anything in the part (a failure of an object it does not track changes
 * nothing), and `key`: the same steps under the part's numbering of ids and interfaces.
 */
function relevantSteps(facts: PartFacts, steps: readonly ScenarioStep[]): { readonly steps: ScenarioStep[]; readonly key: string } {
  const kept: ScenarioStep[] = [];
  let key = "";
  for (const step of steps) {
    if (step.kind === "fail") {
      const tracked = step.tracks.filter((id) => facts.tracked.has(`${step.node}/${id}`));
      if (tracked.length === 0) continue;
      kept.push(tracked.length === step.tracks.length ? step : { ...step, tracks: tracked });
      key += `fail ${step.node} ${tracked.map((id) => facts.tracked.get(`${step.node}/${id}`)!).join(",")};`;
    } else if (step.kind === "link-down") {
      const iface = facts.links.get(`${step.node}/${step.iface}`);
      if (iface === undefined) continue;
      kept.push(step);
      key += `link-down ${step.node} ${iface};`;
    } else {
      kept.push(step);
      key += `${step.kind} ${step.node};`;
    }
  }
  return { steps: kept, key };
}

/** A run of a part: each instance's state and priority in the part's order, and its timing. */
interface PartRun {
  readonly states: readonly InstanceOutcome[];
  /** Which instances ended MASTER ("1") or not ("0"), in the part's order: what decides who holds what. */
  readonly masters: string;
  readonly lastChange: number;
  readonly stepAt: number;
  readonly timingSensitive: boolean;
}

interface PartOutcome extends PartRun {
  readonly holding: Map<string, number[]>;
}

function runPart(part: SimSetup, steps: readonly ScenarioStep[], order: readonly number[]): PartRun {
  const lag: number[] = [];
  order.forEach((node, k) => (lag[node] = k));
  const run = new VrrpRun(part, lag);
  const { settle: window, quiet } = windows(part);
  order.forEach((node, k) => {
    run.runUntil(k * 20);
    run.start(node);
  });
  let last = run.settle(quiet, window);
  let stepAt = 0;
  for (const step of steps) {
    stepAt = last;
    applyStep(run, step);
    last = run.settle(quiet, last + window);
  }
  const states = run.states();
  const masters = states.map((st) => (st.state === "MASTER" ? "1" : "0")).join("");
  return { states, masters, lastChange: run.lastChange, stepAt, timingSensitive: run.timingSensitive };
}

/** Outcomes of parts already run, by part and the steps that matter to the part: one per start order that can matter. */
export type RunCache = Map<SimSetup, Map<string, PartOutcome[]>>;

/**
 * Runs by what decides them (the part's print, then start order and steps), across setups: parts
 * of one shape, and the unchanged parts of an edited file (the editor rebuilds the cluster on every
 * edit), are not run again.
 */
const recent = new Map<string, Map<string, PartRun>>();
let recentRuns = 0;
const RECENT_LIMIT = 20_000;

const holdings = new WeakMap<SimSetup, Map<string, Map<string, number[]>>>();

/** Who holds which of the part's addresses after a run: the same for every run that ends with the same masters. */
function holdingOf(part: SimSetup, done: PartRun): Map<string, number[]> {
  let byMasters = holdings.get(part);
  if (!byMasters) holdings.set(part, (byMasters = new Map()));
  let found = byMasters.get(done.masters);
  if (!found) byMasters.set(done.masters, (found = holding(part, done.states)));
  return found;
}

/** A part's outcome in every start order that can matter: the first order, and the others only when timing could decide. */
function partOutcomes(
  part: SimSetup,
  relevant: { readonly steps: ScenarioStep[]; readonly key: string },
  orders: readonly (readonly number[])[],
  cache: RunCache,
): PartOutcome[] {
  let memo = cache.get(part);
  if (!memo) cache.set(part, (memo = new Map()));
  let outcomes = memo.get(relevant.key);
  if (outcomes) return outcomes;
  const run = (order: readonly number[]): PartOutcome => {
    const key = `${order.join(",")}|${relevant.key}`;
    const print = factsOf(part).print;
    let runs = recent.get(print);
    let done = runs?.get(key);
    if (!done) {
      done = runPart(part, relevant.steps, order);
      if (recentRuns >= RECENT_LIMIT) {
        recent.clear();
        recentRuns = 0;
        runs = undefined;
      }
      if (!runs) recent.set(print, (runs = new Map()));
      runs.set(key, done);
      recentRuns++;
    }
    return { ...done, holding: holdingOf(part, done) };
  };
  const first = run(orders[0]!);
  outcomes = first.timingSensitive ? [first, ...orders.slice(1).map(run)] : [first];
  memo.set(relevant.key, outcomes);
  return outcomes;
}

/** The scenario part by part: owners where every order agrees, a race where they do not. */
function runAll(setup: SimSetup, scenario: Scenario, cache: RunCache): { first: RunOutcome; race: Map<string, number[]>; settled: number } {
  const orders = permutations(setup.nodes.length);
  const holders = new Map<string, number[]>();
  const race = new Map<string, number[]>();
  const stateOf = new Map<SimInstance, InstanceOutcome>();
  let settled = 0;
  // Steps that fail nothing and take no link down matter to every part alike: their key is made once.
  const alike = scenario.steps.every((step) => step.kind !== "fail" && step.kind !== "link-down");
  const shared = alike ? relevantSteps(NO_FACTS, scenario.steps) : undefined;
  for (const part of components(setup)) {
    const relevant = shared ?? relevantSteps(factsOf(part), scenario.steps);
    const outcomes = partOutcomes(part, relevant, orders, cache);
    const first = outcomes[0]!;
    for (const [a, nodes] of first.holding) {
      // One start order (the outcome did not hang on timing) cannot race.
      if (outcomes.length > 1 && outcomes.some((o) => !sameNodes(o.holding.get(a) ?? [], nodes))) {
        let racing = race.get(a) ?? [];
        for (const o of outcomes) racing = union(racing, o.holding.get(a) ?? []);
        race.set(a, racing);
      }
      const before = holders.get(a);
      holders.set(a, before ? union(before, nodes) : nodes);
    }
    part.instances.forEach((inst, k) => stateOf.set(inst, first.states[k]!));
    // A part untouched by the scenario settled long before its last step.
    if (relevant.steps.length !== 0 || scenario.steps.length === 0)
      for (const o of outcomes) settled = Math.max(settled, Math.round(o.lastChange - o.stepAt));
  }
  return { first: { holding: holders, stateOf, world: worldAfter(scenario), settled }, race, settled: Math.max(0, settled) };
}

/** Two lists of nodes (sorted, distinct) alike. */
function sameNodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The nodes of two sorted, distinct lists, sorted and distinct (either list itself when the other is empty; never changed after). */
function union(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

const orderLists = new Map<number, number[][]>();

/** Every start order of n nodes (n rotations beyond 4 nodes); made once per n. */
function permutations(n: number): number[][] {
  let out = orderLists.get(n);
  if (!out) orderLists.set(n, (out = startOrders(n)));
  return out;
}

function startOrders(n: number): number[][] {
  const base = Array.from({ length: n }, (_, i) => i);
  if (n > 4) return base.map((_, k) => [...base.slice(k), ...base.slice(0, k)]);
  const out: number[][] = [];
  const go = (rest: number[], acc: number[]) => {
    if (rest.length === 0) out.push(acc);
    rest.forEach((x, i) => go([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
  };
  go(base, []);
  return out;
}

/**
 * Whether the instance is running and not hurt by the scenario's failures. A failed object hurts
 * when its failure lowers the priority or faults the instance; a `reverse` track whose failure
 * raises the priority marks a service that became active, not one that broke.
 */
function healthy(inst: SimInstance, world: World, state: VrrpState): boolean {
  if (state === "STOPPED" || state === "FAULT") return false;
  if (world.isolated.has(inst.node) || world.linkDown.has(`${inst.node}/${inst.iface}`)) return false;
  return !inst.tracks.some((t) => trackFailing(world, inst.node, t) && hurts(t));
}

function hurts(track: SimTrack): boolean {
  const ok = contribution(track, false).effect;
  const failed = contribution(track, true).effect;
  if (failed === "fault") return true;
  return ok !== "fault" && failed < ok;
}

export function runScenario(setup: SimSetup, scenario: Scenario, cache: RunCache = new Map()): ScenarioResult {
  const { names } = nodeNames(setup);
  const { first, race: raced, settled } = runAll(setup, scenario, cache);
  const owners: Record<string, string[]> = {};
  const race: Record<string, string[]> = {};
  for (const [address, holders] of first.holding) {
    const r = raced.get(address);
    if (!r) owners[address] = holders.map((n) => names[n]!);
    else {
      owners[address] = [];
      race[address] = r.map((n) => names[n]!);
    }
  }
  const instances: Record<string, Record<string, InstanceOutcome>> = {};
  for (const [inst, s] of first.stateOf) {
    const name = setup.sets[inst.set]!;
    (instances[name] ??= {})[names[inst.node]!] = { state: s.state, priority: s.priority };
  }
  const judged = judge(setup, first, owners, race);
  return {
    id: scenario.id,
    description: scenario.description,
    owners,
    race,
    instances,
    verdict: judged.verdict,
    because: judged.because,
    related: judged.related,
    settled_ms: settled,
  };
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly because: string;
  readonly related: RelatedInformation[];
}

const nameIndex = new WeakMap<SimSetup, { readonly names: readonly string[]; readonly byName: ReadonlyMap<string, number> }>();

/** The nodes' names, and each name's node, once per setup. */
function nodeNames(setup: SimSetup): { readonly names: readonly string[]; readonly byName: ReadonlyMap<string, number> } {
  let found = nameIndex.get(setup);
  if (!found) {
    const names = setup.nodes.map((n) => n.name);
    nameIndex.set(setup, (found = { names, byName: new Map(names.map((n, i) => [n, i])) }));
  }
  return found;
}

const carrierIndex = new WeakMap<SimSetup, Map<string, SimInstance[]>>();

/** The instances that carry each address, indexed once per setup (a file may hold thousands). */
function carriersOf(setup: SimSetup): Map<string, SimInstance[]> {
  let index = carrierIndex.get(setup);
  if (!index) {
    index = new Map();
    for (const i of setup.instances) for (const a of i.held) index.set(a, [...(index.get(a) ?? []), i]);
    carrierIndex.set(setup, index);
  }
  return index;
}

/** The conditions in force once every step of the scenario has been applied. */
export function worldAfter(scenario: Scenario): World {
  const w: World = { stopped: new Set(), isolated: new Set(), linkDown: new Set(), failed: new Set() };
  for (const step of scenario.steps) {
    if (step.kind === "stop") w.stopped.add(step.node);
    else if (step.kind === "start") w.stopped.delete(step.node);
    else if (step.kind === "fail") for (const id of step.tracks) w.failed.add(`${step.node}/${id}`);
    else if (step.kind === "isolate") w.isolated.add(step.node);
    else if (step.kind === "heal") w.isolated.delete(step.node);
    else w.linkDown.add(`${step.node}/${step.iface}`);
  }
  return w;
}

function judge(setup: SimSetup, outcome: RunOutcome, owners: Record<string, string[]>, race: Record<string, string[]>): Judgement {
  return verdictOf(setup, outcome.world, (i) => outcome.stateOf.get(i)!, owners, race);
}

/**
 * The verdict on settled owners (computed, or observed by the lab): the worst over the addresses.
 * Nodes cut off from the segment (isolated, stopped) do not count as holders: clients cannot reach them.
 */
export function verdictOf(
  setup: SimSetup,
  world: World,
  stateOf: (inst: SimInstance) => { state: VrrpState; priority: number },
  owners: Record<string, string[]>,
  race: Record<string, string[]>,
): Judgement {
  const { names, byName } = nodeNames(setup);
  // A node whose VRRP link is down is cut off from the clients too, whatever it holds.
  const down = new Set([...world.linkDown].map((k) => Number(k.split("/")[0])));
  const connected = (node: number) => !world.isolated.has(node) && !world.stopped.has(node) && !down.has(node);
  let worst: Judgement = { verdict: "ok", because: "", related: [] };
  // Only a verdict worse than the worst so far replaces it: its reason is written only then.
  const worse = (v: Verdict) => RANK[v] > RANK[worst.verdict];
  for (const address of Object.keys(owners)) {
    // Nothing ranks above a split brain.
    if (worst.verdict === "split-brain") break;
    const carriers = carriersOf(setup).get(address) ?? [];
    const holders = (owners[address] ?? []).map((n) => byName.get(n)!).filter(connected);
    if (holders.length >= 2) {
      if (worse("split-brain")) worst = { verdict: "split-brain", because: splitReason(setup, address, holders, carriers), related: [] };
      continue;
    }
    const racing = (race[address] ?? []).map((n) => byName.get(n)!);
    if (holders.length === 0 && racing.length === 0) {
      if (!worse("no-owner")) continue;
      const healthyCarriers = carriers.filter((i) => connected(i.node) && healthy(i, world, stateOf(i).state));
      if (healthyCarriers.length > 0) {
        const who = healthyCarriers.map((i) => names[i.node]!).join(", ");
        worst = {
          verdict: "no-owner",
          because: `nobody holds ${address} although ${who} is up and healthy${groupHint(healthyCarriers, stateOf)}`,
          related: [],
        };
      }
      continue;
    }
    if (!worse("no-failover")) continue;
    // One holder (or a race): is it one whose tracked service failed while a healthy node could take over?
    const candidates = holders.length ? holders : racing;
    const sick = candidates.filter((n) => !carriers.some((i) => i.node === n && healthy(i, world, stateOf(i).state)));
    if (sick.length !== candidates.length) continue;
    const others = carriers.filter((i) => connected(i.node) && !candidates.includes(i.node) && healthy(i, world, stateOf(i).state));
    if (others.length > 0) {
      const holder = sick[0]!;
      const inst = carriers.find((i) => i.node === holder)!;
      const other = others[0]!;
      worst = {
        verdict: "no-failover",
        because: `${names[holder]}'s priority ${arithmetic(inst, world)}, not below ${names[other.node]}'s ${stateOf(other).priority}: ${address} stays where the tracked service is down`,
        related: inst.tracks
          .filter((t) => world.failed.has(`${inst.node}/${t.id}`))
          .map((t) => related(t.line, t.weight ? `weight ${t.weight}${t.reverse ? " reverse" : ""}` : "tracked")),
      };
    }
  }
  if (worst.verdict === "ok") worst = { verdict: "ok", because: okReason(setup, world, owners, race), related: [] };
  return worst;
}

/** `falls from 150 to 140 (chk_haproxy -10)` or `stays 150 (...)`. */
function arithmetic(inst: SimInstance, world: World): string {
  const healthyWorld: World = { stopped: new Set(), isolated: new Set(), linkDown: new Set(), failed: new Set() };
  const before = priorityOf(inst, healthyWorld).priority;
  const now = priorityOf(inst, world);
  const changed = now.parts
    .filter((p) => p.failing)
    .map((p) => `${p.track.id} ${p.track.weight > 0 ? "+" : ""}${p.track.weight}${p.track.reverse ? " reverse" : ""}`);
  const how = changed.length ? ` (${changed.join(", ")})` : "";
  return now.priority === before ? `stays ${before}${how}` : `falls from ${before} to ${now.priority}${how}`;
}

function splitReason(setup: SimSetup, address: string, holders: number[], carriers: SimInstance[]): string {
  const { names } = nodeNames(setup);
  const who = holders.map((n) => names[n]!).join(" and ");
  const a = carriers.find((i) => i.node === holders[0]);
  const b = carriers.find((i) => i.node === holders[1]);
  const problem = a && b ? (advertProblem(a, b, setup) ?? advertProblem(b, a, setup)) : undefined;
  if (problem) return `${who} both hold ${address}: ${problem}, so each takes the other for dead`;
  return `${who} both hold ${address}`;
}

function groupHint(carriers: SimInstance[], stateOf: (inst: SimInstance) => { state: VrrpState }): string {
  const grouped = carriers.find((i) => i.syncGroup && stateOf(i).state === "FAULT");
  return grouped ? ` (its sync group ${grouped.syncGroup!.split("/")[1]} is in FAULT)` : "";
}

function okReason(setup: SimSetup, world: World, owners: Record<string, string[]>, race: Record<string, string[]>): string {
  const cut = new Set(setup.nodes.filter((n) => world.isolated.has(n.index)).map((n) => n.name));
  const parts: string[] = [];
  const byHolder = new Map<string, string[]>();
  const nobody: string[] = [];
  const cutHolds = new Set<string>();
  // One pass over the owners (a file may hold thousands of addresses).
  for (const [a, h] of Object.entries(owners)) {
    let reachable = h;
    if (cut.size) {
      reachable = h.filter((n) => !cut.has(n));
      for (const n of h) if (cut.has(n)) cutHolds.add(n);
    }
    if (!reachable.length) {
      if (!race[a]) nobody.push(a);
      continue;
    }
    const key = reachable.join("+");
    const held = byHolder.get(key);
    if (held) held.push(a);
    else byHolder.set(key, [a]);
  }
  for (const [h, as] of byHolder) parts.push(`${h} holds ${as.join(", ")}`);
  for (const [a, r] of Object.entries(race))
    parts.push(`${a} goes to whichever of ${r.join(", ")} becomes master first (equal priorities)`);
  if (nobody.length) parts.push(`nobody can hold ${nobody.join(", ")}`);
  const cutHolding = [...cut].filter((n) => cutHolds.has(n));
  if (cutHolding.length) parts.push(`${cutHolding.join(", ")} also holds addresses but is cut off from the segment`);
  return parts.join("; ") || "no addresses";
}

export function simulate(setup: SimSetup, only?: readonly string[]): SimulationResult {
  const all = scenariosFor(setup);
  const chosen = only && only.length ? all.filter((s) => only.includes(s.id)) : all;
  const cache: RunCache = new Map();
  const scenarios = chosen.map((s) => runScenario(setup, s, cache));
  const summary = { scenarios: scenarios.length, ok: 0, "split-brain": 0, "no-owner": 0, "no-failover": 0 };
  for (const s of scenarios) summary[s.verdict]++;
  return { nodes: setup.nodes.map((n) => n.name), scenarios, summary };
}

const byCluster = new WeakMap<Cluster, { readonly setup: SimSetup; readonly result: SimulationResult }>();

/**
 * Every scenario of a cluster, computed once per cluster object: the failover-outage rule, the
 * editor's hovers, lenses and failover map all read the same run.
 */
export function simulateCluster(cluster: Cluster): { readonly setup: SimSetup; readonly result: SimulationResult } {
  let found = byCluster.get(cluster);
  if (!found) {
    const setup = buildSetup(cluster);
    found = { setup, result: simulate(setup) };
    byCluster.set(cluster, found);
  }
  return found;
}
