/**
 * Documentation of the VRRP family (see index.ts for the key format): `vrrp_instance`,
 * `vrrp_sync_group`, `vrrp_script`, `vrrp_track_process`, `track_file` (and its old name
 * `vrrp_track_file`), `track_group` and `bfd_instance`, with everything inside them.
 *
 * Keys are bare names where every position of the name in the schema belongs to this file.
 * Names other families also use (`weight`, `user`, `quorum`, `interface`, `smtp_alert`,
 * `key`, `linkbeat_use_polling`, `v3_checksum_as_v2`, `track_file` inside blocks) and names
 * that mean something different in two of our own blocks (`group`, the `track_*` lists and
 * the `notify*` scripts of instances and sync groups) are keyed "parent > name". The
 * top-level `track_file` is necessarily bare, because a top-level full path is its name;
 * the LVS family keys its `FILE_CHECK > track_file` by parent, so the two never meet.
 */
export const VRRP_DOCS: Readonly<Record<string, string>> = {
  // --- vrrp_instance ---------------------------------------------------------------------
  vrrp_instance:
    "Defines one VRRP virtual router on this node: the interface it speaks on, its `virtual_router_id`, its `priority`, and the addresses (`virtual_ipaddress`) that move to whichever node is MASTER. The name is how sync groups, track groups and notify scripts refer to it; a second block with the same name is skipped.",
  state:
    "Initial state the instance starts in: `MASTER` or `BACKUP` (upper case). The election decides the real state afterwards. When omitted, the instance starts as BACKUP unless its priority is 255. `nopreempt` and `preempt_delay` only work with `BACKUP`; any other word is treated as BACKUP.",
  "vrrp_instance > interface":
    "Network interface the instance sends and receives its adverts on, and where virtual addresses without their own `dev` are placed. Required unless the instance is unicast with a source address. Names must be shorter than 16 characters and the loopback interface is refused.",
  vrf: "VRF device to run a unicast instance in when no `interface` is given (for example with asymmetric routing). It cannot be combined with `interface`, and it is cleared for multicast instances.",
  virtual_router_id:
    "The VRID (1-255) that identifies this virtual router on the wire. Every node of the same virtual router must use the same value, and it must be unique among the instances sharing an interface, address family and multicast group (or unicast peers). It is mandatory: without it keepalived refuses to load the VRRP configuration.",
  priority:
    "Election priority; the highest wins and becomes MASTER. 255 means address owner: such an instance takes over at once and tracking weights cannot lower it. Without `priority` the value is 100, or 255 when `state MASTER` is set. Give each node a distinct value; an invalid one falls back to 100.",
  advert_int:
    "Seconds between VRRP adverts sent by the MASTER (default 1); backups declare it dead after about three intervals. With VRRPv2 it is rounded to whole seconds; with VRRPv3 it is a multiple of 10 ms below 40.96 s. All nodes of the virtual router should use the same interval.",
  version:
    "VRRP protocol version for this instance: 2 (RFC 3768) or 3 (RFC 5798/9568). Defaults to `vrrp_version` from `global_defs`, which is 2; IPv6 instances always run version 3. All nodes of a virtual router must speak the same version.",
  native_ipv6:
    "Forces the instance to be IPv6 even before any address says so. Rarely needed, as the address family is taken from the first virtual address; keepalived refuses it after IPv4 addresses were configured for the instance.",
  dont_track_primary:
    "Keep the instance out of FAULT when its own `interface` goes down or loses its addresses. Useful when link state of that interface is unreliable or when tracking is done another way; other tracked objects still apply.",

  // unicast and multicast
  unicast_peer:
    "Block of peer addresses, one per line, to which adverts are sent by unicast instead of multicast, e.g. where the network drops multicast. Each line is an address of the instance's family, optionally with `min_ttl`/`max_ttl` (0-255) to discard packets whose TTL is outside that range (this also turns on `check_unicast_src`). Not allowed in strict mode.",
  unicast_src_ip:
    "Source address for the instance's unicast adverts, instead of the interface's primary address; also lets a unicast instance run without `interface`. It must be of the instance's family. Without any `unicast_peer` the instance falls back to multicast, a deprecated behaviour (see `unicast_fault_no_peer`).",
  mcast_src_ip:
    "Source address for the instance's multicast adverts, instead of the primary address of the interface; for example to hide the node's real address. It must be of the instance's family.",
  mcast_dst_ip:
    "Multicast group to send and listen for adverts on, instead of the standard 224.0.0.18 or ff02::12 (or the `vrrp_mcast_group4/6` defaults from `global_defs`). This lets the same VRID be reused on one interface. IPv6 groups must have link-local scope; ignored for unicast instances.",
  unicast_ttl:
    "TTL (IPv4) or hop limit (IPv6) put on unicast adverts, 0-255. Only meaningful with `unicast_peer`; without peers it is reset.",
  unicast_fault_no_peer:
    "When a unicast keyword is used but no `unicast_peer` is configured, put the instance in FAULT instead of silently falling back to multicast, which older versions did.",
  check_unicast_src:
    "For unicast instances, accept adverts only when their source address is one of the configured `unicast_peer` addresses. Defaults to `vrrp_check_unicast_src` from `global_defs`.",
  old_unicast_checksum:
    "Compute VRRPv3 unicast checksums the way keepalived 1.3.6 and older did, to interoperate with such nodes. Without it keepalived still detects old-style checksums automatically; the word `never` switches that detection off.",
  track_src_ip:
    "Put the instance into FAULT when its configured source address (`unicast_src_ip`/`mcast_src_ip`) is missing from, or removed from, the system.",
  "vrrp_instance > v3_checksum_as_v2":
    "For VRRPv3 over IPv4, leave the IP pseudo-header out of the checksum, as some vendors (and RFC 9568) do, so the instance interoperates with them. With no argument it means yes; overrides `v3_checksum_as_v2` from `global_defs`.",

  // virtual MAC and ipvlan
  use_vmac:
    "Create a macvlan interface carrying the RFC virtual MAC (00:00:5e:00:01:VRID, or :02: for IPv6) and put the virtual addresses on it, so neighbours need no ARP update on failover. Optional words: the interface name (default `vrrp.VRID`), an explicit MAC (five octets: the VRID is added), `netlink_notify_msg`, `group NAME`. Ethernet interfaces only.",
  use_vmac_addr:
    "With `use_vmac`, also create virtual-MAC interfaces for the other interfaces used by virtual addresses (those with a different `dev`, or excluded addresses of the other family), so each gets a MAC that matches its family.",
  vmac_xmit_base:
    "Send and receive adverts on the parent interface rather than on the virtual-MAC interface. Set automatically for unicast with `use_vmac`; only valid with `use_vmac` and not in strict mode.",
  use_ipvlan:
    "Like `use_vmac`, but creates an L2 ipvlan interface on top of `interface` to hold the virtual addresses. Optional words: the interface name, an address[/prefix] for it (needed for IPv4), the mode `bridge` (default), `private` or `vepa` (the same for all ipvlans of one parent) and `group NAME`.",
  garp_extra_if:
    "Seconds between periodic gratuitous ARP / neighbour adverts sent on the extra interfaces a MASTER uses (VMAC interfaces by default, every interface with `all`), to keep switch MAC caches fresh; 0 turns it off. Defaults to `vrrp_garp_extra_if` in `global_defs`.",
  vmac_garp_intvl: "Old name of `garp_extra_if`, which takes the same arguments; use `garp_extra_if` instead.",

  // tracking
  "vrrp_instance > track_interface":
    "Block of interfaces whose state this instance follows, one per line: `IFNAME [weight N [reverse]]`. Without a weight a down interface puts the instance in FAULT; with a weight the priority is raised (positive) while up or lowered (negative) while down, and `reverse` flips this. The instance's own interface is tracked anyway.",
  "vrrp_instance > track_script":
    "Block of `vrrp_script` names to follow, one per line: `NAME [weight N [reverse|noreverse]]`. The script must be defined above this instance. A weight given here overrides the script's own; weight 0 makes a failing script put the instance in FAULT, otherwise it moves the priority.",
  "vrrp_instance > track_file":
    "Block of `track_file` names to follow, one per line: `NAME [weight N [reverse|noreverse]]`. The number read from the file, times the weight (default: the track_file's own), is added to the priority; with weight 0 a non-zero value means FAULT. The track_file must be defined above.",
  "vrrp_instance > track_process":
    "Block of `vrrp_track_process` names to follow, one per line: `NAME [weight N [reverse|noreverse]]`. Must be defined above. With weight 0 (the default unless the process block sets one) the instance goes to FAULT when too few matching processes run; otherwise the priority moves.",
  "vrrp_instance > track_bfd":
    "Block of `bfd_instance` names to follow, one per line: `NAME [weight N [reverse|noreverse]]`. Must be defined above. With weight 0 a BFD session going down puts the instance in FAULT; otherwise the priority moves by the weight.",
  "vrrp_instance > linkbeat_use_polling":
    "Poll the instance's interface for link state instead of trusting netlink. Deprecated: list the interface in the top-level `linkbeat_interfaces` block instead.",

  // addresses, routes, rules
  virtual_ipaddress:
    "Block of virtual addresses the MASTER adds and a BACKUP removes, one per line in `ip address` style: `ADDR[/PREFIX] [dev IF] [label L] [scope S] [brd A] [no_track] ...`. All must share the instance's family, and they are listed in adverts. A /32 (or /128) is assumed when no prefix is given, which is often not what is wanted.",
  virtual_ipaddress_excluded:
    "Block of extra addresses that move with the instance like `virtual_ipaddress` but are not listed in adverts. Use it for large numbers of addresses, or to add addresses of the other family (IPv4 alongside IPv6). Same per-line syntax.",
  no_virtual_ipaddress:
    "Declares that the instance deliberately has no virtual addresses (for example in clouds where floating IPs are managed elsewhere), silencing the warning and allowing VRRPv3 without addresses. That breaks the protocol for other implementations, and strict mode ignores it.",
  promote_secondaries:
    "Turn on the kernel's `promote_secondaries` for the interface so removing one address does not also remove the other addresses of the same subnet. Set automatically on VMAC and ipvlan interfaces.",
  virtual_routes:
    "Block of routes the MASTER installs and a BACKUP removes, one per line in `ip route` syntax (`[src A] [to] PREFIX via GW dev IF table T metric M ...`, blackhole/unreachable types, nexthops). `no_track` stops a deleted route from forcing the instance out of MASTER.",
  virtual_rules:
    "Block of policy-routing rules the MASTER installs and a BACKUP removes, one per line in `ip rule` syntax (`from`, `to`, `table`, `priority`, `fwmark`, `iif`, ...). Give each rule a `priority`, otherwise keepalived picks one and the order may surprise. `no_track` works as for routes.",

  // preemption and protocol behaviour
  accept:
    "Accept mode: a MASTER that is not the address owner still accepts packets sent to the virtual addresses. This is the default unless strict mode is on; it exists to undo `no_accept` or the strict default.",
  no_accept:
    "Drop packets addressed to the virtual addresses unless this node is the address owner (priority 255), as RFC 3768 expects; the addresses then only serve routing. keepalived installs firewall (nftables/iptables) rules for this. Strict mode implies it.",
  preempt:
    "Let a higher-priority node take over MASTER as soon as it is up. This is already the default; the keyword only undoes an earlier `nopreempt`.",
  nopreempt:
    "Stop this instance from taking MASTER back from a lower-priority node that is already MASTER; it waits until that node fails. Needs `state BACKUP` and a priority below 255. Usually every node sets both `state BACKUP` and `nopreempt`.",
  preempt_delay:
    "Seconds to wait, after startup or after seeing a lower-priority MASTER, before taking over (0-1000, default 0). It only delays, never speeds up. Needs `state BACKUP`; cleared with `nopreempt` or in strict mode.",
  strict_mode:
    "Enforce strict RFC compliance for this instance: no authentication, no unicast, at least one virtual address, `no_accept`, and several timing options forced to their RFC values. Alone it means on; when omitted it follows `vrrp_strict` in `global_defs`.",
  skip_check_adv_addr:
    "Do not re-check the address list of an advert when it comes from the same MASTER as the previous one, saving work with many addresses. Alone it means on; defaults to `vrrp_skip_check_adv_addr` in `global_defs`.",
  down_timer_adverts:
    "Number of missed advert intervals (1-100) before a BACKUP declares the MASTER down, instead of the RFC's 3. Any other value breaks the protocol, so every node of the virtual router must use the same one; strict mode resets it to 3. Defaults to `vrrp_down_timer_adverts`.",
  timer_expired_backup:
    "With `nopreempt`: if keepalived was scheduled so late that another node may already have taken over, go back to BACKUP instead of staying MASTER. The optional number is the highest priority of the other nodes (default 254), tracking weights included.",
  thread_timer_expired: "Old name of `timer_expired_backup`; use `timer_expired_backup` instead.",
  lower_prio_no_advert:
    "When MASTER receives an advert of lower priority, do not answer it with an advert of its own, as the older RFCs require. Alone it means on; defaults to `vrrp_lower_prio_no_advert` in `global_defs` (on in strict mode).",
  higher_prio_send_advert:
    "When MASTER receives an advert of higher priority, send one advert of its own before backing off, so the winner (with `garp_lower_prio_repeat`) re-sends gratuitous ARPs after a split brain. Alone it means on; strict mode clears it.",
  owner_ignore_adverts:
    "Let an address owner (priority 255) ignore adverts from other routers entirely. Only meaningful with priority 255, and strict mode requires it for owners. Alone it means on; defaults to `vrrp_owner_ignore_adverts` in `global_defs`.",
  kernel_rx_buf_size:
    "Receive buffer size in bytes for the instance's VRRP socket, overriding what `vrrp_rx_bufs_policy` in `global_defs` would choose (by default the kernel's own size).",
  debug: "Debug level 0-4 for the instance. Accepted for compatibility but has no effect.",

  // gratuitous ARP timing
  garp_master_delay:
    "Seconds after becoming MASTER before a second burst of gratuitous ARPs / unsolicited neighbour adverts is sent; 0 means no second burst. Defaults to `vrrp_garp_master_delay` in `global_defs` (5).",
  garp_master_repeat:
    "Number of gratuitous ARP / neighbour adverts sent in each burst after becoming MASTER (0 counts as 1). Defaults to `vrrp_garp_master_repeat` in `global_defs` (5).",
  garp_master_refresh:
    "While MASTER, resend gratuitous ARPs / neighbour adverts every this many seconds; 0 (the default from `vrrp_garp_master_refresh`) turns refreshing off.",
  garp_master_refresh_repeat:
    "Number of gratuitous ARPs / neighbour adverts sent at each `garp_master_refresh` (0 counts as 1). Defaults to `vrrp_garp_master_refresh_repeat` in `global_defs` (1).",
  garp_lower_prio_delay:
    "Seconds before a second burst of gratuitous ARPs after a MASTER has received a lower-priority advert (a sign of a past split brain). Defaults to `garp_master_delay`; strict mode forces 0.",
  garp_lower_prio_repeat:
    "Number of gratuitous ARPs a MASTER sends after receiving a lower-priority advert, to reclaim the addresses in switches' tables. Defaults to `garp_master_repeat`; strict mode forces 0.",

  // notification
  "vrrp_instance > notify_master":
    "Program run when the instance becomes MASTER: a path, optionally with arguments (quote the whole command), then optionally the user and group to run it as (default `script_user`). Runs as root only with `enable_script_security` checks passing.",
  "vrrp_instance > notify_backup":
    "Program run when the instance becomes BACKUP; same syntax as `notify_master` (command, optional user and group).",
  "vrrp_instance > notify_fault":
    "Program run when the instance enters FAULT (a tracked interface, script, file, process or BFD failed); same syntax as `notify_master`.",
  "vrrp_instance > notify_stop":
    "Program run when the instance stops because keepalived's VRRP process shuts down; same syntax as `notify_master`.",
  "vrrp_instance > notify":
    "Program run on every state change, after the state-specific notify script. keepalived appends four arguments: `INSTANCE`, the instance name, the new state (`MASTER`, `BACKUP`, `FAULT`, `STOP`, `DELETED`) and the priority. Same syntax as `notify_master`.",
  notify_deleted:
    "Report an instance removed by a reload as `DELETED` to notify scripts and FIFOs rather than as FAULT. With a command after it, that program is also run; same syntax as `notify_master`.",
  notify_master_rx_lower_pri:
    "Program run when a MASTER receives an advert with a lower priority than its own, for example to re-claim a cloud secondary address another node took during a split brain. Same syntax as `notify_master`.",
  "vrrp_instance > notify_priority_changes":
    "Also report changes of this instance's priority (from tracking weights) on the notify FIFOs. Alone it means on.",
  "vrrp_instance > smtp_alert":
    "Send an e-mail to the `notification_email` addresses of `global_defs` on each state change of this instance. Alone it means on; when omitted it follows `smtp_alert`/`smtp_alert_vrrp` in `global_defs`.",
  lvs_sync_daemon_interface:
    "Interface for the IPVS connection-sync daemon tied to this instance. Deprecated: configure `lvs_sync_daemon` in `global_defs` instead, naming this instance there.",

  // legacy authentication
  authentication:
    "Block with the legacy VRRPv2 authentication (`auth_type`, `auth_pass`). RFC 3768 dropped it and it is ignored with VRRPv3 or strict mode; all nodes must agree. For real protection use `auth_hmac`, which replaces this block when both are present.",
  auth_type:
    "Legacy authentication method: `PASS` (clear-text password in each advert) or `AH` (IPsec AH header; IPv4 only, and an initial `state MASTER` below priority 255 is reset to BACKUP). Needs `auth_pass`, otherwise authentication is off.",
  auth_pass:
    "Shared password for legacy authentication; only the first 8 characters are used, and it travels in clear text. Must be identical on every node.",

  // HMAC authentication
  auth_hmac:
    "Block enabling keepalived's HMAC-SHA256 advert authentication with replay protection. It works with either protocol version and address family, multicast or unicast, and matters most for unicast, where the TTL 255 check does not protect. It contains the shared `key`s, `active_key`, `anti_replay`, `time_window` and `mode`. Not combinable with `authentication`; a second block is ignored.",
  "auth_hmac > key":
    "A shared signing key: an id (1-255) then the secret, given as an ASCII string, as `hex:` bytes, or as `file:PATH` to read it from a file. Decoded length 32-64 bytes, ids unique. Several keys allow rotation without downtime.",
  active_key: "Id of the `key` used to sign outgoing adverts; it must be defined. Switch it node by node to rotate keys.",
  time_window:
    "Freshness window in seconds (1-300) for `anti_replay time`: adverts with older timestamps are rejected. Defaults to three advert intervals, at least 5 seconds.",
  anti_replay:
    "Replay protection style: `time` (default) rejects adverts outside `time_window` and needs synchronised clocks (NTP); `monotonic` only requires sequence numbers to keep growing.",
  mode: "`enforce` (default) accepts only signed adverts. `permissive` also accepts unsigned ones, and `receive-only` additionally signs nothing: use them in that order to roll authentication out without downtime. Strict mode forces `enforce`.",

  // --- vrrp_sync_group -------------------------------------------------------------------
  vrrp_sync_group:
    "Groups VRRP instances that must change state together: when one member goes to FAULT or BACKUP, all do, so related addresses (for example inside and outside a router) stay on one node. Members' own tracking weights are ignored unless `sync_group_tracking_weight` is set.",
  "vrrp_sync_group > group":
    "Block of member `vrrp_instance` names, one per line. An instance can belong to only one sync group, unknown names are dropped, and a group with a single member is almost certainly a mistake.",
  "vrrp_sync_group > track_interface":
    "Block of interfaces, one per line (`IFNAME [weight N [reverse]]`), tracked on behalf of every member of the group. Do not also track the same interface on a member instance.",
  "vrrp_sync_group > track_script":
    "Block of `vrrp_script` names, one per line (`NAME [weight N [reverse|noreverse]]`), whose result applies to every member of the group. Scripts must be defined above; unweighted entries put the whole group in FAULT when they fail.",
  "vrrp_sync_group > track_file":
    "Block of `track_file` names, one per line (`NAME [weight N [reverse|noreverse]]`), applied to every member of the group. The track_file must be defined above; the weight defaults to the track_file's own.",
  "vrrp_sync_group > track_process":
    "Block of `vrrp_track_process` names, one per line (`NAME [weight N [reverse|noreverse]]`), applied to every member of the group. They must be defined above.",
  "vrrp_sync_group > track_bfd":
    "Block of `bfd_instance` names, one per line (`NAME [weight N [reverse|noreverse]]`), applied to every member of the group. They must be defined above.",
  "vrrp_sync_group > notify_master":
    "Program run when the whole group becomes MASTER: a command, optionally quoted with arguments, then an optional user and group to run it as.",
  "vrrp_sync_group > notify_backup": "Program run when the group becomes BACKUP; same syntax as the group's `notify_master`.",
  "vrrp_sync_group > notify_fault":
    "Program run when the group enters FAULT because a member or a group tracker failed; same syntax as the group's `notify_master`.",
  "vrrp_sync_group > notify_stop":
    "Program run when the group stops as keepalived's VRRP process shuts down; same syntax as the group's `notify_master`.",
  "vrrp_sync_group > notify":
    "Program run on every state change of the group, after the state-specific script, with four arguments appended: `GROUP`, the group name, the new state and a priority value. Same syntax as the group's `notify_master`.",
  "vrrp_sync_group > smtp_alert":
    "Send an e-mail to the `notification_email` addresses on each state change of the group. Alone it means on; when omitted it follows `smtp_alert`/`smtp_alert_vrrp` in `global_defs`.",
  "vrrp_sync_group > notify_priority_changes": "Report priority changes of the group's members on the notify FIFOs. Alone it means on.",
  global_tracking:
    "Made members share one tracking policy. Deprecated: put `track_interface`, `track_script` or `track_file` on the sync group itself, or use `sync_group_tracking_weight` if members must keep their own weights.",
  sync_group_tracking_weight:
    "Allow weighted trackers on the group's member instances instead of ignoring their weights. Risky: members may end up MASTER on different nodes, which defeats the group.",

  // --- vrrp_script -----------------------------------------------------------------------
  vrrp_script:
    "Defines a health-check command run at a fixed interval; instances and sync groups follow it with `track_script`. Exit status 0 is success. A script nobody tracks is not run, and a block without `script` is dropped. Running scripts as root needs `enable_script_security`.",
  script:
    "Command to run: a path plus arguments, or the whole command in quotes. Exit status 0 counts as success, anything else (or a timeout) as failure.",
  interval: "Seconds between runs of the script, with millisecond resolution (default 1; 0 counts as 1).",
  timeout: "Seconds a run may take before it is counted as a failure, millisecond resolution. Defaults to the `interval`; 0 counts as 1.",
  "vrrp_script > weight":
    "Default weight for instances tracking this script (-253 to 253, default 0). With 0 a failing script puts them in FAULT; a positive weight is added to the priority while the script succeeds, a negative one subtracted while it fails, and `reverse` turns this around. A weight on the `track_script` line overrides it.",
  rise: "Consecutive successful runs needed before a failed script is considered OK again (default 1).",
  fall: "Consecutive failed runs needed before an OK script is considered failed (default 1).",
  "vrrp_script > user":
    "User, and optionally group (default: the user's group), to run the script as. Without it the `script_user` of `global_defs` is used, else `keepalived_script` if that user exists, else root.",
  init_fail: "Start with the script in the failed state, so tracking instances wait for `rise` successes before counting it as OK.",

  // --- vrrp_track_process ----------------------------------------------------------------
  vrrp_track_process:
    "Watches for a running process (like `pgrep` but event-driven, without polling) so instances and sync groups can follow it with `track_process`, e.g. haproxy or nginx. Counts matching processes against `quorum`/`quorum_max`. A block without `process` is dropped.",
  process:
    "Process to look for. Without arguments it is compared exactly (no regular expression) with the process name in `/proc/PID/comm`; give parameters after it to require them, which also compares the full command line. Quote a name containing spaces.",
  param_match:
    "How the parameters after `process` are compared: `partial` means the first ones given must match, `initial` also lets the last one be a prefix; alone it means an exact match, which with no parameters requires the process to have none.",
  "vrrp_track_process > weight":
    "Default weight for instances tracking this process (default 0). With 0 the instances go to FAULT while the process check fails; a positive weight is added while it passes, a negative one subtracted while it fails; `reverse` turns this around.",
  "vrrp_track_process > quorum": "Minimum number of matching processes for the check to pass (default 1). Must not exceed `quorum_max`.",
  quorum_max:
    "Maximum number of matching processes for the check to pass (default unlimited); e.g. 1 fails when two copies run (mind short-lived forks, see `fork_delay`). 0 means the check passes only when no matching process runs at all.",
  delay: "Sets both `terminate_delay` and `fork_delay` to this many seconds, to ride out a process restart without a failover.",
  terminate_delay:
    "Seconds to wait after the process count drops below quorum before declaring the check failed, so a quick restart does not cause a failover.",
  fork_delay:
    "Seconds to wait after the count reaches quorum because of a fork before declaring the check passed, so a brief fork/exec does not cause flapping.",
  full_command: "Compare `process` with the full command line (`/proc/PID/cmdline`, like `pgrep -f`) instead of the process name.",

  // --- track_file ------------------------------------------------------------------------
  track_file:
    "Defines a file whose numeric content instances and sync groups follow with `track_file` (real servers with FILE_CHECK). The file is re-read whenever it changes; the value times the weight is added to the priority, or with weight 0 any non-zero value means failure. A block without `file` is dropped.",
  vrrp_track_file: "Old name of the `track_file` block, with the same contents; write `track_file` instead.",
  file: "Path of the file to watch. Its directory must exist; the file itself may be created by `init_file`.",
  "track_file > weight":
    "Multiplier applied to the number read from the file (default 1). With weight 0 the file acts as a switch: 0 is OK, anything else FAULT. A result below -253 puts tracking instances in FAULT; `reverse` negates the result.",
  "vrrp_track_file > weight":
    "Multiplier applied to the number read from the file (default 1); 0 makes any non-zero value a failure, and `reverse` negates the result. Same as in `track_file`.",
  init_file:
    "Create the file at startup with the given value (default 0) if it does not exist; with `overwrite`, replace whatever is already in it.",

  // --- track_group -----------------------------------------------------------------------
  track_group:
    "Names a set of VRRP instances that static addresses, routes and rules can refer to with `track_group NAME`: if such a static entry is deleted and cannot be restored, those instances go to FAULT. A group without members is dropped.",
  "track_group > group":
    "Block of `vrrp_instance` names, one per line, that follow the static addresses, routes and rules using this track group.",

  // --- bfd_instance ----------------------------------------------------------------------
  bfd_instance:
    "Defines a BFD session (RFC 5880) with a neighbour, giving sub-second detection of a dead path. VRRP instances follow it with `track_bfd`, real servers with `BFD_CHECK`. The name must be unique and shorter than 32 characters.",
  neighbor_ip:
    "Address of the BFD peer. Required: without it the session is disabled. Each neighbour (with the same source address) may appear in only one `bfd_instance`.",
  neighbour_ip: "British spelling of `neighbor_ip`; both are accepted and mean the same.",
  source_ip:
    "Local address to send BFD packets from. Optional, but it must be of the neighbour's family, and setting it ensures the session uses a valid local address.",
  min_rx:
    "Slowest rate, in milliseconds between packets, at which this node is willing to receive BFD control packets (microsecond resolution, default 10). Values above 10 seconds draw a warning.",
  min_tx:
    "Desired interval in milliseconds between BFD control packets this node sends while the session is up (microsecond resolution, default 10).",
  idle_tx: "Interval in milliseconds between BFD packets while the session is not up (default 1000, minimum 1000).",
  multiplier: "How many consecutive control packets may be lost before the BFD session is considered down (default 5).",
  passive: "Do not start the session; wait for the neighbour to send first. By default the session is active.",
  ttl: "TTL (IPv4) or hop limit (IPv6) put on outgoing BFD packets (default 255 for IPv4, 64 for IPv6).",
  hoplimit: "Another name for `ttl`; both set the TTL / hop limit of outgoing BFD packets.",
  max_hops:
    "How much the TTL of received packets may have dropped (default 0: the neighbour must be directly connected). A value of 255 turns the check off. It is capped at `ttl`.",
  multihop:
    "Use the multi-hop BFD port 4784 (RFC 5883) instead of 3784; set `max_hops` too when the neighbour is several hops away. Alone it means on.",
  "bfd_instance > weight":
    "Default weight for VRRP instances tracking this session (-253 to 253, default 0). With 0 a down session puts them in FAULT; a positive weight is added while up, a negative one subtracted while down; `reverse` turns this around.",
  vrrp: "Deliver this session's up/down events only to the VRRP process, not to the health checker. By default both receive them.",
  checker:
    "Deliver this session's up/down events only to the health-checker process (for `BFD_CHECK`), not to VRRP. By default both receive them.",
};
