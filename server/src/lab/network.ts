/**
 * The lab's network: one namespace per node joined by a bridge that lives in a namespace of its
 * own. Every command names the namespace it acts in (`ip -n NS ...`), so nothing is ever added to
 * the host's namespace; a veth is created inside the node's namespace with its peer placed
 * straight into the bridge's. Names carry the process id, so labs run side by side.
 */
import { execFileSync } from "node:child_process";
import { parseAddress } from "../model/address.js";

export class LabError extends Error {}

/** Runs `ip ARGS...`; a failure is a LabError with ip's own message. */
export function ip(args: readonly string[], { quiet = false } = {}): string {
  try {
    return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (quiet) return "";
    const err = e as { stderr?: string; message: string };
    throw new LabError(`ip ${args.join(" ")}: ${(err.stderr ?? err.message).trim().split("\n")[0]}`);
  }
}

export interface LabInterface {
  /** The name the configuration uses (`eth0`). */
  readonly name: string;
  /** The bridge port in the bridge namespace, or undefined for a dummy (tracked, not on the segment). */
  readonly port?: string;
  /** Addresses (with prefix) put on the interface. */
  readonly addresses: readonly string[];
}

export interface LabNodeNet {
  readonly ns: string;
  readonly interfaces: readonly LabInterface[];
}

export class LabNetwork {
  readonly bridgeNs: string;
  readonly nodes: LabNodeNet[] = [];
  private readonly created: string[] = [];

  constructor(readonly tag: string) {
    this.bridgeNs = `${tag}b`;
  }

  /** Creates the bridge namespace and bridge. */
  createBridge(): void {
    this.addNamespace(this.bridgeNs);
    ip(["-n", this.bridgeNs, "link", "add", "br0", "type", "bridge"]);
    ip(["-n", this.bridgeNs, "link", "set", "br0", "up"]);
  }

  private addNamespace(ns: string): void {
    ip(["netns", "add", ns]);
    this.created.push(ns);
    ip(["-n", ns, "link", "set", "lo", "up"]);
  }

  /**
   * A node's namespace with `segment` interfaces (veth ends on the bridge) and `dummies`
   * (interfaces the configuration tracks but that are not on the segment).
   */
  addNode(index: number, segment: readonly { name: string; addresses: readonly string[] }[], dummies: readonly string[]): LabNodeNet {
    const ns = `${this.tag}n${index}`;
    this.addNamespace(ns);
    // Addresses become usable at once (no duplicate address detection to wait for).
    execFileSync("ip", ["netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0"], {
      stdio: "ignore",
    });
    const interfaces: LabInterface[] = [];
    segment.forEach((s, k) => {
      const port = `n${index}p${k}`;
      ip(["-n", ns, "link", "add", s.name, "type", "veth", "peer", "name", port, "netns", this.bridgeNs]);
      ip(["-n", this.bridgeNs, "link", "set", port, "master", "br0"]);
      ip(["-n", this.bridgeNs, "link", "set", port, "up"]);
      for (const a of s.addresses) ip(["-n", ns, "addr", "add", a, "dev", s.name, ...(a.includes(":") ? ["nodad"] : [])]);
      ip(["-n", ns, "link", "set", s.name, "up"]);
      interfaces.push({ name: s.name, port, addresses: s.addresses });
    });
    // A tracked interface off the segment: one end of a veth pair kept inside the node (the
    // dummy link type is not built into every kernel).
    dummies.forEach((d, k) => {
      const other = `n${index}d${k}`;
      ip(["-n", ns, "link", "add", d, "type", "veth", "peer", "name", other]);
      ip(["-n", ns, "link", "set", other, "up"]);
      ip(["-n", ns, "link", "set", d, "up"]);
      interfaces.push({ name: d, addresses: [] });
    });
    const net = { ns, interfaces };
    this.nodes[index] = net;
    return net;
  }

  /** Takes the node off the segment (its bridge ports leave the bridge) or puts it back. */
  setIsolated(index: number, isolated: boolean): void {
    for (const i of this.nodes[index]!.interfaces) {
      if (!i.port) continue;
      ip(["-n", this.bridgeNs, "link", "set", i.port, ...(isolated ? ["nomaster"] : ["master", "br0"])]);
    }
  }

  setLink(index: number, name: string, up: boolean): void {
    ip(["-n", this.nodes[index]!.ns, "link", "set", name, up ? "up" : "down"]);
  }

  /** The addresses present in a node's namespace (no prefix). */
  addresses(index: number): Set<string> {
    const out = new Set<string>();
    const text = ip(["-n", this.nodes[index]!.ns, "-o", "addr", "show"], { quiet: true });
    for (const line of text.split("\n")) {
      const m = /\sinet6?\s+([0-9a-fA-F:.]+)\//.exec(line);
      // The model's canonical form, so `2001:db8::100` compares equal to the configuration's spelling.
      if (m) out.add(parseAddress(m[1]!).address);
    }
    return out;
  }

  /** Process ids still running inside the lab's namespaces (all of them started by the lab). */
  pids(): number[] {
    const out: number[] = [];
    for (const ns of this.created) {
      const text = ip(["netns", "pids", ns], { quiet: true });
      for (const w of text.split(/\s+/)) if (/^\d+$/.test(w)) out.push(Number(w));
    }
    return out;
  }

  /** Deletes every namespace the lab made (their interfaces and addresses go with them). */
  destroy(): void {
    for (const ns of this.created.splice(0).reverse()) ip(["netns", "del", ns], { quiet: true });
  }

  get namespaces(): readonly string[] {
    return this.created;
  }
}
