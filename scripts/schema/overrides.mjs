// Facts the keyword reference states only in prose, written out here as argument kinds.
// Keys are a keyword's full path ("a > b > name") or its bare name (every position);
// generate.mjs refuses a key that names no keyword.

const any = (name) => ({ args: [{ name, kind: { type: "any" } }], allowsExtra: true });

/** Keywords whose first argument is one word of a fixed set. */
export const ENUMS = {
  "vrrp_instance > state": { name: "STATE", values: ["MASTER", "BACKUP"] },
  auth_type: { name: "TYPE", values: ["PASS", "AH"] },
  lb_algo: { name: "SCHEDULER", values: ["rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos"] },
  lvs_sched: { name: "SCHEDULER", values: ["rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos"] },
  lb_kind: { name: "METHOD", values: ["NAT", "DR", "TUN"], allowsExtra: true },
  lvs_method: { name: "METHOD", values: ["NAT", "DR", "TUN"], allowsExtra: true },
  sorry_server_lvs_method: { name: "METHOD", values: ["NAT", "DR", "TUN"], allowsExtra: true },
  "virtual_server > protocol": { name: "PROTOCOL", values: ["TCP", "UDP", "SCTP"], caseInsensitive: true },
  ip_family: { name: "FAMILY", values: ["inet", "inet6"] },
  "virtual_server > real_server > DNS_CHECK > type": {
    name: "TYPE",
    values: ["A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY"],
    caseInsensitive: true,
  },
  http_protocol: { name: "VERSION", values: ["1.0", "1.1", "1.0C", "1.0c"] },
  anti_replay: { name: "CLOCK", values: ["time", "monotonic"] },
  "vrrp_instance > auth_hmac > mode": { name: "MODE", values: ["enforce", "permissive", "receive-only"] },
};

/** Argument lists the derivation from prose would get wrong. */
export const OVERRIDES = {
  smtp_server: {
    args: [
      { name: "HOST", kind: { type: "host" } },
      { name: "PORT", kind: { type: "integer", min: 1, max: 65535 }, optional: true },
    ],
  },
  persistence_granularity: { args: [{ name: "MASK", kind: { type: "string" } }] },
  vrrp_garp_extra_if: any("SECONDS"),
  vrrp_vmac_garp_intvl: any("SECONDS"),
  garp_extra_if: any("SECONDS"),
  vmac_garp_intvl: any("SECONDS"),
  lvs_timeouts: any("TIMEOUTS"),
  vrrp_rx_bufs_policy: any("POLICY"),
  "vrrp_instance > auth_hmac > key": {
    args: [
      { name: "KEY_ID", kind: { type: "integer", min: 1, max: 255 } },
      { name: "KEY", kind: { type: "string" } },
    ],
    allowsExtra: true,
  },
  script_user: {
    args: [
      { name: "USER", kind: { type: "name" } },
      { name: "GROUP", kind: { type: "name" }, optional: true },
    ],
  },
  notification_email_from: { args: [{ name: "ADDRESS", kind: { type: "string" } }] },
  helo_name: { args: [{ name: "NAME", kind: { type: "string" } }] },
  "vrrp_track_process > process": { args: [{ name: "PROCESS", kind: { type: "string" } }], allowsExtra: true },
  max_auto_priority: { args: [{ name: "PRIORITY", kind: { type: "integer", min: -1, max: 99 }, optional: true }] },
  // keepalived replaces 0 by 1 and reports it.
  smtp_connect_timeout: { args: [{ name: "SECONDS", kind: { type: "integer", min: 1, max: 4294 } }] },
  dynamic_interfaces: { args: [{ name: "OPTION", kind: { type: "enum", values: ["allow_if_changes"] }, optional: true }] },
  // Argument lists that keepalived reads itself (see server/src/validate/servers.ts).
  virtual_server: {},
  real_server: {},
  sorry_server: {},
  virtual_server_group: { args: [{ name: "NAME", kind: { type: "name" } }] },
};

// Counts keepalived reports when 0 and replaces by 1, so 0 is out of range here.
const repeats = { args: [{ name: "NUMBER", kind: { type: "integer", min: 1, max: 4294967295 } }] };
for (const name of ["garp_master_repeat", "garp_master_refresh_repeat", "vrrp_garp_master_repeat", "vrrp_garp_master_refresh_repeat"])
  OVERRIDES[name] = repeats;

// Real-time priorities: keepalived reports one outside SCHED_RR's range (1..99 on Linux) and
// uses the nearest bound (found by the differential's number sweep, every release).
const rtPriority = { args: [{ name: "PRIORITY", kind: { type: "integer", min: 1, max: 99 } }] };
for (const name of ["vrrp_rt_priority", "checker_rt_priority", "bfd_rt_priority"]) OVERRIDES[name] = rtPriority;

