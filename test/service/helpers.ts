/** Builds analysed documents from small in-memory file trees, and finds positions by marker. */
import type { Position } from "vscode-languageserver-types";
import { analyseDocument, type AnalysedDocument } from "../../server/src/service/index.js";
import type { RuleSetting } from "../../grammar/index.js";
import { memoryHost } from "../support/memory-host.js";

export const MAIN = "/etc/keepalived/keepalived.conf";

/** `|` in the text marks the cursor; it is removed before analysis. */
export function docAt(
  marked: string,
  others: Record<string, string> = {},
  rules?: Record<string, RuleSetting>,
): { doc: AnalysedDocument; at: Position } {
  const offset = marked.indexOf("|");
  const text = offset >= 0 ? marked.slice(0, offset) + marked.slice(offset + 1) : marked;
  const doc = docOf(text, others, rules);
  return { doc, at: doc.analysis.config.root.positionAt(Math.max(0, offset)) };
}

export function docOf(text: string, others: Record<string, string> = {}, rules?: Record<string, RuleSetting>): AnalysedDocument {
  const host = memoryHost({ [MAIN]: text, ...others });
  return analyseDocument(MAIN, text, { host, ...(rules ? { rules } : {}) });
}

/** The position of the n-th occurrence (0-based) of `needle`, plus `shift` characters. */
export function posOf(doc: AnalysedDocument, needle: string, n = 0, shift = 0): Position {
  const text = doc.analysis.config.root.text;
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${n + 1} times`);
  }
  return doc.analysis.config.root.positionAt(at + shift);
}

/** The text a range covers. */
export function textOf(doc: AnalysedDocument, range: { start: Position; end: Position }): string {
  const root = doc.analysis.config.root;
  return root.text.slice(root.offsetAt(range.start), root.offsetAt(range.end));
}

export const SCRIPTED = `global_defs {
    enable_script_security
}

vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    interval 2
    weight -20
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    track_script {
        chk_haproxy
    }
    virtual_ipaddress {
        10.0.0.100/24
    }
}

vrrp_instance VI_2 {
    state MASTER
    interface eth1
    virtual_router_id 52
    priority 150
    track_script {
        chk_haproxy weight 10
    }
    virtual_ipaddress {
        10.0.1.100/24
    }
}

vrrp_sync_group SG {
    group {
        VI_1
        VI_2
    }
}
`;
