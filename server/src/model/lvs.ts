/**
 * The LVS part of the model: virtual servers with their real servers and checkers, and the
 * virtual_server_group blocks a `virtual_server group NAME` serves. Addresses and ports are read
 * as the validator reads them (schema/values.ts).
 */
import type { Block, Statement, ValueLine, Word } from "../../../grammar/index.js";
import { addressPart, readInteger, readPort } from "../schema/values.js";
import type { KeywordScope } from "../schema/lookup.js";
import { parseAddress } from "./address.js";
import { scopeOf, textSetting, valueSetting } from "./settings.js";
import type { DefinitionKind, RealServer, Reference, VirtualServer, VirtualServerGroup, VsgEntry } from "./types.js";

/** Checkers that name an object defined elsewhere: FILE_CHECK's track_file, BFD_CHECK's name. */
const CHECKER_TARGET: ReadonlyMap<string, { keyword: string; kind: DefinitionKind }> = new Map([
  ["FILE_CHECK", { keyword: "track_file", kind: "vrrp_track_file" }],
  ["BFD_CHECK", { keyword: "name", kind: "bfd_instance" }],
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The schema scopes the LVS blocks are read in, found once per model. */
export interface LvsScopes {
  readonly virtualServer: KeywordScope;
  readonly realServer: KeywordScope;
}

export function lvsScopes(): LvsScopes {
  const virtualServer = scopeOf("virtual_server");
  return { virtualServer, realServer: virtualServer.child("real_server") };
}

/**
 * The port of a virtual or real server line: none when it is left out or all zeros (which old
 * configurations wrote for "no port"), else what the port reader takes (the validator reports the rest).
 */
function serverPort(word: Word | undefined): number | undefined {
  if (!word || /^0*$/.test(word.text)) return undefined;
  const read = readPort(word.text, 1);
  return read.ok ? read.value : undefined;
}

/**
 * One pass over the block's children: a large file has tens of thousands of virtual servers,
 * so no per-block map of statements and no object spreads here (the last statement of a
 * keyword wins, as in keepalived).
 */
export function buildVirtualServer(block: Block, references: Reference[], scopes: LvsScopes): VirtualServer {
  const [a, b] = block.args;
  let kind: VirtualServer["kind"] = "address";
  let address: string | undefined;
  let port: number | undefined;
  let family: 4 | 6 | undefined;
  let group: string | undefined;
  if (a?.text === "fwmark") kind = "fwmark";
  else if (a?.text === "group") {
    kind = "group";
    group = b?.text;
    if (b) references.push({ kind: "virtual_server_group", name: b.text, word: b, mustPrecede: false, within: block });
  } else if (a) {
    const parsed = parseAddress(a.text);
    address = parsed.address;
    family = parsed.family;
    port = serverPort(b);
  }
  const realServers: RealServer[] = [];
  let lvsMethod: Statement | undefined;
  let lbKind: Statement | undefined;
  let lvsSched: Statement | undefined;
  let lbAlgo: Statement | undefined;
  let protocolStatement: Statement | undefined;
  let quorumStatement: Statement | undefined;
  for (const c of block.children) {
    if (c.kind === "statement") {
      switch (c.keyword.text) {
        case "real_server":
          realServers.push(realServer(c, block, references, scopes));
          break;
        case "lvs_method":
          lvsMethod = c;
          break;
        case "lb_kind":
          lbKind = c;
          break;
        case "lvs_sched":
          lvsSched = c;
          break;
        case "lb_algo":
          lbAlgo = c;
          break;
        case "protocol":
          protocolStatement = c;
          break;
        case "quorum":
          quorumStatement = c;
          break;
      }
    } else if (c.kind === "block" && c.keyword.text === "real_server") realServers.push(realServer(c, block, references, scopes));
  }
  const vs: Mutable<VirtualServer> = { key: argumentText(block), kind, family, block, realServers };
  if (address !== undefined) vs.address = address;
  if (port !== undefined) vs.port = port;
  if (group !== undefined) vs.group = group;
  const method = textSetting(lvsMethod ?? lbKind);
  if (method) vs.method = method;
  const scheduler = textSetting(lvsSched ?? lbAlgo);
  if (scheduler) vs.scheduler = scheduler;
  const protocol = textSetting(protocolStatement);
  if (protocol) vs.protocol = protocol;
  const quorum = valueSetting<number>(scopes.virtualServer, quorumStatement);
  if (quorum) vs.quorum = quorum;
  return vs;
}

/** A real server with its weight (the last `weight` line, default 1), checkers, and the checkers' references. */
function realServer(c: Block | Statement, virtualServer: Block, references: Reference[], scopes: LvsScopes): RealServer {
  const [ra, rp] = c.args;
  let weight: Statement | undefined;
  const checkers: Block[] = [];
  if (c.kind === "block") {
    for (const x of c.children) {
      if (x.kind === "statement") {
        if (x.keyword.text === "weight") weight = x;
      } else if (x.kind === "block") {
        const name = x.keyword.text;
        if (name.endsWith("_CHECK") || name.endsWith("_GET")) checkers.push(x);
        const target = CHECKER_TARGET.get(name);
        if (target) checkerReferences(x, target, virtualServer, references);
      }
    }
  }
  const rs: Mutable<RealServer> = {
    address: ra ? parseAddress(ra.text).address : "",
    block: c,
    weight: valueSetting<number>(scopes.realServer, weight)?.value ?? 1,
    checkers,
  };
  const port = serverPort(rp);
  if (port !== undefined) rs.port = port;
  return rs;
}

function checkerReferences(
  checker: Block,
  target: { keyword: string; kind: DefinitionKind },
  virtualServer: Block,
  references: Reference[],
): void {
  for (const c of checker.children) {
    if (c.kind !== "statement" || c.keyword.text !== target.keyword) continue;
    const name = c.args[0];
    if (name) references.push({ kind: target.kind, name: name.text, word: name, mustPrecede: true, within: virtualServer });
  }
}

/** `10.0.0.1 80`: the block's words joined by single spaces. */
function argumentText(block: Block): string {
  const args = block.args;
  if (args.length === 2) return `${args[0]!.text} ${args[1]!.text}`;
  return args.map((w) => w.text).join(" ");
}

/** A `virtual_server_group NAME { ... }` block: its address (or range) entries with their ports, and its fwmarks. */
export function buildVirtualServerGroup(block: Block): VirtualServerGroup {
  const entries: VsgEntry[] = [];
  for (const line of block.children) if (line.kind === "value") entries.push(vsgEntry(line));
  return { name: block.args[0]?.text ?? "", nameWord: block.args[0], block, entries };
}

function vsgEntry(line: ValueLine): VsgEntry {
  const [first, second] = line.words;
  if (first!.text === "fwmark") {
    const mark = second ? readInteger(second.text, { min: 0, max: 4294967295 }) : undefined;
    return { kind: "fwmark", line, ...(mark?.ok ? { fwmark: mark.value } : {}) };
  }
  const { address, family } = parseAddress(addressPart(first!.text));
  const port = serverPort(second);
  return { kind: "address", line, address, family, ...(port !== undefined ? { port } : {}) };
}
