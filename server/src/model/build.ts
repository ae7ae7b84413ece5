/**
 * Builds the analysed model of one node from its effective tree: instances, sync groups,
 * virtual servers, named definitions and the references between them.
 */
import type { Block, ConfigFile, Node, Statement, ValueLine, Word } from "../../../grammar/index.js";
import type { KeywordScope } from "../schema/lookup.js";
import { readInteger } from "../schema/values.js";
import { parseAddress } from "./address.js";
import { buildVirtualServer, buildVirtualServerGroup, lvsScopes } from "./lvs.js";
import { childBlocks, flagSetting, scopeOf, statements, textSetting, valueLines, valueSetting } from "./settings.js";
import { TRACK_KINDS, trackKindOf } from "./tracks.js";
import type {
  Authentication,
  ConfigModel,
  Definition,
  DefinitionKind,
  Reference,
  Setting,
  SyncGroup,
  TrackEntry,
  VirtualAddress,
  VirtualServer,
  VirtualServerGroup,
  VrrpInstance,
} from "./types.js";

const DEFINING_BLOCKS: ReadonlySet<string> = new Set<DefinitionKind>([
  "vrrp_instance",
  "vrrp_sync_group",
  "vrrp_script",
  "vrrp_track_process",
  "vrrp_track_file",
  "track_group",
  "bfd_instance",
  "virtual_server_group",
]);

/** Top-level blocks of addresses, routes and rules whose lines may name a track_group. */
const STATIC_BLOCKS: ReadonlySet<string> = new Set(["static_ipaddress", "static_routes", "static_rules"]);

export function buildModel(file: ConfigFile): ConfigModel {
  const globalDefs: Block[] = [];
  const instances: VrrpInstance[] = [];
  const syncGroups: SyncGroup[] = [];
  const virtualServers: VirtualServer[] = [];
  const virtualServerGroups: VirtualServerGroup[] = [];
  const definitions: Definition[] = [];
  const lvs = lvsScopes();
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
    if (kw === "virtual_server") virtualServers.push(buildVirtualServer(node, references, lvs));
    else if (kw === "virtual_server_group") virtualServerGroups.push(buildVirtualServerGroup(node));
    else if (STATIC_BLOCKS.has(kw)) staticReferences(node, references);
  }

  const globalVersion = valueSetting<number>(scopeOf("global_defs"), globals.get("vrrp_version"));
  const globalStrict = flagSetting(globals.get("vrrp_strict"));
  const scopes = { instance: scopeOf("vrrp_instance"), authentication: scopeOf("vrrp_instance", "authentication") };
  for (const node of file.children) {
    if (node.kind !== "block") continue;
    if (node.keyword.text === "vrrp_instance") instances.push(buildInstance(node, globalVersion, globalStrict, references, scopes));
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
    virtualServerGroups,
    definitions,
    references,
    global: (k) => globals.get(k),
  };
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

const TRACK_WEIGHT_READ = { min: -254, max: 254 };

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
        if (w === "weight" && line.words[i + 1]) {
          // keepalived reads a track line's weight within ±254 and otherwise keeps the object's.
          const read = readInteger(line.words[++i]!.text, TRACK_WEIGHT_READ);
          if (read.ok) weight = read.value;
        } else if (w === "reverse") reverse = true;
        else if (w === "noreverse") reverse = false;
      }
      out.push({ kind, name: name.text, reverse, line, ...(weight !== undefined ? { weight } : {}) });
      if (target) references.push({ kind: target, name: name.text, word: name, mustPrecede: true, within: block });
    }
  }
  return out;
}

/**
 * The start state as keepalived reads the `state` lines, in order: MASTER sticks (a later BACKUP
 * is ignored), and a word that is neither means BACKUP. Without a line the state is undecided
 * until the priority decides it (255 starts as MASTER).
 */
function stateSetting(block: Block): Setting<"MASTER" | "BACKUP" | undefined> {
  let state: Setting<"MASTER" | "BACKUP" | undefined> = { value: undefined };
  for (const c of block.children) {
    if (c.kind !== "statement" || c.keyword.text !== "state" || state.value === "MASTER") continue;
    const word = c.args[0];
    state = { value: word?.text === "MASTER" ? "MASTER" : "BACKUP", statement: c, ...(word ? { word } : {}) };
  }
  return state;
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
  scopes: { readonly instance: KeywordScope; readonly authentication: KeywordScope },
): VrrpInstance {
  const s = statements(block);
  const state = stateSetting(block);
  const priority = prioritySetting(s.get("priority"), state.value);
  const vips = addresses(valueLines(block, "virtual_ipaddress"));
  const family: 4 | 6 = s.has("native_ipv6") || vips[0]?.family === 6 ? 6 : 4;
  const instanceVersion = valueSetting<number>(scopes.instance, s.get("version"));
  const version: Setting<2 | 3> =
    instanceVersion && (instanceVersion.value === 2 || instanceVersion.value === 3)
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
    const type = valueSetting<string>(scopes.authentication, a.get("auth_type"));
    const pass = textSetting(a.get("auth_pass"));
    authentication = { block: authBlock, ...(type ? { type } : {}), ...(pass ? { pass } : {}) };
  }
  const vrid = valueSetting<number>(scopes.instance, s.get("virtual_router_id"));
  const iface = textSetting(s.get("interface"));
  const src = textSetting(s.get("unicast_src_ip"));
  const advert = valueSetting<number>(scopes.instance, s.get("advert_int"));
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

/** Every node of a tree, depth first, in file order. */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  for (const n of nodes) {
    yield n;
    if (n.kind === "block" || n.kind === "anonymous-block") yield* walk(n.children);
  }
}
