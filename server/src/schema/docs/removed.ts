/**
 * Documentation of keywords keepalived no longer accepts (it now reports them as unknown).
 * Keyed by bare name: each says what the keyword used to do and what to write today, so a
 * hover or `kalint explain` on an old configuration tells the user how to migrate it.
 */
export const REMOVED_DOCS: Readonly<Record<string, string>> = {
  sync_instance:
    "Early `vrrp_instance` keyword naming another instance whose state this one should follow. Replaced by the `vrrp_sync_group` block, which lists all instances that must change state together, e.g. `vrrp_sync_group G1 { group { VI_1 VI_2 } }`.",
  real_group:
    "Used inside a `virtual_server` to pull in the real servers of a named `real_server_group`. There is no replacement: write the `real_server` blocks in each virtual_server (an `include` file can share them between virtual servers).",
  real_server_group:
    "Top-level block that defined a named, reusable set of real servers with their weights, referenced from virtual servers with `real_group`. There is no replacement: write the `real_server` blocks in each virtual_server, sharing them through `include` if needed. Not to be confused with `virtual_server_group`, which groups virtual addresses.",
  "CI-LINUX":
    "Health checker that asked the Cluster Infrastructure for Linux (CI) membership service whether a real server's node was up. Dropped without a direct successor; a `MISC_CHECK` running a script can make the same test.",
  lvs_id: "Old `global_defs` keyword naming this node in alert e-mails. It was renamed: write `router_id` with the same value.",
  nat_mask:
    "Old `virtual_server` keyword giving a netmask for masquerading real servers, used only by the firewall code of 2.2-era kernels and ignored long before it was removed. Delete the line: IPVS NAT needs no mask from keepalived.",
  plugin_dir:
    "Old `global_defs` keyword naming a directory of plugin modules; keepalived only stored and logged the value and never loaded plugins. Delete the line; nothing replaces it.",
};
