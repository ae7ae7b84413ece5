/**
 * The scenarios of docs/simulate.md (start, stop, restart, fail, fail-all, isolate, heal, link-down), run
 * on the VRRP engine, with owners, races, a verdict and the reason for it.
 */
import type { RelatedInformation } from "../../../grammar/index.js";
import { related } from "../cluster/locate.js";
import { acceptance, addressKey, contribution, holding, priorityOf, trackFailing, VrrpRun, type VrrpState, type World } from "./engine.js";
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

/** Read-only: scenarios of one simulation share the lists and records of the parts they leave alike. */
export interface ScenarioResult {
  readonly id: string;
  readonly description: string;
  readonly owners: Readonly<Record<string, readonly string[]>>;
  readonly race: Readonly<Record<string, readonly string[]>>;
  readonly instances: Readonly<Record<string, Readonly<Record<string, InstanceOutcome>>>>;
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

/**
 * Independent parts of the cluster: peer sets, joined when a sync group ties their instances.
 * Each part runs on its own, so a file with hundreds of instances costs hundreds of small runs.
 */
function components(setup: SimSetup): SimSetup[] {
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
  return [...parts.values()].map((instances) => ({ nodes: setup.nodes, sets: setup.sets, instances }));
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
  /**
   * The print with every name a part's views read (node names; each instance's peer set,
   * interface, addresses held and tracked objects): parts with one label, in any setup, have the
   * same views, so the parts an edit leaves alone are not read again.
   */
  readonly label: string;
  /** Node → id of each object it tracks → the id's number. */
  readonly tracked: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** Node → each of its VRRP or tracked interfaces → the name's number. */
  readonly links: ReadonlyMap<number, ReadonlyMap<string, number>>;
}

function factsOf(part: SimSetup, keyOf: (address: string) => string): PartFacts {
  const numbered = (names: Map<string, number>, name: string) => {
    let n = names.get(name);
    if (n === undefined) names.set(name, (n = names.size));
    return n;
  };
  const ids = new Map<string, number>();
  const ifaces = new Map<string, number>();
  const sets = new Map<string, number>();
  const groups = new Map<string, number>();
  const tracked = new Map<number, Map<string, number>>();
  const links = new Map<number, Map<string, number>>();
  const onNode = (byNode: Map<number, Map<string, number>>, node: number, name: string, n: number) => {
    let names = byNode.get(node);
    if (!names) byNode.set(node, (names = new Map()));
    names.set(name, n);
  };
  // A source's rank is its place among the distinct addresses in order (equal ones written differently share it).
  const sourceKeys = new Map<string, string>();
  for (const i of part.instances) if (!sourceKeys.has(i.src)) sourceKeys.set(i.src, keyOf(i.src));
  const sources = [...new Set(sourceKeys.values())].sort();
  const accepts = acceptance(part);
  let print = "";
  part.instances.forEach((i, k) => {
    const iface = numbered(ifaces, i.iface);
    onNode(links, i.node, i.iface, iface);
    const group = i.syncGroup === undefined ? "" : numbered(groups, i.syncGroup);
    print += `${i.node} ${numbered(sets, String(i.set))} ${i.version} ${i.advertMs} ${i.basePriority} ${+i.owner}${+i.wantMaster}${+i.nopreempt}${+i.dontTrackPrimary} ${i.preemptDelayMs} ${group} ${iface} ${sources.indexOf(sourceKeys.get(i.src)!)}:`;
    for (const t of i.tracks) {
      const id = numbered(ids, t.id);
      onNode(tracked, i.node, t.id, id);
      let name = "";
      if (t.kind === "interface") {
        const n = numbered(ifaces, t.name);
        onNode(links, i.node, t.name, n);
        name = String(n);
      }
      print += ` ${t.kind} ${id} ${name} ${t.weight} ${+t.reverse}`;
    }
    print += `:${accepts[k]!.map(Number).join("")}\n`;
  });
  const names = part.instances.map((i) => [part.sets[i.set], i.iface, i.held, i.tracks.map((t) => t.name)]);
  const label = JSON.stringify([print, part.nodes.map((n) => n.name), names]);
  return { print, label, tracked, links };
}

const NO_FACTS: PartFacts = { print: "", label: "", tracked: new Map(), links: new Map() };

/**
 * The steps that can change anything in the part (a failure of an object it does not track changes
 * nothing), and `key`: the same steps under the part's numbering of ids and interfaces.
 */
interface RelevantSteps {
  readonly steps: readonly ScenarioStep[];
  readonly key: string;
}

/** No step matters to the part: it runs as it started. */
const UNTOUCHED: RelevantSteps = { steps: [], key: "" };

function relevantSteps(facts: PartFacts, steps: readonly ScenarioStep[]): RelevantSteps {
  let kept: ScenarioStep[] | undefined;
  let key = "";
  for (const step of steps) {
    if (step.kind === "fail") {
      const ids = facts.tracked.get(step.node);
      const tracked = ids ? step.tracks.filter((id) => ids.has(id)) : [];
      if (tracked.length === 0) continue;
      (kept ??= []).push(tracked.length === step.tracks.length ? step : { ...step, tracks: tracked });
      key += `fail ${step.node} ${tracked.map((id) => ids!.get(id)!).join(",")};`;
    } else if (step.kind === "link-down") {
      const iface = facts.links.get(step.node)?.get(step.iface);
      if (iface === undefined) continue;
      (kept ??= []).push(step);
      key += `link-down ${step.node} ${iface};`;
    } else {
      (kept ??= []).push(step);
      key += `${step.kind} ${step.node};`;
    }
  }
  return kept ? { steps: kept, key } : UNTOUCHED;
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

/**
 * Runs by what decides them (the part's print, then the steps that matter to it), across setups:
 * parts of one shape, and the unchanged parts of an edited file (the editor rebuilds the cluster
 * on every edit), are not run again.
 */
const recent = new Map<string, Map<string, readonly PartRun[]>>();
let recentRuns = 0;
const RECENT_LIMIT = 20_000;

/** A part's runs in every start order that can matter: the first order, and the others only when timing could decide. */
function runsOf(part: Part, relevant: RelevantSteps): readonly PartRun[] {
  const print = part.facts.print;
  let byKey = recent.get(print);
  let runs = byKey?.get(relevant.key);
  if (runs) return runs;
  const [first, ...others] = permutations(part.setup.nodes.length);
  const run = (order: readonly number[]) => runPart(part.setup, relevant.steps, order);
  const firstRun = run(first!);
  runs = firstRun.timingSensitive ? [firstRun, ...others.map(run)] : [firstRun];
  if (recentRuns >= RECENT_LIMIT) {
    recent.clear();
    recentRuns = 0;
    byKey = undefined;
  }
  if (!byKey) recent.set(print, (byKey = new Map()));
  byKey.set(relevant.key, runs);
  recentRuns += runs.length;
  return runs;
}

/** Who holds one address after a run, by node number and by name. */
interface Held {
  readonly address: string;
  readonly nodes: readonly number[];
  readonly names: readonly string[];
}

/**
 * Who holds each of the part's addresses after a run, the same for every run that ends with the
 * same masters. Every run lists the part's addresses in one order (holding() lists them all, held
 * or not), so two runs' lists compare place by place.
 */
function holdingOf(part: Part, done: PartRun): readonly Held[] {
  const { holdings } = part.shape;
  let found = holdings.get(done.masters);
  if (!found) {
    const held = holding(part.setup, done.states);
    found = [...held].map(([address, nodes]) => ({ address, nodes, names: namesOf(part.setup, nodes) }));
    holdings.set(done.masters, found);
  }
  return found;
}

const namesOf = (setup: SimSetup, nodes: readonly number[]) => nodes.map((n) => setup.nodes[n]!.name);

/** What parts with one label share, in any setup: made for the first, read by the others. */
interface Shape {
  /** The part's peer set names, each once, in the order of their first instance: its keys in ScenarioResult.instances. */
  readonly sets: readonly string[];
  /** For each instance of the part: its set's place in `sets`, and its node's name. */
  readonly setOf: readonly number[];
  readonly nodeOf: readonly string[];
  /** The addresses the part's instances hold. */
  readonly held: readonly string[];
  /** Who holds what after a run, by the run's masters. */
  readonly holdings: Map<string, readonly Held[]>;
  /** The part's views, by the key of the steps that matter to it. */
  readonly views: Map<string, PartView>;
}

/** Shapes by label, across setups (the editor rebuilds the cluster on every edit). */
const shapes = new Map<string, Shape>();
let shapeViews = 0;
const SHAPE_VIEW_LIMIT = 20_000;

function shapeOf(part: SimSetup, facts: PartFacts): Shape {
  let shape = shapes.get(facts.label);
  if (shape) return shape;
  if (shapeViews >= SHAPE_VIEW_LIMIT) {
    shapes.clear();
    shapeViews = 0;
  }
  const setNames = part.instances.map((i) => part.sets[i.set]!);
  const sets = [...new Set(setNames)];
  shape = {
    sets,
    setOf: setNames.map((name) => sets.indexOf(name)),
    nodeOf: part.instances.map((i) => part.nodes[i.node]!.name),
    held: part.instances.flatMap((i) => i.held),
    holdings: new Map(),
    views: new Map(),
  };
  shapes.set(facts.label, shape);
  return shape;
}

/** One part of a setup. */
interface Part {
  /** The part as the engine runs it: the setup's nodes and sets, the part's instances. */
  readonly setup: SimSetup;
  readonly facts: PartFacts;
  readonly shape: Shape;
}

/**
 * A part under one set of relevant steps, as a scenario's result reads it, made once: scenarios
 * whose steps leave a part alone (the failure of an object it does not track, say) share its view,
 * so the many parts a scenario does not touch cost a lookup each.
 */
interface PartView {
  readonly runs: readonly PartRun[];
  /** Who holds each of the part's addresses after the first run. */
  readonly holders: readonly Held[];
  /** The addresses whose holders differ between start orders, each with every node that holds it in one of them. */
  readonly racing: ReadonlyMap<string, readonly number[]> | undefined;
  /** Each of the part's peer sets (Shape.sets) as ScenarioResult.instances has it: settled instances by node name. */
  readonly sets: readonly Readonly<Record<string, InstanceOutcome>>[];
  /** The longest time over the runs from the last step to the last change of owners (ms). */
  readonly settled: number;
  /**
   * The verdicts on the view's addresses (`holders`), by the nodes with a link down. They read the
   * world only through the part's relevant steps, which the view stands for, and through which
   * nodes clients can reach, which links down elsewhere change.
   */
  readonly verdicts: Map<string, readonly Verdict[]>;
}

/** What every scenario of a setup reads, indexed once per setup. */
interface SetupIndex {
  readonly parts: readonly Part[];
  /** Node → tracked object id → the parts that track it there. */
  readonly tracking: ReadonlyMap<number, ReadonlyMap<string, readonly number[]>>;
  /** Node → interface → the parts that use it there. */
  readonly linking: ReadonlyMap<number, ReadonlyMap<string, readonly number[]>>;
  /** Each instance's part and position in it: where a scenario finds its settled state. */
  readonly place: ReadonlyMap<SimInstance, { readonly part: number; readonly at: number }>;
  /** Addresses held in more than one part: a scenario merges their holders. */
  readonly shared: ReadonlySet<string>;
  /** Peer set names used in more than one part (sets without a name): a scenario merges their instances. */
  readonly sharedSets: ReadonlySet<string>;
  /**
   * Every address of the setup in the order every scenario's owners list them (the parts in order,
   * each part's addresses as holding() lists them), each with its part and place in the part's
   * views (PartView.holders), or undefined when held in several parts.
   */
  readonly addresses: readonly string[];
  readonly places: readonly ({ readonly part: number; readonly at: number } | undefined)[];
}

const setupIndexes = new WeakMap<SimSetup, SetupIndex>();

function indexOf(setup: SimSetup): SetupIndex {
  let index = setupIndexes.get(setup);
  if (index) return index;
  // The parts' sources are mostly the nodes' own addresses: each is put in order once.
  const keys = new Map<string, string>();
  const keyOf = (address: string) => {
    let key = keys.get(address);
    if (key === undefined) keys.set(address, (key = addressKey(address)));
    return key;
  };
  const parts = components(setup).map((part): Part => {
    const facts = factsOf(part, keyOf);
    return { setup: part, facts, shape: shapeOf(part, facts) };
  });
  const place = new Map<SimInstance, { readonly part: number; readonly at: number }>();
  parts.forEach((part, p) => part.setup.instances.forEach((inst, at) => place.set(inst, { part: p, at })));
  // The parts each failure or link touches, from the parts' own facts (what relevantSteps reads).
  const tracking = new Map<number, Map<string, number[]>>();
  const linking = new Map<number, Map<string, number[]>>();
  const add = (byNode: Map<number, Map<string, number[]>>, from: PartFacts["tracked"], p: number) => {
    for (const [node, names] of from) {
      let parts = byNode.get(node);
      if (!parts) byNode.set(node, (parts = new Map()));
      for (const name of names.keys()) {
        const list = parts.get(name);
        if (list) list.push(p);
        else parts.set(name, [p]);
      }
    }
  };
  parts.forEach((part, p) => {
    add(tracking, part.facts.tracked, p);
    add(linking, part.facts.links, p);
  });
  // What more than one part names (a part naming it twice is one).
  const inSeveral = (names: (part: Part) => Iterable<string>) => {
    const firstPart = new Map<string, number>();
    const several = new Set<string>();
    parts.forEach((part, p) => {
      for (const x of names(part)) {
        const first = firstPart.get(x);
        if (first === undefined) firstPart.set(x, p);
        else if (first !== p) several.add(x);
      }
    });
    return several;
  };
  const shared = inSeveral((part) => part.shape.held);
  // holding() lists a part's addresses, each once, in the order its instances hold them.
  const where = new Map<string, { readonly part: number; readonly at: number } | undefined>();
  parts.forEach((part, p) => {
    [...new Set(part.shape.held)].forEach((address, at) => where.set(address, shared.has(address) ? undefined : { part: p, at }));
  });
  index = {
    parts,
    tracking,
    linking,
    place,
    shared,
    sharedSets: inSeveral((part) => part.shape.sets),
    addresses: [...where.keys()],
    places: [...where.values()],
  };
  setupIndexes.set(setup, index);
  return index;
}

/**
 * The parts that steps failing objects or taking links down touch (the only parts for which
 * relevantSteps keeps one), or undefined when a step of another kind touches every part.
 */
function touchedParts(index: SetupIndex, steps: readonly ScenarioStep[]): ReadonlySet<number> | undefined {
  const out = new Set<number>();
  for (const step of steps) {
    if (step.kind === "fail") for (const id of step.tracks) for (const p of index.tracking.get(step.node)?.get(id) ?? []) out.add(p);
    else if (step.kind === "link-down") for (const p of index.linking.get(step.node)?.get(step.iface) ?? []) out.add(p);
    else return undefined;
  }
  return out;
}

function viewOf(part: Part, relevant: RelevantSteps): PartView {
  const { views } = part.shape;
  let view = views.get(relevant.key);
  if (view) return view;
  const runs = runsOf(part, relevant);
  const first = runs[0]!;
  const holders = holdingOf(part, first);
  let racing: Map<string, readonly number[]> | undefined;
  // One start order (the outcome did not hang on timing) cannot race.
  if (runs.length > 1) {
    const each = runs.map((r) => holdingOf(part, r));
    holders.forEach(({ address, nodes }, j) => {
      if (each.every((h) => sameNodes(h[j]!.nodes, nodes))) return;
      (racing ??= new Map()).set(
        address,
        each.reduce((all: readonly number[], h) => union(all, h[j]!.nodes), []),
      );
    });
  }
  const { setOf, nodeOf } = part.shape;
  const sets: Record<string, InstanceOutcome>[] = part.shape.sets.map(() => ({}));
  first.states.forEach((state, k) => (sets[setOf[k]!]![nodeOf[k]!] = state));
  const settled = runs.reduce((most, r) => Math.max(most, Math.round(r.lastChange - r.stepAt)), 0);
  views.set(relevant.key, (view = { runs, holders, racing, sets, settled, verdicts: new Map() }));
  shapeViews++;
  return view;
}

/**
 * Who holds each address in the scenario, in the order the parts list them, and the addresses
 * raced over start orders (their owners left empty).
 */
function ownersOf(
  setup: SimSetup,
  index: SetupIndex,
  views: readonly PartView[],
): { owners: Record<string, readonly string[]>; race: Record<string, readonly string[]> } {
  const owners: Record<string, readonly string[]> = {};
  const race: Record<string, readonly string[]> = {};
  // Only the rare address of several parts, and a race, need merging.
  let merged: Map<string, readonly number[]> | undefined;
  let raced: Map<string, readonly number[]> | undefined;
  for (const view of views) {
    for (const { address: a, nodes, names } of view.holders) {
      if (!index.shared.has(a)) owners[a] = names;
      else {
        const before = (merged ??= new Map()).get(a);
        merged.set(a, before ? union(before, nodes) : nodes);
        // Its place in the record is taken here; its holders are named once all parts are in.
        owners[a] = NOBODY;
      }
    }
    if (view.racing)
      for (const [a, nodes] of view.racing) {
        const before = (raced ??= new Map()).get(a);
        raced.set(a, before ? union(before, nodes) : nodes);
      }
  }
  if (merged) for (const [a, nodes] of merged) owners[a] = namesOf(setup, nodes);
  if (raced)
    for (const a of Object.keys(owners)) {
      const r = raced.get(a);
      if (!r) continue;
      owners[a] = [];
      race[a] = namesOf(setup, r);
    }
  return { owners, race };
}

const NOBODY: readonly string[] = [];

/** Two lists of nodes (sorted, distinct) alike. */
function sameNodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The nodes of two sorted, distinct lists, sorted and distinct (either list itself when the other is empty; never changed after). */
function union(a: readonly number[], b: readonly number[]): readonly number[] {
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
  // Most worlds take no link down: no key to build then.
  if (world.isolated.has(inst.node) || (world.linkDown.size > 0 && world.linkDown.has(`${inst.node}/${inst.iface}`))) return false;
  for (const t of inst.tracks) if (trackFailing(world, inst.node, t) && hurts(t)) return false;
  return true;
}

function hurts(track: SimTrack): boolean {
  const ok = contribution(track, false).effect;
  const failed = contribution(track, true).effect;
  if (failed === "fault") return true;
  return ok !== "fault" && failed < ok;
}

export function runScenario(setup: SimSetup, scenario: Scenario): ScenarioResult {
  const index = indexOf(setup);
  // Steps that fail nothing and take no link down matter to every part alike: their key is made once.
  const alike = scenario.steps.every((step) => step.kind !== "fail" && step.kind !== "link-down");
  const shared = alike ? relevantSteps(NO_FACTS, scenario.steps) : undefined;
  // Failures and links down alone touch only the parts that track the objects or use the links.
  const touched = alike ? undefined : touchedParts(index, scenario.steps);
  const views: PartView[] = [];
  let settled = 0;
  index.parts.forEach((part, p) => {
    const relevant = shared ?? (touched && !touched.has(p) ? UNTOUCHED : relevantSteps(part.facts, scenario.steps));
    const view = viewOf(part, relevant);
    views.push(view);
    // A part untouched by the scenario settled long before its last step.
    if (relevant.steps.length !== 0 || scenario.steps.length === 0) settled = Math.max(settled, view.settled);
  });
  const { owners, race } = ownersOf(setup, index, views);
  const instances: Record<string, Readonly<Record<string, InstanceOutcome>>> = {};
  views.forEach((view, p) => {
    const names = index.parts[p]!.shape.sets;
    view.sets.forEach((nodes, j) => {
      const set = names[j]!;
      // Two peer sets may share a name (instances without one): their entries go in one record.
      instances[set] = index.sharedSets.has(set) && Object.hasOwn(instances, set) ? { ...instances[set], ...nodes } : nodes;
    });
  });
  const stateOf = (inst: SimInstance) => {
    const at = index.place.get(inst)!;
    return views[at.part]!.runs[0]!.states[at.at]!;
  };
  const scene = sceneOf(setup, worldAfter(scenario), stateOf);
  const { addresses, places } = index;
  const judged = worstOf(scene, owners, race, addresses, (address, j) => {
    const place = places[j];
    if (!place) return addressVerdict(scene, carriersOf(setup).get(address) ?? [], owners[address] ?? NOBODY, race[address] ?? NOBODY);
    const view = views[place.part]!;
    let verdicts = view.verdicts.get(scene.downKey);
    if (!verdicts) view.verdicts.set(scene.downKey, (verdicts = viewVerdicts(scene, index.parts[place.part]!, view)));
    return verdicts[place.at]!;
  });
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
    for (const i of setup.instances)
      for (const a of i.held) {
        const carriers = index.get(a);
        if (carriers) carriers.push(i);
        else index.set(a, [i]);
      }
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

/**
 * The verdicts on a view's addresses, each as the part alone carries, holds or races for it: what
 * the scenario has for an address of one part, and the same in any setup where the part has its label.
 */
function viewVerdicts(scene: Scene, part: Part, view: PartView): Verdict[] {
  const carriers = carriersOf(part.setup);
  return view.holders.map(({ address, names }) => {
    const racing = view.racing?.get(address);
    const carried = carriers.get(address) ?? [];
    return racing ? addressVerdict(scene, carried, NOBODY, namesOf(scene.setup, racing)) : addressVerdict(scene, carried, names, NOBODY);
  });
}

/** What a verdict reads of a scenario's end, computed or observed by the lab. */
interface Scene {
  readonly setup: SimSetup;
  readonly world: World;
  readonly stateOf: (inst: SimInstance) => { state: VrrpState; priority: number };
  /** Whether clients can reach the node: not isolated, not stopped, no VRRP link down. */
  readonly connected: (node: number) => boolean;
  /** The nodes with a link down, as a key. */
  readonly downKey: string;
}

function sceneOf(setup: SimSetup, world: World, stateOf: Scene["stateOf"]): Scene {
  // A node whose VRRP link is down is cut off from the clients too, whatever it holds.
  const down = new Set([...world.linkDown].map((k) => Number(k.split("/")[0])));
  return {
    setup,
    world,
    stateOf,
    connected: (node) => !world.isolated.has(node) && !world.stopped.has(node) && !down.has(node),
    downKey: [...down].sort().join(),
  };
}

/** Reachable and not hurt by the scenario: a carrier that could hold the address. */
const up = (scene: Scene, i: SimInstance) => scene.connected(i.node) && healthy(i, scene.world, scene.stateOf(i).state);

/** The holders clients can reach, by node. */
function reachable(scene: Scene, holders: readonly string[]): number[] {
  const { byName } = nodeNames(scene.setup);
  return holders.map((n) => byName.get(n)!).filter(scene.connected);
}

/** Who is judged for an address held by one reachable node or raced for: that node, or the racers. */
function candidatesOf(scene: Scene, holders: readonly number[], racing: readonly string[]): readonly number[] {
  const { byName } = nodeNames(scene.setup);
  return holders.length ? holders : racing.map((n) => byName.get(n)!);
}

/**
 * One address's verdict from who holds it (by name) and who races for it: a split brain when two
 * reachable nodes hold it; no owner when nobody does nor races although a carrier is up; no
 * failover when its holder (or every racer) is hurt while a healthy carrier elsewhere could take over.
 */
function addressVerdict(scene: Scene, carriers: readonly SimInstance[], owners: readonly string[], racing: readonly string[]): Verdict {
  const holders = reachable(scene, owners);
  if (holders.length >= 2) return "split-brain";
  if (holders.length === 0 && racing.length === 0) return carriers.some((i) => up(scene, i)) ? "no-owner" : "ok";
  const candidates = candidatesOf(scene, holders, racing);
  const hurt = !carriers.some((i) => candidates.includes(i.node) && healthy(i, scene.world, scene.stateOf(i).state));
  return hurt && carriers.some((i) => !candidates.includes(i.node) && up(scene, i)) ? "no-failover" : "ok";
}

/** Why the address has its verdict (one that is not ok). */
function explain(scene: Scene, address: string, owners: readonly string[], racing: readonly string[], verdict: Verdict): Judgement {
  const { setup, world, stateOf } = scene;
  const { names } = nodeNames(setup);
  const holders = reachable(scene, owners);
  const carriers = carriersOf(setup).get(address) ?? [];
  if (verdict === "split-brain") return { verdict, because: splitReason(setup, address, holders, carriers), related: [] };
  if (verdict === "no-owner") {
    const healthyCarriers = carriers.filter((i) => up(scene, i));
    const who = healthyCarriers.map((i) => names[i.node]!).join(", ");
    return {
      verdict,
      because: `nobody holds ${address} although ${who} is up and healthy${groupHint(healthyCarriers, stateOf)}`,
      related: [],
    };
  }
  const candidates = candidatesOf(scene, holders, racing);
  const holder = candidates[0]!;
  const inst = carriers.find((i) => i.node === holder)!;
  const other = carriers.find((i) => !candidates.includes(i.node) && up(scene, i))!;
  return {
    verdict,
    because: `${names[holder]}'s priority ${arithmetic(inst, world)}, not below ${names[other.node]}'s ${stateOf(other).priority}: ${address} stays where the tracked service is down`,
    related: inst.tracks
      .filter((t) => world.failed.has(`${inst.node}/${t.id}`))
      .map((t) => related(t.line, t.weight ? `weight ${t.weight}${t.reverse ? " reverse" : ""}` : "tracked")),
  };
}

/**
 * The worst verdict over the addresses, told as the story of the first address that has it; ok,
 * with who holds what, when none is worse.
 */
function worstOf(
  scene: Scene,
  owners: Readonly<Record<string, readonly string[]>>,
  race: Readonly<Record<string, readonly string[]>>,
  addresses: readonly string[],
  verdictAt: (address: string, j: number) => Verdict,
): Judgement {
  let worst: Verdict = "ok";
  let at = -1;
  // Nothing ranks above a split brain.
  for (let j = 0; j < addresses.length && worst !== "split-brain"; j++) {
    const verdict = verdictAt(addresses[j]!, j);
    if (RANK[verdict] > RANK[worst]) [worst, at] = [verdict, j];
  }
  if (worst === "ok") return { verdict: "ok", because: okReason(scene.setup, scene.world, owners, race, addresses), related: [] };
  const address = addresses[at]!;
  return explain(scene, address, owners[address] ?? NOBODY, race[address] ?? NOBODY, worst);
}

/**
 * The verdict on settled owners (computed, or observed by the lab): the worst over the addresses.
 * Nodes cut off from the segment (isolated, stopped) do not count as holders: clients cannot reach them.
 */
export function verdictOf(
  setup: SimSetup,
  world: World,
  stateOf: (inst: SimInstance) => { state: VrrpState; priority: number },
  owners: Readonly<Record<string, readonly string[]>>,
  race: Readonly<Record<string, readonly string[]>>,
): Judgement {
  const scene = sceneOf(setup, world, stateOf);
  const carriers = carriersOf(setup);
  const verdictAt = (address: string) =>
    addressVerdict(scene, carriers.get(address) ?? [], owners[address] ?? NOBODY, race[address] ?? NOBODY);
  return worstOf(scene, owners, race, Object.keys(owners), verdictAt);
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

function splitReason(setup: SimSetup, address: string, holders: readonly number[], carriers: readonly SimInstance[]): string {
  const { names } = nodeNames(setup);
  const who = holders.map((n) => names[n]!).join(" and ");
  const a = carriers.find((i) => i.node === holders[0]);
  const b = carriers.find((i) => i.node === holders[1]);
  const problem = a && b ? (advertProblem(a, b, setup) ?? advertProblem(b, a, setup)) : undefined;
  if (problem) return `${who} both hold ${address}: ${problem}, so each takes the other for dead`;
  return `${who} both hold ${address}`;
}

function groupHint(carriers: readonly SimInstance[], stateOf: (inst: SimInstance) => { state: VrrpState }): string {
  const grouped = carriers.find((i) => i.syncGroup && stateOf(i).state === "FAULT");
  return grouped ? ` (its sync group ${grouped.syncGroup!.split("/")[1]} is in FAULT)` : "";
}

function okReason(
  setup: SimSetup,
  world: World,
  owners: Readonly<Record<string, readonly string[]>>,
  race: Readonly<Record<string, readonly string[]>>,
  addresses: readonly string[],
): string {
  const cut = new Set(setup.nodes.filter((n) => world.isolated.has(n.index)).map((n) => n.name));
  const parts: string[] = [];
  const byHolder = new Map<string, string[]>();
  const nobody: string[] = [];
  const cutHolds = new Set<string>();
  // One pass over the owners (a file may hold thousands of addresses).
  for (const a of addresses) {
    const h = owners[a]!;
    let reachable = h;
    if (cut.size) {
      reachable = h.filter((n) => !cut.has(n));
      for (const n of h) if (cut.has(n)) cutHolds.add(n);
    }
    if (!reachable.length) {
      if (!race[a]) nobody.push(a);
      continue;
    }
    const key = reachable.length === 1 ? reachable[0]! : reachable.join("+");
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
  const scenarios = chosen.map((s) => runScenario(setup, s));
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
