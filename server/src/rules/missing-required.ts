import type { Block } from "../../../grammar/index.js";
import { isOpaque } from "../../../grammar/index.js";
import { isOpenBlock } from "../model/template.js";
import type { ConfigModel, VrrpInstance } from "../model/types.js";
import { datedCheck, formatVersion } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";
import type { Finding, FileRule } from "./types.js";

/**
 * Blocks keepalived drops (or refuses to load with) when a setting is absent, with the
 * sub-keywords of which at least one must be present and what happens otherwise.
 */
interface Requirement {
  readonly anyOf: readonly string[];
  readonly effect: string;
}

const TOP_LEVEL: ReadonlyMap<string, Requirement> = new Map(
  Object.entries({
    vrrp_script: { anyOf: ["script"], effect: "keepalived removes the script, and every track_script naming it" },
    vrrp_track_process: { anyOf: ["process"], effect: "keepalived removes the tracker" },
    vrrp_track_file: { anyOf: ["file"], effect: "keepalived removes the tracker" },
    track_file: { anyOf: ["file"], effect: "keepalived removes the tracker" },
    track_group: { anyOf: ["group"], effect: "keepalived removes the group" },
    vrrp_sync_group: { anyOf: ["group"], effect: "keepalived removes the sync group" },
    garp_group: { anyOf: ["garp_interval", "gna_interval"], effect: "keepalived removes the garp_group" },
    bfd_instance: { anyOf: ["neighbor_ip"], effect: "keepalived disables the BFD instance" },
  }),
);

const CHECKERS: ReadonlyMap<string, Requirement> = new Map(
  Object.entries({
    MISC_CHECK: { anyOf: ["misc_path"], effect: "keepalived drops the checker" },
    HTTP_GET: { anyOf: ["url"], effect: "keepalived drops the checker" },
    SSL_GET: { anyOf: ["url"], effect: "keepalived drops the checker" },
  }),
);

/**
 * Present in the effective block, or written on an `@id` line for another node: a file shared by
 * several nodes (`keepalived -i ID`) is only incomplete if no node gets the setting.
 */
const has = (block: Block, keyword: string): boolean =>
  block.children.some((c) => (c.kind === "statement" || c.kind === "block") && c.keyword.text === keyword) ||
  onConditionalLine(block, keyword);

function onConditionalLine(block: Block, keyword: string): boolean {
  const file = block.open.file;
  const body = file.text.slice(block.open.end, block.close && block.close.file === file ? block.close.start : file.text.length);
  return new RegExp(`^[ \\t]*@\\^?\\S+[ \\t]+${keyword}(?=[ \\t{]|$)`, "m").test(body);
}

const describe = (block: Block): string => [block.keyword.text, ...block.args.map((a) => a.text)].join(" ");

const missing = (req: Requirement): string => (req.anyOf.length === 1 ? req.anyOf[0]! : req.anyOf.join(" or "));

export const missingRequired: FileRule = {
  code: "missing-required",
  check({ model, targetVersion }, report) {
    // A block a template writes in part (an expression alone on a line, a partial) is open:
    // what seems missing may be written there.
    const open = (b: Block) => isOpenBlock(model.file, b) || isOpaque(b.keyword.text);
    for (const inst of model.instances) if (!open(inst.block)) checkInstance(model, inst, targetVersion, report);
    for (const node of model.file.children) {
      if (node.kind !== "block" || open(node)) continue;
      const req = TOP_LEVEL.get(node.keyword.text);
      if (req && !req.anyOf.some((k) => has(node, k))) {
        report({ at: node.keyword, message: `${describe(node)} has no ${missing(req)}; ${req.effect}` });
      }
      if (node.keyword.text === "virtual_server_group" && !node.children.some((c) => c.kind === "value")) {
        report({ at: node.keyword, message: `${describe(node)} lists no addresses or fwmarks; keepalived removes it` });
      }
    }
    for (const vs of model.virtualServers)
      for (const rs of vs.realServers)
        checkCheckers(
          rs.checkers.filter((c) => !open(c)),
          report,
          open,
        );
  },
};

function checkInstance(model: ConfigModel, inst: VrrpInstance, targetVersion: Version, report: (f: Finding) => void): void {
  const at = inst.nameWord ?? inst.block.keyword;
  const name = `vrrp_instance '${inst.name}'`;
  const set = (keyword: string) => inst.settings.has(keyword) || onConditionalLine(inst.block, keyword);
  if (!set("virtual_router_id")) {
    report({ at, message: `${name} has no virtual_router_id; keepalived refuses to load the configuration` });
  }
  const unicast = inst.unicastPeers.length > 0;
  const hasInterface = set("interface") || model.global("default_interface") !== undefined;
  // Releases before 2.1.0 need an interface even for unicast (schema/dated.ts).
  const older = datedCheck("instanceInterface", targetVersion);
  if (!hasInterface && older && unicast) {
    report({ at, message: `${name} has no interface; keepalived ${formatVersion(targetVersion)} ${older.does} (${older.why})` });
  } else if (!hasInterface) {
    if (!unicast) {
      report({ at, message: `${name} has no interface and no unicast_peer; keepalived refuses to load the configuration` });
    } else if (!set("unicast_src_ip") && !set("mcast_src_ip")) {
      report({
        at,
        message: `${name} has unicast peers but neither interface nor unicast_src_ip; keepalived refuses to load the configuration`,
      });
    }
  }
  if (inst.virtualAddresses.length === 0 && !set("no_virtual_ipaddress") && !set("virtual_ipaddress")) {
    const strict = inst.strict.value;
    if (inst.version.value === 3 || strict) {
      const why = strict ? "strict mode" : "VRRP version 3";
      report({ at, message: `${name} has no virtual_ipaddress, which ${why} requires; keepalived refuses to load the configuration` });
    }
  }
}

/** Checkers without their command or URLs; HTTP_GET/SSL_GET url blocks without path. */
function checkCheckers(checkers: readonly Block[], report: (f: Finding) => void, open: (b: Block) => boolean): void {
  for (const checker of checkers) {
    const req = CHECKERS.get(checker.keyword.text);
    if (req && !req.anyOf.some((k) => has(checker, k))) {
      report({ at: checker.keyword, message: `${checker.keyword.text} has no ${missing(req)}; ${req.effect}` });
    }
    if (checker.keyword.text === "HTTP_GET" || checker.keyword.text === "SSL_GET") {
      for (const url of checker.children) {
        if (url.kind === "block" && url.keyword.text === "url" && !has(url, "path") && !open(url)) {
          report({ at: url.keyword, message: `url block of ${checker.keyword.text} has no path; keepalived drops the url` });
        }
      }
    }
  }
}
