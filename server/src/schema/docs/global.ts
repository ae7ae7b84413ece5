/**
 * Documentation of the global keywords (see index.ts for the key format): the top-level
 * statements outside the VRRP/LVS/BFD families, everything inside `global_defs`, and the
 * `garp_group` and `SSL` blocks.
 *
 * Keys are bare names where every position of the name in the schema belongs to this file.
 * Names that other blocks use too (`smtp_alert`, `v3_checksum_as_v2`, `interface`, `key`)
 * are keyed "parent > name" so another family's bare key can never shadow them, nor ours
 * theirs. A top-level keyword's full path is its bare name, so `linkbeat_use_polling`
 * necessarily looks bare; its vrrp_instance position is documented by the VRRP family.
 */
export const GLOBAL_DOCS: Readonly<Record<string, string>> = {
  // --- top-level statements -------------------------------------------------------------
  linkbeat_use_polling:
    "Detect link loss on every interface keepalived uses by polling the driver (MII, ethtool or ioctl) instead of relying on netlink link-state messages. Useful with drivers whose carrier reports are unreliable. To poll only some interfaces, list them in `linkbeat_interfaces` instead.",
  net_namespace:
    "Run all keepalived processes inside the named network namespace, which must already exist (for example made with `ip netns add`). The namespace name is appended to the syslog identity and pid files go to a private run directory. Only the first definition counts, and a reload cannot change it: restart keepalived to move it.",
  net_namespace_ipvs:
    "Program IPVS (virtual and real servers) in another network namespace than the one keepalived runs in, so load-balanced traffic and health-check traffic can be kept apart. Without a name the default (initial) namespace is used.",
  namespace_with_ipsets:
    "Allow ipsets while running in a network namespace on kernels older than 3.13. Such kernels' ipsets are not namespace-aware, so keepalived normally avoids them there; current kernels do not need this.",
  use_pid_dir:
    "Keep keepalived's pid files in a `keepalived` subdirectory of the run directory (e.g. `/run/keepalived/`) instead of directly in the run directory.",
  instance:
    "Give this keepalived daemon a name so several daemons can run side by side in one network namespace: the name becomes part of the pid file names (and, with `data_use_instance`, of the dump file names). Only the first definition counts, and a reload cannot change it.",
  child_wait_time:
    "Seconds the parent process waits for its VRRP, checker and BFD children to exit when keepalived stops. The default is 5; a huge configuration may need longer to tear down.",
  global_defs:
    "Block of daemon-wide settings: the node's identity (`router_id`), e-mail alerting, defaults for every VRRP instance (multicast groups, gratuitous ARP timing, version, strict mode), firewall integration (nftables/iptables), process names and scheduling, SNMP and D-Bus, notification FIFOs, script security and reload behaviour. It takes no name.",

  // --- process names --------------------------------------------------------------------
  process_names:
    "Give each keepalived process its standard name (`keepalived` for the parent, `keepalived_vrrp`, `keepalived_ipvs` and `keepalived_bfd` for the children) so `ps` and `top` show which is which. Without it every process carries the parent's name.",
  process_name:
    "Process name shown by `ps`/`top` for the parent keepalived process; handy when several keepalived daemons run on one host. The children are named with `vrrp_process_name`, `checker_process_name` and `bfd_process_name`.",
  vrrp_process_name: "Process name of the VRRP child process (`keepalived_vrrp` when `process_names` is used).",
  checker_process_name: "Process name of the health-checker (IPVS) child process (`keepalived_ipvs` when `process_names` is used).",
  lvs_process_name:
    "Old name of `checker_process_name`: sets the process name of the health-checker child. Write `checker_process_name` instead.",
  bfd_process_name: "Process name of the BFD child process (`keepalived_bfd` when `process_names` is used).",

  // --- scripts --------------------------------------------------------------------------
  use_symlink_paths:
    "Run scripts through the path exactly as configured, symbolic links included. By default keepalived resolves symlinks and checks and runs the real file. The keyword alone means yes.",
  set_supplementary_groups:
    "Give script processes the supplementary groups of the user they run as, not only its primary group; by default keepalived does not set them. The keyword alone means yes.",
  script_user:
    "Default user, and optionally group, for scripts that do not name their own. Without it keepalived uses the `keepalived_script` user if that account exists, otherwise the user keepalived runs as (normally root).",
  enable_script_security:
    "Refuse to run a script as root when someone other than root could modify the script or any directory leading to it, and never fall back to root as the default script user. Recommended whenever scripts are configured: without it, scripts that would run as root draw a security warning and make `keepalived -t` fail.",
  startup_script:
    "Command the parent process runs once at start-up, before the VRRP, checker and BFD processes begin; typically used to create firewall chains or fwmark rules the configuration relies on. Arguments may follow the path (quote the whole command when it contains spaces) and an optional user and group may come last. Only one startup script is allowed.",
  startup_script_timeout:
    "Seconds `startup_script` may run before keepalived kills it, so a hanging script cannot block start-up. Default 10.",
  shutdown_script:
    "Command the parent process runs once when keepalived stops, after all its children have exited, usually to undo what `startup_script` set up. An optional user and group may come last. Only one shutdown script is allowed.",
  shutdown_script_timeout: "Seconds `shutdown_script` may run before keepalived kills it. Default 10.",

  // --- identity and e-mail alerts -------------------------------------------------------
  router_id:
    "Name identifying this node in e-mail alerts and SNMP data; it does not have to be the host name, which is the default. Unrelated to VRRP's `virtual_router_id`. Very old configurations call it `lvs_id`.",
  notification_email_from:
    'Sender (From:) address of alert e-mails. Give one address; to add a display name, quote the whole value, e.g. `"Keepalived <ka@example.com>"`. Defaults to `keepalived@` followed by the local host name.',
  smtp_server:
    "Mail relay for alert e-mails: an IP address or host name, optionally followed by a port (25 when omitted). Nothing is mailed unless recipients are listed in `notification_email` and alerts are enabled with `smtp_alert`.",
  smtp_helo_name: "Name keepalived announces in its SMTP HELO greeting. Defaults to the local host name.",
  smtp_connect_timeout:
    "Seconds to wait for the SMTP server to accept a connection before an alert e-mail is given up. Default 30; 0 is taken as 1.",
  notification_email:
    'Block listing the recipients of alert e-mails, separated by spaces or new lines. An address with a display name must be quoted as a whole, e.g. `"Ops <ops@example.com>"`.',
  "global_defs > smtp_alert":
    "Default for e-mail alerts everywhere: whether VRRP instances, sync groups and checkers that do not set `smtp_alert` themselves send a mail on state changes. `smtp_alert_vrrp` and `smtp_alert_checker` take precedence for their process. Off unless set; the keyword alone means on.",
  smtp_alert_vrrp:
    "Default e-mail alert setting for VRRP instances and sync groups that do not set `smtp_alert` themselves; overrides the global `smtp_alert` for VRRP. The keyword alone means on.",
  smtp_alert_checker:
    "Default e-mail alert setting for virtual and real servers that do not set `smtp_alert` themselves; overrides the global `smtp_alert` for the health checker. The keyword alone means on.",
  no_email_faults: "Send no e-mail when a VRRP instance or sync group enters FAULT state; other transitions are still mailed.",
  checker_log_all_failures:
    "Log every failed health check of a real server, not only the one that finally marks it down. E-mail is still sent only when the server changes state. The keyword alone means on.",
  no_checker_emails:
    "Do not e-mail each real-server state change found by a health checker; mail only when a real server is added to or removed from a virtual server.",
  rs_init_notifies:
    "Report the initial state of real servers when the checker starts (notify scripts, FIFO, e-mail), instead of only later changes. The keyword alone means on.",

  // --- process priority, memory and CPU -------------------------------------------------
  max_auto_priority:
    "Upper bound for keepalived raising its own scheduling priority when it notices it runs late after a timer expired (it first switches to realtime SCHED_RR, then raises the realtime priority step by step). 0, the default, disables the automatic increase; -1 also silences the start-up warning about it; the keyword without a value allows the system maximum.",
  min_auto_priority_delay:
    "How late, in microseconds after a timer was due, a process must run before `max_auto_priority` raises its priority. Default 1000000 (one second).",
  vrrp_priority:
    "Nice value of the VRRP process, from -20 (most favoured) to 19. A negative value helps adverts go out on time on a busy host.",
  checker_priority: "Nice value of the health-checker process, from -20 (most favoured) to 19.",
  bfd_priority: "Nice value of the BFD process, from -20 (most favoured) to 19.",
  vrrp_no_swap: "Lock the VRRP process in memory so it is never swapped out; paging delays could make it miss adverts.",
  checker_no_swap: "Lock the health-checker process in memory so it is never swapped out.",
  bfd_no_swap: "Lock the BFD process in memory so it is never swapped out.",
  vrrp_rt_priority:
    "Run the VRRP process with realtime (SCHED_RR) scheduling at this priority, normally 1 to 99; values beyond the system's range are clamped. Protects advert timing on loaded machines; see also `vrrp_rlimit_rttime`.",
  checker_rt_priority:
    "Run the health-checker process with realtime (SCHED_RR) scheduling at this priority, normally 1 to 99; values beyond the system's range are clamped.",
  bfd_rt_priority:
    "Run the BFD process with realtime (SCHED_RR) scheduling at this priority, normally 1 to 99; values beyond the system's range are clamped.",
  vrrp_cpu_affinity: "Pin the VRRP process to the listed CPUs (numbers as in `/proc/cpuinfo`).",
  checker_cpu_affinity: "Pin the health-checker process to the listed CPUs (numbers as in `/proc/cpuinfo`).",
  bfd_cpu_affinity: "Pin the BFD process to the listed CPUs (numbers as in `/proc/cpuinfo`).",
  vrrp_rlimit_rttime:
    "Microseconds of CPU a realtime VRRP process may use without blocking (its RLIMIT_RTTIME) before the kernel stops it; a guard against a runaway realtime process. Default 10000; raise it on slow CPUs.",
  checker_rlimit_rttime: "Microseconds of CPU a realtime health-checker process may use without blocking (RLIMIT_RTTIME). Default 10000.",
  bfd_rlimit_rttime: "Microseconds of CPU a realtime BFD process may use without blocking (RLIMIT_RTTIME). Default 10000.",
  vrrp_rlimit_rtime: "Misspelt older form of `vrrp_rlimit_rttime`, with the same meaning. Write `vrrp_rlimit_rttime`.",
  checker_rlimit_rtime: "Misspelt older form of `checker_rlimit_rttime`, with the same meaning. Write `checker_rlimit_rttime`.",
  bfd_rlimit_rtime: "Misspelt older form of `bfd_rlimit_rttime`, with the same meaning. Write `bfd_rlimit_rttime`.",

  // --- VRRP defaults --------------------------------------------------------------------
  dynamic_interfaces:
    "Accept interfaces that do not exist yet, or that disappear and return later, instead of refusing to start VRRP; also allows static and virtual routes and rules on VMAC interfaces. With `allow_if_changes` an interface may even come back as another type or on another parent; in that mode duplicate VRIDs found at start-up are only logged.",
  default_interface:
    "Interface used for static addresses (and VIPs) written without `dev`. When not set, `eth0` is assumed, and an address without `dev` on a host lacking that interface is a fatal error.",
  disable_local_igmp:
    "Stop the kernel sending IGMP reports for link-local groups (224.0.0.0/24) by turning off its `igmp_link_local_mcast_reports` setting; an alternative to having the firewall move such reports off VMAC interfaces. Fails on kernels without that setting (before Linux 4.3).",
  "global_defs > v3_checksum_as_v2":
    "For VRRPv3 over IPv4, compute the checksum without the IP pseudo-header, as some vendors (Cisco, Juniper) do and as RFC 9568 asks. keepalived includes the pseudo-header by default. Sets the default for instances that do not choose themselves.",
  vrrp_mcast_group4:
    "IPv4 multicast group VRRP adverts are sent to. The standard 224.0.0.18 is the default and rarely worth changing; every router of a VRID must use the same group.",
  vrrp_mcast_group6:
    "IPv6 multicast group VRRP adverts are sent to; default `ff02::12`. Use a link-local scope group; every router of a VRID must use the same one.",
  vrrp_version:
    "VRRP version for instances that do not set `version`: 2 (RFC 3768) or 3 (RFC 5798/9568). Default 2, but instances with IPv6 addresses always use 3. All routers of one VRID must speak the same version.",
  vrrp_strict:
    "Enforce strict RFC behaviour in every instance that does not set `strict_mode`: authentication, unicast peers, `preempt_delay`, instances without VIPs, `state MASTER` below priority 255 and repeated gratuitous ARPs are refused or reset, and no-accept mode needs a firewall (nftables/iptables). Often copied from examples without need, after which no-accept filtering makes the VIPs unreachable; enable it only when required.",
  vrrp_check_unicast_src:
    "In unicast mode, accept an advert only when its source address is one of the instance's `unicast_peer` addresses. Sets the default for all instances.",
  vrrp_skip_check_adv_addr:
    "Skip the comparison of an advert's address list with the configured VIPs when it comes from the same master as the previous advert, saving work on instances with many addresses. By default every advert is checked. The keyword alone means yes.",
  vrrp_down_timer_adverts:
    "Default for instances without `down_timer_adverts`: how many advert intervals a backup waits without hearing the master before taking over. The RFC value 3 is the default, and strict mode requires it.",
  vrrp_lower_prio_no_advert:
    "Default for instances: a master receiving an advert of lower priority does not answer with an advert of its own, as the RFCs before RFC 9568 required. Off by default, on in strict mode. The keyword alone means yes.",
  vrrp_higher_prio_send_advert:
    "Default for instances: a master that hears a higher-priority advert sends one more advert before becoming backup, so the new master (if it uses `garp_lower_prio_repeat`) re-sends gratuitous ARPs. Helps recover from a brief split brain. Not allowed in strict mode.",
  vrrp_owner_ignore_adverts:
    "Default for address-owner instances (priority 255) that do not set `owner_ignore_adverts`: ignore adverts from other routers. It has no effect at other priorities; strict mode turns it on for owners anyway. The keyword alone means yes.",
  vrrp_startup_delay:
    "Seconds to wait after keepalived starts before the VRRP instances start, for hosts whose bonds or other interfaces are still settling at boot, when missed adverts could let a lower-priority node take over. `vrrp_delay_after_boot` is usually the better choice.",
  vrrp_delay_after_boot:
    "Keep VRRP instances from starting until the system has been up for at least this many seconds. Unlike `vrrp_startup_delay`, a manual restart later on is not delayed. When both are set, the longer delay applies.",
  log_unknown_vrids:
    "Log adverts received for VRIDs that no instance on the receiving interface is configured for; useful to spot VRID clashes with other routers on the segment.",
  vrrp_notify_priority_changes:
    "Also write a line to the notify FIFOs whenever an instance's effective priority changes, not only on state changes. Default for instances and sync groups that do not set `notify_priority_changes`.",

  // --- gratuitous ARP / unsolicited NA ---------------------------------------------------
  vrrp_garp_master_delay:
    "Seconds after becoming master before a second burst of gratuitous ARPs / unsolicited neighbour adverts is sent, for caches that missed the first. Default 5; 0 means no second burst.",
  vrrp_garp_master_repeat:
    "How many gratuitous ARP / unsolicited NA messages each burst contains after an instance becomes master. Default 5; 0 is taken as 1.",
  vrrp_garp_master_refresh:
    "While master, send gratuitous ARPs / unsolicited NAs again every this many seconds so switches and neighbours keep their entries. Default 0: no periodic refresh.",
  vrrp_garp_master_refresh_repeat:
    "Number of messages in each periodic refresh burst (see `vrrp_garp_master_refresh`). Default 1; 0 is taken as 1.",
  vrrp_garp_lower_prio_delay:
    "When a master hears a lower-priority advert it re-sends gratuitous ARPs; this is the delay in seconds before its second burst. Defaults to `vrrp_garp_master_delay`.",
  vrrp_garp_lower_prio_repeat:
    "Number of gratuitous ARP / NA messages a master sends after hearing a lower-priority advert. Defaults to `vrrp_garp_master_repeat`; strict mode forces 0.",
  vrrp_garp_interval:
    "Minimum gap between gratuitous ARP messages on one interface, in seconds with microsecond precision (e.g. `0.001`), for switches that drop ARP bursts. Not spaced by default; a value of one second or more is almost certainly a mistake and is logged. Per-interface limits go in `garp_group`.",
  vrrp_gna_interval:
    "Minimum gap between unsolicited IPv6 neighbour adverts on one interface, in seconds with microsecond precision (e.g. `0.001`). Not spaced by default; a value of one second or more is logged as suspicious. Per-interface limits go in `garp_group`.",
  vrrp_min_garp:
    "Shortcut for modern switches: send a single gratuitous ARP / NA when becoming master and no delayed second burst, by changing the repeat, delay and refresh settings that are still at their defaults. The keyword alone means yes.",
  vrrp_garp_extra_if:
    "Every this many seconds, re-send gratuitous ARPs / NAs for VIPs that sit on interfaces other than the instance's own, so switch MAC tables stay current (about a third of the switch's ageing time, e.g. 100 for 300 s). Only VMAC interfaces are refreshed unless `all` is added before or after the number.",
  vrrp_vmac_garp_intvl: "Former name of `vrrp_garp_extra_if`, with the same arguments and meaning. Write `vrrp_garp_extra_if` instead.",

  // --- firewall integration --------------------------------------------------------------
  vrrp_iptables:
    "Use iptables to enforce no-accept mode and VMAC filtering, with rules in the named chains: the first for incoming packets, an optional second (different) one for outgoing. Alone it uses INPUT/OUTPUT, but dedicated chains that you create and jump to yourself (e.g. from `startup_script`) are much safer. If `nftables` is also given, nftables is used.",
  vrrp_ipsets:
    "Names of the ipsets keepalived fills with VIPs when `vrrp_iptables` is used, in the order IPv4, IPv6, IPv6 link-local with interface, IGMP, MLD, neighbour discovery. Names left out are derived from the first; all must differ. Ignored without `vrrp_iptables`.",
  nftables:
    "Use nftables to enforce no-accept mode and VMAC filtering, in a table keepalived creates and owns (default name `keepalived`). The table must not exist beforehand and must differ between keepalived daemons in the same namespace. Preferred over `vrrp_iptables` when both are given.",
  nftables_priority: "Priority of the base chains keepalived creates in its VRRP nftables table. Default -1.",
  nftables_ifindex:
    "Always key the nftables sets for IPv6 link-local addresses by interface index, even where keepalived would otherwise key them by interface name (instances using `dont_track_primary`).",
  nftables_counters: "Add packet counters to the nftables rules keepalived creates, for debugging.",
  nftables_ipvs:
    "Use nftables for `virtual_server_group`s: keepalived gives each group a firewall mark and marks the group's addresses and ports with nftables rules, so IPVS needs a single fwmark service per group. An optional table name may be given.",
  nftables_ipvs_priority: "Priority of the base chains in keepalived's IPVS nftables table.",
  nftables_ipvs_start_fwmark:
    "First firewall mark given to a `virtual_server_group` when `nftables_ipvs` is used; each further group takes the next number. Default 1000. Pick a range your own firewall rules do not use.",

  // --- LVS / IPVS globals ---------------------------------------------------------------
  lvs_timeouts:
    "Set the kernel's IPVS connection timeouts, in seconds: `tcp` for established TCP, `tcpfin` for TCP after a FIN, `udp` for UDP. Give at least one pair; the others keep the value they had when keepalived started. Same effect as `ipvsadm --set`.",
  lvs_flush: "Remove every IPVS virtual server already present when keepalived starts, including ones it did not create.",
  lvs_flush_on_stop:
    "At shutdown, clear IPVS in one operation instead of deleting each virtual and real server separately, which is much faster for large configurations. With `VS` only the virtual servers keepalived manages are removed (the kernel drops their real servers); alone the whole IPVS table is flushed.",
  lvs_flush_onstop: "Older spelling of `lvs_flush_on_stop`, with the same arguments and meaning. Write `lvs_flush_on_stop` instead.",
  lvs_sync_daemon:
    "Run the kernel's IPVS connection-sync daemon on INTERFACE so a backup director knows the open connections after failover. With `inst NAME` its master/backup role follows that vrrp_instance; without one both roles run. Options: `id` (sync ID, default the instance's VRID), `maxlen`, `port` (default 8848), `ttl`, `group` (default 224.0.0.81). Write the sync ID as `id N`; the bare positional form is deprecated.",

  // --- notification FIFOs -----------------------------------------------------------------
  notify_fifo:
    "Named pipe to which keepalived writes one line per VRRP and checker event: cheaper than notify scripts, and the events arrive strictly in order. An optional user and group own it. Every FIFO configured must have its own path.",
  notify_fifo_script:
    "Command keepalived starts to read `notify_fifo`; the FIFO's path is passed as its last argument. An optional user and group may come last.",
  vrrp_notify_fifo:
    "Named pipe receiving VRRP events only: one line per instance or sync group change, giving the kind, the quoted name, the new state and the priority.",
  vrrp_notify_fifo_script:
    "Command keepalived starts to read `vrrp_notify_fifo`; the FIFO's path is passed as its last argument. An optional user and group may come last.",
  lvs_notify_fifo: "Named pipe receiving health-checker events only: one line each time a virtual or real server goes up or down.",
  lvs_notify_fifo_script:
    "Command keepalived starts to read `lvs_notify_fifo`; the FIFO's path is passed as its last argument. An optional user and group may come last.",
  fifo_write_vrrp_states_on_reload:
    "After a reload, write the current state of every VRRP instance and sync group to the notify FIFOs again; normally a reload writes nothing for unchanged states.",

  // --- SNMP and D-Bus ---------------------------------------------------------------------
  snmp_socket:
    "Where keepalived's SNMP subagent reaches the master agent over AgentX, e.g. `udp:192.0.2.1:705` or a unix socket path. Default `unix:/var/agentx/master`. Set it once.",
  enable_traps: "Send SNMP traps on state changes (together with one of the `enable_snmp_*` options).",
  enable_snmp_vrrp: "Serve the VRRP part of the KEEPALIVED-MIB through SNMP.",
  enable_snmp_keepalived: "Old name of `enable_snmp_vrrp`. Write `enable_snmp_vrrp` instead.",
  enable_snmp_rfc: "Serve both standard VRRP MIBs through SNMP: RFC 2787 (VRRPv2) and RFC 6527 (VRRPv3).",
  enable_snmp_rfcv2: "Serve the standard VRRPv2 MIB (RFC 2787) through SNMP.",
  enable_snmp_rfcv3: "Serve the standard VRRPv3 MIB (RFC 6527) through SNMP.",
  enable_snmp_checker: "Serve the health-checker part (virtual and real servers) of the KEEPALIVED-MIB through SNMP.",
  snmp_vs_stats_update_interval:
    "When answering SNMP queries, re-read a virtual server's IPVS counters from the kernel only if the last read is older than this many seconds. Default 5.",
  snmp_rs_stats_update_interval:
    "Like `snmp_vs_stats_update_interval`, for real-server counters, which are only read when an SNMP query asks for them. Default 5.",
  enable_dbus: "Enable the D-Bus interface of the VRRP process, which publishes instance states and offers some control.",
  dbus_service_name:
    "D-Bus service name to register; change it when several keepalived daemons with D-Bus run on one host. Default `org.keepalived.Vrrp1`.",
  dbus_no_interface_name:
    "Name used in D-Bus object paths for instances that have no interface. Default `none`; change it only if a real interface is called `none`.",

  // --- netlink and socket buffers ----------------------------------------------------------
  vrrp_netlink_cmd_rcv_bufs:
    "Receive buffer size, in bytes, of the VRRP process's netlink command socket. Only for hosts with very many interfaces or addresses, when the log reports netlink receive buffer overruns.",
  vrrp_netlink_cmd_rcv_bufs_force:
    "Set `vrrp_netlink_cmd_rcv_bufs` with SO_RCVBUFFORCE, so it may exceed `net.core.rmem_max`. The keyword alone means yes.",
  vrrp_netlink_monitor_rcv_bufs:
    "Receive buffer size, in bytes, of the VRRP process's netlink monitoring socket (interface and address events). Raise it when the log reports netlink receive buffer overruns.",
  vrrp_netlink_monitor_rcv_bufs_force:
    "Set `vrrp_netlink_monitor_rcv_bufs` with SO_RCVBUFFORCE, so it may exceed `net.core.rmem_max`. The keyword alone means yes.",
  lvs_netlink_cmd_rcv_bufs:
    "Receive buffer size, in bytes, of the health-checker process's netlink command socket, for very large configurations.",
  lvs_netlink_cmd_rcv_bufs_force:
    "Set `lvs_netlink_cmd_rcv_bufs` with SO_RCVBUFFORCE, so it may exceed `net.core.rmem_max`. The keyword alone means yes.",
  lvs_netlink_monitor_rcv_bufs:
    "Receive buffer size, in bytes, of the health-checker process's netlink monitoring socket, for very large configurations.",
  lvs_netlink_monitor_rcv_bufs_force:
    "Set `lvs_netlink_monitor_rcv_bufs` with SO_RCVBUFFORCE, so it may exceed `net.core.rmem_max`. The keyword alone means yes.",
  process_monitor_rcv_bufs:
    "Receive buffer size, in bytes, of the netlink socket through which `vrrp_track_process` learns of processes starting and exiting. Raise it when hundreds of processes can exit at once (about 500000 copes with some 1400).",
  process_monitor_rcv_bufs_force:
    "Set `process_monitor_rcv_bufs` with SO_RCVBUFFORCE, so it may exceed `net.core.rmem_max`. The keyword alone means yes.",
  vrrp_rx_bufs_policy:
    "Size of the receive buffers of VRRP sockets: `MTU` (sum of the interface MTUs of the instances sharing the socket, times `vrrp_rx_bufs_multiplier`), `ADVERT` (their advert sizes times the multiplier) or a fixed number of bytes. Without it the kernel default (`rmem_default`) applies, which can be very large.",
  vrrp_rx_bufs_multiplier: "Multiplier used by `vrrp_rx_bufs_policy MTU` or `ADVERT`. Default 3.",

  // --- VMAC naming --------------------------------------------------------------------------
  vmac_prefix:
    "Prefix of the names keepalived gives the VMAC interfaces it creates when `use_vmac` has no explicit name. Default `vrrp`. Set it once.",
  vmac_addr_prefix:
    "Prefix of the names of VMAC interfaces created for VIPs that use a VMAC but are not on the instance's own interface. Defaults to the `vmac_prefix` value. Set it once.",

  // --- files, dumps and reloads ---------------------------------------------------------------
  umask:
    "File-creation mask for the files keepalived writes. Give a number (leading `0` for octal, `0x` for hex, otherwise decimal) or symbolic bits joined with `|`, e.g. `IWGRP|IRWXO`. The default is `IXUSR|IRWXG|IRWXO` (0177). A umask given on the command line (`-u`) wins.",
  random_seed:
    "Seed for the random numbers behind `${_RANDOM}`, so a configuration using it expands the same way every time. By default the seed comes from the clock.",
  reload_check_config:
    "On a reload, first test the new configuration in a separate process and keep running the old one if the test finds errors, so a bad edit cannot take keepalived down. The optional argument is a file for the test's log (by default it is discarded).",
  reload_time_file:
    "Absolute path of a file naming a time (`HH:MM:SS`) or date and time (`YYYY-MM-DD HH:MM:SS`, a `Z` suffix meaning UTC) at which keepalived reloads itself; lets all nodes of a cluster switch to an incompatible configuration at the same moment. The file is watched for changes and deleted after the reload unless `reload_repeat` is set.",
  reload_repeat:
    "Keep `reload_time_file` after a scheduled reload: if it holds a time without a date, keepalived reloads daily at that time for as long as the file stays unchanged.",
  reload_file:
    "File keepalived creates (or empties) as it begins to read its configuration on a reload and deletes once done, so tools that rewrite the configuration know when it is safe to touch the files. Without a path, `keepalived.reload` in the pid directory is used.",
  include_check:
    "Make problems with later `include` lines errors: `read` (a matched path is not a readable file), `match` (a name without wildcards matches nothing), `wildcard_match` (even a wildcard matches nothing), `brace_match` (a brace alternative matches nothing). A plain first word replaces the set, `+word`/`-word` adjust it; no argument enables all. The manual's `readable` is not accepted. Each included file restores the setting when it ends.",
  config_save_dir:
    "Directory where keepalived saves its configuration files and state before and after every reload, to debug problems that appear after repeated reloads. It is created if missing, but its parent must exist.",
  tmp_config_directory:
    "keepalived copies the configuration it reads so all its processes see identical input, normally in memory. For very large configurations, name a writable directory here to keep the copy in an anonymous file on that file system instead. Write it early in the file; a reload cannot change it.",
  data_use_instance:
    "Include the `instance` name and the `net_namespace` in the names of the files written on SIGUSR1 (data dump) and SIGUSR2 (statistics), so several keepalived daemons on one host do not overwrite each other's files. The keyword alone means yes.",
  state_dump_file:
    "Where the SIGUSR1 data dump is written; best on a tmpfs, since slow storage can block keepalived while it writes. A path ending in `/` is a directory that receives the usual file names, with a suffix per process. The manual calls this option `state_file_location`, a name keepalived rejects.",
  stats_dump_file:
    "Where the SIGUSR2 statistics dump is written; best on a tmpfs. A path ending in `/` is a directory that receives the usual file name. The manual calls this option `stats_file_location`, a name keepalived rejects.",
  json_dump_file:
    "Where the JSON state dump is written; best on a tmpfs. A path ending in `/` is a directory that receives the usual file name. The manual calls this option `json_file_location`, a name keepalived rejects.",
  json_version:
    "Layout of the JSON state dump: 1 (the default) or 2. Version 2 lists the VRRP instances under a key of their own and also reports tracked processes.",
  iproute_usr_dir:
    "Directory of iproute2's packaged tables (`rt_tables`, `rt_protos`, ...), used to resolve names such as `table main` in routes and rules. Only needed when keepalived's build could not find it (e.g. `/usr/share/iproute2`).",
  iproute_etc_dir:
    "Directory of the local iproute2 tables that override the packaged ones, used to resolve names in routes and rules. Only needed when keepalived's build could not find it (normally `/etc/iproute2`).",

  // --- static addresses, routes and rules, link monitoring ----------------------------------
  static_ipaddress:
    "Block of addresses keepalived adds to the host at start-up and keeps whatever the VRRP state (they never move on failover). One per line in `ip addr` style: ADDRESS[/PREFIX] then options such as `dev`, `scope`, `brd`, `label`, `peer`. `track_group NAME` makes that group's instances react if the address is lost. An entry without `dev` uses `default_interface`.",
  static_routes:
    "Block of routes keepalived installs at start-up and keeps whatever the VRRP state, one per line in `ip route` syntax (abbreviated option names are not accepted). `track_group NAME` makes that group's instances react if the route is lost. A route that could be either family is IPv4 unless `inet6` is given.",
  static_rules:
    "Block of policy-routing rules in `ip rule` syntax, installed at start-up whatever the VRRP state. Give each rule a `preference`: otherwise keepalived picks one and the order among other rules may surprise you. `track_group NAME` ties a rule to a static track group.",
  linkbeat_interfaces:
    "Block listing interfaces whose link state should be polled instead of taken from netlink, one per line, optionally followed by `MII`, `ETHTOOL` or `IOCTL` to prefer a method (MII is tried first; an unsupported choice falls back to one that works). Finer-grained than `linkbeat_use_polling`. Each interface must exist.",
  interface_up_down_delays:
    "Block of debounce delays for flapping links, one line per interface: `IFNAME DOWN_DELAY [UP_DELAY]` in seconds (microsecond precision). Instances react only if the link stays in its new state that long; UP_DELAY defaults to DOWN_DELAY. Keep the down delay below (down_timer_adverts - 1) x advert_int, or a backup may take over first. An unknown interface is fatal.",

  // --- garp_group -------------------------------------------------------------------------
  garp_group:
    "Unnamed block limiting how fast gratuitous ARPs and unsolicited neighbour adverts go out on one interface (`interface`) or on several interfaces sharing a switch (`interfaces`); use one of the two. A group setting neither interval is dropped. Interfaces outside every group follow `vrrp_garp_interval` / `vrrp_gna_interval`.",
  garp_interval:
    "Minimum gap between gratuitous ARP messages on the group's interface(s), in seconds with microsecond precision (e.g. `0.002`).",
  gna_interval:
    "Minimum gap between unsolicited IPv6 neighbour adverts on the group's interface(s), in seconds with microsecond precision.",
  "garp_group > interface":
    "The one interface this group's limits apply to. It must be a real interface, not a VMAC, and an interface may belong to only one garp_group.",
  interfaces:
    "Block of interface names (separated by spaces or new lines) whose messages share this group's limits, typically all links into one switch.",

  // --- SSL --------------------------------------------------------------------------------
  SSL: "Unnamed block setting up the TLS context shared by every SSL_GET health check: a client certificate, its key and key password, and a CA file. When the block is absent keepalived uses a default context without a client certificate.",
  password: "Passphrase that decrypts the private key given with `key`.",
  ca: "File of trusted CA certificates (PEM) loaded into the SSL_GET context. keepalived does not enforce certificate verification, so a check does not fail because a server's certificate is untrusted.",
  certificate: "Certificate file (PEM, may hold a chain) presented as client certificate to servers checked with SSL_GET.",
  "SSL > key": "Private key file (PEM) for `certificate`; when it is encrypted, give its passphrase with `password`.",
};
