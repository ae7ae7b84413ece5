/**
 * Blocks whose lines are data rather than keywords, keyed by the enclosing block's keyword
 * ("" = top level). keepalived reads these with its value-block reader, so the first word of each
 * line is an item (an address, a script name, a route), not a keyword. This is a fact of the
 * language, needed to shape the tree; everything else about keywords lives in the schema.
 */
const table: Record<string, readonly string[]> = {
  "": ["interface_up_down_delays", "linkbeat_interfaces", "static_ipaddress", "static_routes", "static_rules", "virtual_server_group"],
  global_defs: ["notification_email"],
  vrrp_instance: [
    "track_interface",
    "track_script",
    "track_file",
    "track_process",
    "track_bfd",
    "unicast_peer",
    "virtual_ipaddress",
    "virtual_ipaddress_excluded",
    "virtual_routes",
    "virtual_rules",
  ],
  vrrp_sync_group: ["group", "track_interface", "track_script", "track_file", "track_process", "track_bfd"],
  track_group: ["group"],
  garp_group: ["interfaces"],
};

const valueBlocks = new Map<string, ReadonlySet<string>>(Object.entries(table).map(([k, v]) => [k, new Set(v)]));

export function isValueBlock(parentKeyword: string, keyword: string): boolean {
  return valueBlocks.get(parentKeyword)?.has(keyword) ?? false;
}

export const INCLUDE_DIRECTIVES: ReadonlySet<string> = new Set(["include", "includer", "includem", "includew", "includeb", "includea"]);