// vrrp_script timers: keepalived reports 0 and uses 1 second instead, so 0 is out of range here.
const scriptSeconds = { args: [{ name: "SECONDS", kind: { type: "decimal", min: 0.001, max: 4294, decimals: 3 } }] };
OVERRIDES["vrrp_script > interval"] = scriptSeconds;
OVERRIDES["vrrp_script > timeout"] = scriptSeconds;

/**
 * First releases the reference dates too late (it dates a keyword by the first release with its
 * current handler), found by the differential's sweep of newer keywords against 2.0.19.
 */
export const SINCE = {
  // Installed with the handler of lb_kind since 1.3.0; 2.1.0 gave it a handler of its own.
  "virtual_server > lvs_method": "1.3.0",
};

/** Keywords that may be given several times in one block, each adding to the setting. */
export const REPEATABLE = new Set(["vrrp_instance > auth_hmac > key", "lvs_timeouts", "status_code", "regex_options", "include_check"]);

/**
 * Keywords whose value keepalived 2.2.7 requires though the reference reads it as optional:
 * without it keepalived reports the line (so `keepalived -t` exits 5) and ignores it. Found
 * by the differential's keyword sweep (test/differential/keyword-sweep.ts).
 */
export const REQUIRED_ARG = new Set([
  "startup_script",
  "shutdown_script",
  "default_interface",
  "lvs_sync_daemon",
  "vrrp_cpu_affinity",
  "checker_cpu_affinity",
  "bfd_cpu_affinity",
  "notify_fifo",
  "notify_fifo_script",
  "vrrp_notify_fifo",
  "vrrp_notify_fifo_script",
  "lvs_notify_fifo",
  "lvs_notify_fifo_script",
  "dbus_service_name",
  "tmp_config_directory",
  "virtualhost",
  "virtual_server > real_server > MISC_CHECK > user",
  // Found by the sweep of 2.3.3: "dbus_no_interface_name missing - ignoring".
  "dbus_no_interface_name",
  // 2.2.8 and later report an empty regex (before, it was only logged: schema/dated.ts).
  "regex",
]);

/** The same, where keepalived reads the missing word anyway and stops reading the file (exit 2). */
export const FATAL_MISSING = new Set(["lvs_process_name", "umask", "vrrp_script > user"]);

/** Keywords the reference calls fatal when empty, whose handler only logs the line (not an error) and ignores it. */
export const MISSING_IS_HARMLESS = new Set(["regex_min_offset", "regex_max_offset"]);

/** Keywords the reference calls fatal when empty, whose handler reports the line and goes on reading. */
export const MISSING_IS_NOT_FATAL = new Set(["regex"]);

/**
 * Keywords whose handler reads the first word only and ignores the rest without a word (checked
 * in keepalived 2.2.8's handlers: they use strvec_slot 1, set_value or a presence check, nothing
 * more), so further words are extra-argument. Kinds derived as free text would let them pass.
 */
export const ONE_WORD = new Set([
  "global_defs > process_name",
  "global_defs > vrrp_process_name",
  "global_defs > checker_process_name",
  "global_defs > bfd_process_name",
  "global_defs > router_id",
  "global_defs > smtp_helo_name",
  "global_defs > default_interface",
  "global_defs > lvs_flush_on_stop",
  "global_defs > lvs_flush_onstop",
  "global_defs > dbus_service_name",
  "global_defs > vmac_prefix",
  "global_defs > vmac_addr_prefix",
  "global_defs > reload_check_config",
  "global_defs > reload_file",
  "global_defs > config_save_dir",
  "garp_group > interface",
  "vrrp_instance > old_unicast_checksum",
  "vrrp_instance > interface",
  "vrrp_instance > vrf",
  "vrrp_instance > lvs_sync_daemon_interface",
  "vrrp_instance > authentication > auth_pass",
  "vrrp_track_process > param_match",
  "virtual_server > persistence_engine",
  "virtual_server > real_server > SMTP_CHECK > bind_if",
  "virtual_server > real_server > SMTP_CHECK > host > bind_if",
  "virtual_server > real_server > TCP_CHECK > bind_if",
  "virtual_server > real_server > PING_CHECK > bind_if",
  "virtual_server > real_server > UDP_CHECK > bind_if",
  "virtual_server > real_server > HTTP_GET > bind_if",
  "virtual_server > real_server > SSL_GET > bind_if",
  "virtual_server > real_server > DNS_CHECK > bind_if",
  "virtual_server > real_server > DNS_CHECK > name",
  "virtual_server > real_server > FILE_CHECK > track_file",
  "track_file > file",
  "vrrp_track_file > file",
]);
