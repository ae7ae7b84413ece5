/**
 * Builds the analysed model of one node from its effective tree: instances, sync groups,
 * virtual servers, named definitions and the references between them.
 */
import type { Block, ConfigFile, Node, Statement, ValueLine, Word } from "../../../grammar/index.js";
import { readBoolean, readInteger } from "../validate/values.js";
import { parseAddress } from "./address.js";
import { TRACK_KINDS, trackKindOf } from "./tracks.js";
import type {
  Authentication, ConfigModel, Definition, DefinitionKind, RealServer, Reference, Setting, SyncGroup,
  TrackEntry, VirtualAddress, VirtualServer, VrrpInstance,
} from "./types.js";

const DEFINING_BLOCKS: ReadonlySet<string> = new Set<DefinitionKind>([
  "vrrp_instance", "vrrp_sync_group", "vrrp_script", "vrrp_track_process", "vrrp_track_file", "track_group", "bfd_instance", "virtual_server_group",
]);

/** Top-level blocks of addresses, routes and rules whose lines may name a track_group. */
const STATIC_BLOCKS: ReadonlySet<string> = new Set(["static_ipaddress", "static_routes", "static_rules"]);

/** Checkers that name an object defined elsewhere: FILE_CHECK's track_file, BFD_CHECK's name. */
const CHECKER_TARGET: ReadonlyMap<string, { keyword: string; kind: DefinitionKind }> = new Map([
  ["FILE_CHECK", { keyword: "track_file", kind: "vrrp_track_file" }],
  ["BFD_CHECK", { keyword: "name", kind: "bfd_instance" }],
]);

export function buildModel(file: ConfigFile): ConfigModel {
  const globalDefs: Block[] = [];
  const instances: VrrpInstance[] = [];
  const syncGroups: SyncGroup[] = [];
  const virtualServers: VirtualServer[] = [];
  const definitions: Definition[] = [];
  const references: Reference[] = [];
  const globals = new Map<string, Statement>();

  for (const node of file.children) {
    if (node.kind !== "block") continue;
    const kw = node.keyword.text;
    if (kw === "global_defs") {
      globalDefs.push(node);
      for (const c of node.children) if (c.kind === "statement") globals.set(c.keyword.text, c);
      continue;
    }
    if (DEFINING_BLOCKS.has(kw)) {
      // `track_file NAME {` at top level is the newer spelling of vrrp_track_file.
      definitions.push({ kind: kw as DefinitionKind, name: node.args[0]?.text ?? "", nameWord: node.args[0], node });
    } else if (kw === "track_file") {
      definitions.push({ kind: "vrrp_track_file", name: node.args[0]?.text ?? "", nameWord: node.args[0], node });
    }
    if (kw === "virtual_server") virtualServers.push(buildVirtualServer(node, references));
    else if (STATIC_BLOCKS.has(kw)) staticReferences(node, references);
  }

  const globalVersion = numberSetting(globals.get("vrrp_version"));
  const globalStrict = flagSetting(globals.get("vrrp_strict"));
  for (const node of file.children) {
    if (node.kind !== "block") continue;
    if (node.keyword.text === "vrrp_instance") instances.push(buildInstance(node, globalVersion, globalStrict, references));
    else if (node.keyword.text === "vrrp_sync_group") syncGroups.push(buildSyncGroup(node, references));
  }
  for (const group of syncGroups) {
    for (const m of group.members) {
      const inst = instances.find((i) => i.name === m.name);
      if (inst && !inst.syncGroup) (inst as { syncGroup?: SyncGroup }).syncGroup = group;
    }
  }
  return {
    file,
    globalDefs,
    instances,
    syncGroups,
    virtualServers,
    definitions,
    references,
    global: (k) => globals.get(k),
  };
}

function statements(block: Block): Map<string, Statement> {
  const map = new Map<string, Statement>();
  for (const c of block.children) if (c.kind === "statement") map.set(c.keyword.text, c);
  return map;
}

function childBlocks(block: Block, keyword: string): Block[] {
  return block.children.filter((c): c is Block => c.kind === "block" && c.keyword.text === keyword);
}

function valueLines(block: Block, keyword: string): ValueLine[] {
  return childBlocks(block, keyword).flatMap((b) => b.children.filter((c): c is ValueLine => c.kind === "value"));
}

function numberSetting(s: Statement | undefined): Setting<number> | undefined {
  const w = s?.args[0];
  if (!s || !w || !/^-?\d+(\.\d+)?$/.test(w.text)) return undefined;
  return { value: Number(w.text), statement: s, word: w };
}

