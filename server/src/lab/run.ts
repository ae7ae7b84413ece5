/**
 * `kalint lab`: the simulation's scenarios on real keepalived daemons. Each scenario starts a
 * fresh daemon per node in the lab's namespaces, waits until the addresses settle, applies the
 * scenario's steps (stop/start by PID, a flag file that makes a check script fail, a tracked file
 * written, a link set down, a bridge port dropped), and records who holds each address.
 *
 * Everything the lab makes is removed on the way out: on success, on error, and on SIGINT/SIGTERM.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { VrrpState, World } from "../simulate/engine.js";
import {
  scenariosFor,
  verdictOf,
  worldAfter,
  type InstanceOutcome,
  type Scenario,
  type ScenarioResult,
  type ScenarioStep,
} from "../simulate/scenarios.js";
import type { SimInstance, SimSetup } from "../simulate/setup.js";
import { labConfig, type LabFiles } from "./config.js";
import { ip, LabError, LabNetwork } from "./network.js";

export interface LabOptions {
  readonly keepalived: string;
  /** Called with "n of N: id" before each scenario (progress on a terminal). */
  readonly progress?: (text: string) => void;
  /** Tag for the namespace names (default `kl<pid>`); must be unique per running lab. */
  readonly tag?: string;
}

export interface LabScenarioResult extends Omit<ScenarioResult, "settled_ms"> {
  readonly settled_ms: number;
}

