/**
 * Recognises a keepalived configuration by its content. VS Code's `firstLine` association only
 * applies to files no extension claims, and the built-in Properties language claims every
 * `.conf`, so `master.conf` or `lb1.conf` would otherwise never open as keepalived.
 * No vscode import, so it is unit-tested.
 */

/** Top-level blocks that no other common `.conf` dialect starts a statement with. */
const TOP_LEVEL = new Set([
  "global_defs",
  "vrrp_instance",
  "vrrp_sync_group",
  "vrrp_script",
  "vrrp_track_process",
  "vrrp_track_file",
  "virtual_server",
  "virtual_server_group",
  "static_ipaddress",
  "static_routes",
  "static_rules",
  "garp_group",
  "bfd_instance",
  "linkbeat_interfaces",
]);

/** How far to look: the statements that matter come right after a header comment. */
const MAX_LINES = 200;

/**
 * True when the first statement of the text opens a keepalived top-level block, or a comment
 * before it names keepalived. Definitions (`$X=`), conditionals (`@id`) and includes before
 * that first statement are skipped, as they say nothing about the dialect on their own.
 */
export function looksLikeKeepalived(text: string): boolean {
  const lines = text.split(/\r?\n/, MAX_LINES);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#") || line.startsWith("!")) {
      if (/\bkeepalived\b/i.test(line)) return true;
      continue;
    }
    const statement = line.replace(/^@\^?\S*\s*/, "");
    if (statement === "" || statement.startsWith("$") || /^include[rmwba]?\s/.test(statement)) continue;
    const word = /^[^\s{#!]+/.exec(statement)?.[0] ?? "";
    return TOP_LEVEL.has(word);
  }
  return false;
}