function textSetting(s: Statement | undefined): Setting<string> | undefined {
  const w = s?.args[0];
  return s && w ? { value: w.text, statement: s, word: w } : undefined;
}

/** An optional-boolean keyword: alone it means on; a word that is not a boolean leaves it unset. */
function flagSetting(s: Statement | undefined): Setting<boolean> | undefined {
  if (!s) return undefined;
  const w = s.args[0];
  if (!w) return { value: true, statement: s };
  const read = readBoolean(w.text);
  return read.ok ? { value: read.value, statement: s, word: w } : undefined;
}

function addresses(lines: ValueLine[]): VirtualAddress[] {
  return lines.map((line) => {
    const first = line.words[0]!;
    const parsed = parseAddress(first.text);
    const opt = (name: string) => {
      const i = line.words.findIndex((w, k) => k > 0 && w.text === name);
      return i > 0 ? line.words[i + 1]?.text : undefined;
    };
    const dev = opt("dev");
    const label = opt("label");
    return { ...parsed, line, ...(dev !== undefined ? { dev } : {}), ...(label !== undefined ? { label } : {}) };
  });
}

function tracks(block: Block, references: Reference[]): TrackEntry[] {
  const out: TrackEntry[] = [];
  for (const c of block.children) {
    const kind = c.kind === "block" ? trackKindOf(c.keyword.text) : undefined;
    if (c.kind !== "block" || kind === undefined) continue;
    const target = TRACK_KINDS[kind].definedBy;
    for (const line of c.children) {
      if (line.kind !== "value") continue;
      const name = line.words[0]!;
      let weight: number | undefined;
      let reverse = false;
      for (let i = 1; i < line.words.length; i++) {
        const w = line.words[i]!.text;
        if (w === "weight" && line.words[i + 1] && /^-?\d+$/.test(line.words[i + 1]!.text)) weight = Number(line.words[++i]!.text);
        else if (w === "reverse") reverse = true;
        else if (w === "noreverse") reverse = false;
      }
      out.push({ kind, name: name.text, reverse, line, ...(weight !== undefined ? { weight } : {}) });
      if (target) references.push({ kind: target, name: name.text, word: name, mustPrecede: true, within: block });
    }
  }
  return out;
}

/**
 * A written priority as keepalived reads it (the validator's reader, so `+100` is 100); one it
 * cannot read falls back to 100. Only an instance with no priority line takes its priority from
 * its state: 255, the address owner, for `state MASTER`.
 */
function prioritySetting(statement: Statement | undefined, state: "MASTER" | "BACKUP" | undefined): Setting<number> {
  if (!statement) return { value: state === "MASTER" ? 255 : 100 };
  const word = statement.args[0];
  const read = word ? readInteger(word.text, { min: 1, max: 255 }) : undefined;
  return read?.ok ? { value: read.value, statement, word: word! } : { value: 100 };
}

function buildInstance(
  block: Block,
  globalVersion: Setting<number> | undefined,
  globalStrict: Setting<boolean> | undefined,
  references: Reference[],
): VrrpInstance {
  const s = statements(block);
  const stateSetting = textSetting(s.get("state"));
  const state = stateSetting && (stateSetting.value === "MASTER" || stateSetting.value === "BACKUP")
    ? (stateSetting as Setting<"MASTER" | "BACKUP">)
    : { value: undefined };
  const priority = prioritySetting(s.get("priority"), state.value);
  const vips = addresses(valueLines(block, "virtual_ipaddress"));
  const family: 4 | 6 = s.has("native_ipv6") || vips[0]?.family === 6 ? 6 : 4;
  const instanceVersion = numberSetting(s.get("version"));
  const version: Setting<2 | 3> = instanceVersion && (instanceVersion.value === 2 || instanceVersion.value === 3)
    ? (instanceVersion as Setting<2 | 3>)
    : family === 6
      ? { value: 3 }
      : globalVersion && (globalVersion.value === 2 || globalVersion.value === 3)
        ? (globalVersion as Setting<2 | 3>)
        : { value: 2 };
  const authBlock = childBlocks(block, "authentication")[0];
  let authentication: Authentication | undefined;
  if (authBlock) {
    const a = statements(authBlock);
    const type = textSetting(a.get("auth_type"));
    const pass = textSetting(a.get("auth_pass"));
    authentication = { block: authBlock, ...(type ? { type } : {}), ...(pass ? { pass } : {}) };
  }
  const vrid = numberSetting(s.get("virtual_router_id"));
  const iface = textSetting(s.get("interface"));
  const src = textSetting(s.get("unicast_src_ip"));
  const advert = numberSetting(s.get("advert_int"));
  return {
    name: block.args[0]?.text ?? "",
    nameWord: block.args[0],
    block,
    state,
    priority,
    advertInt: advert ?? { value: 1 },
    version,
    family,
    nopreempt: s.has("nopreempt"),
    strict: flagSetting(s.get("strict_mode")) ?? globalStrict ?? { value: false },
    unicastPeers: addresses(valueLines(block, "unicast_peer")),
    virtualAddresses: vips,
    excludedAddresses: addresses(valueLines(block, "virtual_ipaddress_excluded")),
    tracks: tracks(block, references),
    settings: s,
    ...(vrid ? { virtualRouterId: vrid } : {}),
    ...(iface ? { interface: iface } : {}),
    ...(src ? { unicastSrcIp: src } : {}),
    ...(authentication ? { authentication } : {}),
  };
}