/** Checks what the lab needs, with one clear line for what is missing. */
export function preflight(keepalived: string): string {
  if (process.platform !== "linux") throw new LabError("the lab needs Linux (network namespaces)");
  if (typeof process.getuid === "function" && process.getuid() !== 0)
    throw new LabError("the lab needs root (it creates network namespaces); run it with sudo");
  try {
    execFileSync("ip", ["-V"], { stdio: "ignore" });
  } catch {
    throw new LabError("the lab needs the ip command (iproute2); install it, e.g. apt-get install iproute2");
  }
  // keepalived prints its version on stderr.
  const r = spawnSync(keepalived, ["--version"], { encoding: "utf8" });
  if (r.error)
    throw new LabError(`keepalived not found (${keepalived}); install it (apt-get install keepalived) or pass --keepalived PATH`);
  const m = /Keepalived v(\S+)/.exec(`${r.stdout}${r.stderr}`);
  return m ? m[1]! : "unknown";
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Running: it exists and is not a zombie (a stopped daemon stays one until the lab's event loop reaps it). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

interface Daemon {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly log: string;
  exited: boolean;
}

export class Lab {
  readonly network: LabNetwork;
  private readonly dir: string;
  private readonly daemons = new Map<number, Daemon>();
  private readonly files: LabFiles[] = [];
  private readonly configs: string[] = [];
  private cleaned = false;
  private logCount = 0;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.cleanup();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  private readonly onExit = () => this.cleanup();

  constructor(
    readonly setup: SimSetup,
    readonly options: LabOptions,
  ) {
    this.network = new LabNetwork(options.tag ?? `kl${process.pid}`);
    this.dir = mkdtempSync(join(tmpdir(), "kalint-lab-"));
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
    process.on("exit", this.onExit);
  }

  /** Builds the namespaces and writes each node's configuration copy. */
  build(): void {
    this.network.createBridge();
    for (const n of this.setup.nodes) {
      const insts = this.setup.instances.filter((i) => i.node === n.index);
      const segment = [...new Set(insts.map((i) => i.iface))];
      const tracked = [...new Set(insts.flatMap((i) => i.tracks.filter((t) => t.kind === "interface").map((t) => t.name)))].filter(
        (x) => !segment.includes(x),
      );
      const families = new Set(insts.map((i) => i.family));
      const addresses = [
        ...(families.has(4) || families.size === 0 ? [`${n.address[4]}/24`] : []),
        ...(families.has(6) ? [`${n.address[6]}/64`] : []),
      ];
      if (segment.length === 0) segment.push("eth0");
      this.network.addNode(
        n.index,
        segment.map((name, k) => ({ name, addresses: k === 0 ? addresses : [] })),
        tracked,
      );
      const nodeDir = join(this.dir, `n${n.index}`);
      mkdirSync(nodeDir, { recursive: true });
      const { text, files } = labConfig(n.node, nodeDir);
      const conf = join(nodeDir, "keepalived.conf");
      writeFileSync(conf, text);
      for (const [path, content] of files.scripts) {
        writeFileSync(path, content);
        chmodSync(path, 0o755);
      }
      this.files[n.index] = files;
      this.configs[n.index] = conf;
    }
  }

  /** Puts the scenario's objects back to healthy: flags removed, files at 0, links up, ports on the bridge. */
  private reset(): void {
    for (const n of this.setup.nodes) {
      const f = this.files[n.index]!;
      for (const flag of f.scriptFlags.values()) rmSync(flag, { force: true });
      for (const file of f.trackFiles.values()) writeFileSync(file, "0\n");
      this.network.setIsolated(n.index, false);
      for (const i of this.network.nodes[n.index]!.interfaces) this.network.setLink(n.index, i.name, true);
    }
  }

  startNode(index: number): void {
    const nodeDir = join(this.dir, `n${index}`);
    const log = join(nodeDir, `keepalived-${++this.logCount}.log`);
    const out = openSync(log, "w");
    const node = this.setup.nodes[index]!.node;
    const args = [
      "netns",
      "exec",
      this.network.nodes[index]!.ns,
      this.options.keepalived,
      "-n",
      "-l",
      "-D",
      "-G",
      "-P",
      "-f",
      this.configs[index]!,
      "-p",
      join(nodeDir, "keepalived.pid"),
      "-r",
      join(nodeDir, "vrrp.pid"),
      "-c",
      join(nodeDir, "checkers.pid"),
      "-b",
      join(nodeDir, "bfd.pid"),
      ...(node.configId !== undefined ? ["-i", node.configId] : []),
    ];
    const child = spawn("ip", args, { stdio: ["ignore", out, out] });
    closeSync(out);
    if (child.pid === undefined) throw new LabError(`could not start ${this.options.keepalived}`);
    const d: Daemon = { child, pid: child.pid, log, exited: false };
    child.on("exit", () => {
      d.exited = true;
    });
    this.daemons.set(index, d);
  }

  async stopNode(index: number): Promise<void> {
    const d = this.daemons.get(index);
    if (!d) return;
    this.daemons.delete(index);
    if (!d.exited) process.kill(d.pid, "SIGTERM");
    for (let t = 0; t < 100 && !d.exited; t++) await sleep(50);
    if (!d.exited) {
      process.kill(d.pid, "SIGKILL");
      for (let t = 0; t < 40 && !d.exited; t++) await sleep(50);
    }
    this.finished.set(index, d.log);
  }

  /** Logs of daemons stopped during the current scenario, for their last states. */
  private finished = new Map<number, string>();

  private applyStep(step: ScenarioStep): Promise<void> | void {
    switch (step.kind) {
      case "stop":
        return this.stopNode(step.node);
      case "start":
        this.startNode(step.node);
        return;
      case "fail":
        for (const id of step.tracks) this.fail(step.node, id);
        return;
      case "isolate":
        this.network.setIsolated(step.node, true);
        return;
      case "heal":
        this.network.setIsolated(step.node, false);
        return;
      case "link-down":
        this.network.setLink(step.node, step.iface, false);
        return;
    }
  }

  private fail(node: number, id: string): void {
    const files = this.files[node]!;
    if (id.startsWith("if:")) {
      this.network.setLink(node, id.slice(3), false);
      return;
    }
    const flag = files.scriptFlags.get(id);
    if (flag) {
      writeFileSync(flag, "");
      return;
    }
    const file = files.trackFiles.get(id);
    if (file) {
      // The value that makes the priority fall (the model's convention, simulate/engine.ts contribution()).
      const track = this.setup.instances
        .filter((i) => i.node === node)
        .flatMap((i) => i.tracks)
        .find((t) => t.id === id);
      const m = track?.reverse ? -1 : 1;
      writeFileSync(file, `${track && track.weight * m > 0 ? -1 : 1}\n`);
      return;
    }
    throw new LabError(`the lab cannot make ${id} fail on ${this.setup.nodes[node]!.name}`);
  }

  /** Who holds each address now. */
  holding(): Record<string, string[]> {
    const addresses = [...new Set(this.setup.instances.flatMap((i) => i.held))];
    const present = this.setup.nodes.map((n) => this.network.addresses(n.index));
    const out: Record<string, string[]> = {};
    for (const a of addresses) out[a] = this.setup.nodes.filter((n) => present[n.index]!.has(a)).map((n) => n.name);
    return out;
  }

  /** Waits until the owners have not changed for `quiet` ms and at least `min` ms have passed; returns ms to the last change. */
  private async settle(
    t0: number,
    before: string,
    min: number,
    quiet: number,
  ): Promise<{ owners: Record<string, string[]>; settled: number }> {
    let last = before;
    let lastChange = t0;
    let changed = false;
    for (;;) {
      await sleep(100);
      const now = Date.now();
      const h = JSON.stringify(this.holding());
      if (h !== last) {
        last = h;
        lastChange = now;
        changed = true;
      }
      if ((now - t0 >= min && now - lastChange >= quiet) || now - t0 > 120_000) break;
    }
    return { owners: JSON.parse(last) as Record<string, string[]>, settled: changed ? lastChange - t0 : 0 };
  }

  /** Timing of the cluster: the longest advert interval and preempt_delay decide how long to wait. */
  private waits(): { min: number; quiet: number } {
    const adv = Math.max(1000, ...this.setup.instances.map((i) => i.advertMs));
    const delay = Math.max(0, ...this.setup.instances.map((i) => i.preemptDelayMs));
    return { min: 4 * adv + delay + 1500, quiet: 3 * adv + 1500 };
  }

  async runScenario(scenario: Scenario): Promise<LabScenarioResult> {
    this.reset();
    this.finished.clear();
    const { min, quiet } = this.waits();
    let before = JSON.stringify(this.holding());
    let t0 = Date.now();
    for (const n of this.setup.nodes) this.startNode(n.index);
    let observed = await this.settle(t0, before, min, quiet);
    for (const step of scenario.steps) {
      before = JSON.stringify(observed.owners);
      t0 = Date.now();
      await this.applyStep(step);
      observed = await this.settle(t0, before, min, quiet);
    }
    const states = this.states();
    for (const n of this.setup.nodes) await this.stopNode(n.index);
    const world = worldAfter(scenario);
    const stateOf = (i: SimInstance) => states.get(i) ?? { state: "STOPPED" as VrrpState, priority: i.basePriority };
    const judged = verdictOf(this.setup, world, stateOf, observed.owners, {});
    const instances: Record<string, Record<string, InstanceOutcome>> = {};
    for (const i of this.setup.instances) (instances[this.setup.sets[i.set]!] ??= {})[this.setup.nodes[i.node]!.name] = stateOf(i);
    return {
      id: scenario.id,
      description: scenario.description,
      owners: observed.owners,
      race: {},
      instances,
      verdict: judged.verdict,
      because: judged.because,
      related: judged.related,
      settled_ms: observed.settled,
    };
  }

  /** Each instance's last state and priority, read from the daemons' logs. */
  private states(): Map<SimInstance, { state: VrrpState; priority: number }> {
    const out = new Map<SimInstance, { state: VrrpState; priority: number }>();
    for (const n of this.setup.nodes) {
      const running = this.daemons.get(n.index);
      const log = running?.log ?? this.finished.get(n.index);
      const text = log && existsSync(log) ? readFileSync(log, "utf8") : "";
      for (const i of this.setup.instances.filter((x) => x.node === n.index)) {
        let state: VrrpState = running ? "BACKUP" : "STOPPED";
        let priority = i.basePriority;
        const name = i.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const re = new RegExp(
          `\\(${name}\\) (?:Entering (MASTER|BACKUP|FAULT) STATE|Changing effective priority from \\d+ to (\\d+))`,
          "g",
        );
        for (const m of text.matchAll(re)) {
          if (m[1] && running) state = m[1] as VrrpState;
          if (m[2]) priority = Number(m[2]);
        }
        out.set(i, { state, priority });
      }
    }
    return out;
  }

  /** Stops every daemon, removes the namespaces and the lab's files. Synchronous, so it also runs from signal and exit handlers. */
  cleanup(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
    process.off("exit", this.onExit);
    const pids = [...this.daemons.values()].filter((d) => !d.exited).map((d) => d.pid);
    for (const pid of pids)
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    for (let t = 0; t < 60 && pids.some(alive); t++) sleepSync(50);
    // Anything still running in the lab's namespaces was started by the lab (a daemon's children).
    const left = [...new Set([...pids.filter(alive), ...this.network.pids()])];
    for (const pid of left)
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    for (let t = 0; t < 40 && left.some(alive); t++) sleepSync(50);
    this.network.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs the chosen scenarios (all that apply by default) on real daemons. */
export async function runLab(setup: SimSetup, only: readonly string[] | undefined, options: LabOptions): Promise<LabScenarioResult[]> {
  const all = scenariosFor(setup);
  const chosen = only && only.length ? all.filter((s) => only.includes(s.id)) : all;
  const lab = new Lab(setup, options);
  try {
    lab.build();
    const out: LabScenarioResult[] = [];
    for (const [k, s] of chosen.entries()) {
      options.progress?.(`scenario ${k + 1} of ${chosen.length}: ${s.id}`);
      out.push(await lab.runScenario(s));
    }
    return out;
  } finally {
    lab.cleanup();
  }
}

export { ip, LabError };
export type { World };
