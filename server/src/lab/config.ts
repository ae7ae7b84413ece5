/**
 * The lab's copy of a node's configuration: the same VRRP settings, with what would reach
 * outside the lab replaced. Each vrrp_script runs a check of a flag file the lab controls, each
 * tracked file is a file of the lab's, and notify scripts, mail and FIFOs are left out.
 */
import type { Block, Node, SourceText, Span } from "../../../grammar/index.js";
import type { ClusterNode } from "../cluster/types.js";
import { LabError } from "./network.js";

/** Keywords whose statement or block is dropped from the copy: they run or reach things outside the lab. */
const DROPPED = new Set([
  "notify",
  "notify_master",
  "notify_backup",
  "notify_fault",
  "notify_stop",
  "notify_deleted",
  "notify_master_rx_lower_pri",
  "smtp_server",
  "smtp_connect_timeout",
  "smtp_alert",
  "smtp_alert_vrrp",
  "smtp_alert_checker",
  "notification_email",
  "notification_email_from",
  "enable_script_security",
  "script_user",
  "vrrp_notify_fifo",
  "vrrp_notify_fifo_script",
  "notify_fifo",
  "notify_fifo_script",
  "lvs_notify_fifo",
  "lvs_notify_fifo_script",
  "lvs_sync_daemon",
  "enable_snmp_vrrp",
  "enable_snmp_checker",
  "enable_snmp_rfc",
  "enable_snmp_rfcv2",
  "enable_snmp_rfcv3",
  "enable_traps",
  "enable_dbus",
  "vrrp_netlink_cmd_rcv_bufs",
  "process_names",
]);

export interface LabFiles {
  /** The flag file whose existence makes the named vrrp_script fail. */
  readonly scriptFlags: ReadonlyMap<string, string>;
  /** The file behind each tracked-file definition. */
  readonly trackFiles: ReadonlyMap<string, string>;
  /** Check scripts to write: path → content. */
  readonly scripts: ReadonlyMap<string, string>;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const quote = (s: string) => `"${s}"`;

/** The text of the lab's copy and the files it uses, under `dir` (the node's own directory). */
export function labConfig(node: ClusterNode, dir: string): { text: string; files: LabFiles } {
  // The file as written: keepalived itself picks the @id lines (the lab passes -i).
  const main = node.config.root;
  if (node.config.files.length > 1)
    throw new LabError(`${node.label}: the lab runs single-file configurations; this one includes ${node.config.files[1]!.path}`);
  const edits: Edit[] = [];
  const scriptFlags = new Map<string, string>();
  const trackFiles = new Map<string, string>();
  const scripts = new Map<string, string>();
  const inMain = (s: Span) => s.file === main;
  const walk = (nodes: readonly Node[], top: boolean) => {
    for (const n of nodes) {
      if (n.kind === "statement" || n.kind === "block") {
        if (DROPPED.has(n.keyword.text) && inMain(n)) {
          edits.push({ start: n.start, end: n.end, text: "" });
          continue;
        }
      }
      if (n.kind !== "block") continue;
      const kw = n.keyword.text;
      const name = n.args[0]?.text ?? "";
      if (top && kw === "vrrp_script") {
        const flag = `${dir}/fail-script-${safe(name)}`;
        const check = `${dir}/check-${safe(name)}.sh`;
        scriptFlags.set(name, flag);
        scripts.set(check, `#!/bin/sh\n# kalint lab: ${name} fails while ${flag} exists\ntest ! -e ${flag}\n`);
        replaceArgs(n, "script", quote(check), edits, main);
      } else if (top && (kw === "vrrp_track_file" || kw === "track_file")) {
        const file = `${dir}/track-file-${safe(name)}`;
        trackFiles.set(name, file);
        replaceArgs(n, "file", quote(file), edits, main);
      } else if (top && kw === "vrrp_track_process") {
        throw new LabError(`${node.label}: vrrp_track_process ${name}: the lab does not run tracked processes yet`);
      }
      walk(n.children, false);
    }
  };
  walk(node.config.raw.children, true);
  edits.sort((a, b) => b.start - a.start);
  let text = main.text;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  // Scripts run as root inside the lab; keepalived would otherwise look for a keepalived_script user.
  text = `global_defs {\n    script_user root\n}\n${text}`;
  return { text, files: { scriptFlags, trackFiles, scripts } };
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, "_");
}

function replaceArgs(block: Block, keyword: string, newText: string, edits: Edit[], main: SourceText): void {
  for (const c of block.children) {
    if (c.kind !== "statement" || c.keyword.text !== keyword || c.file !== main) continue;
    const first = c.args[0];
    const last = c.args[c.args.length - 1];
    if (first && last) edits.push({ start: first.start, end: last.end, text: newText });
    else edits.push({ start: c.keyword.end, end: c.keyword.end, text: ` ${newText}` });
  }
}