/** `... track_group NAME` on a static address, route or rule line: keepalived looks the group up while reading. */
function staticReferences(block: Block, references: Reference[]): void {
  for (const line of block.children) {
    if (line.kind !== "value") continue;
    const i = line.words.findIndex((w, k) => k > 0 && w.text === "track_group");
    const name = i > 0 ? line.words[i + 1] : undefined;
    if (name) references.push({ kind: "track_group", name: name.text, word: name, mustPrecede: true, within: block });
  }
}

function buildSyncGroup(block: Block, references: Reference[]): SyncGroup {
  const members: { name: string; word: Word }[] = [];
  for (const line of valueLines(block, "group")) {
    for (const w of line.words) {
      members.push({ name: w.text, word: w });
      references.push({ kind: "vrrp_instance", name: w.text, word: w, mustPrecede: false, within: block });
    }
  }
  return { name: block.args[0]?.text ?? "", nameWord: block.args[0], block, members, tracks: tracks(block, references) };
}

/**
 * One pass over the block's children: a large file has tens of thousands of virtual servers,
 * so no per-block map of statements and no object spreads here (the last statement of a
 * keyword wins, as in keepalived).
 */
function buildVirtualServer(block: Block, references: Reference[]): VirtualServer {
  const [a, b] = block.args;
  let kind: VirtualServer["kind"] = "address";
  let address: string | undefined;
  let port: number | undefined;
  let family: 4 | 6 | undefined;
  if (a?.text === "fwmark") kind = "fwmark";
  else if (a?.text === "group") {
    kind = "group";
    if (b) references.push({ kind: "virtual_server_group", name: b.text, word: b, mustPrecede: false, within: block });
  } else if (a) {
    const parsed = parseAddress(a.text);
    address = parsed.address;
    family = parsed.family;
    if (b && isDigits(b.text)) port = Number(b.text);
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
          realServers.push(realServer(c, block, references));
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
    } else if (c.kind === "block" && c.keyword.text === "real_server") realServers.push(realServer(c, block, references));
  }
  const vs: Mutable<VirtualServer> = { key: argumentText(block), kind, family, block, realServers };
  if (address !== undefined) vs.address = address;
  if (port !== undefined) vs.port = port;
  const method = textSetting(lvsMethod ?? lbKind);
  if (method) vs.method = method;
  const scheduler = textSetting(lvsSched ?? lbAlgo);
  if (scheduler) vs.scheduler = scheduler;
  const protocol = textSetting(protocolStatement);
  if (protocol) vs.protocol = protocol;
  const quorum = numberSetting(quorumStatement);
  if (quorum) vs.quorum = quorum;
  return vs;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A real server with its weight (the last `weight` line, default 1), checkers, and the checkers' references. */
function realServer(c: Block | Statement, virtualServer: Block, references: Reference[]): RealServer {
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
    weight: numberSetting(weight)?.value ?? 1,
    checkers,
  };
  if (rp && isDigits(rp.text)) rs.port = Number(rp.text);
  return rs;
}

function checkerReferences(checker: Block, target: { keyword: string; kind: DefinitionKind }, virtualServer: Block, references: Reference[]): void {
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

/** Same as /^\d+$/ (ASCII digits), by char codes. */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Every node of a tree, depth first, in file order. */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  for (const n of nodes) {
    yield n;
    if (n.kind === "block" || n.kind === "anonymous-block") yield* walk(n.children);
  }
}
