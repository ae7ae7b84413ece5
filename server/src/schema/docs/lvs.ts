/**
 * Documentation of the LVS keywords: `virtual_server`, `virtual_server_group` and everything
 * below them (see index.ts for the key format).
 *
 * Bare keys are used only for names that occur nowhere but in these blocks. Names shared with
 * other families (`weight`, `quorum`, `smtp_alert`, `user`, `track_file`) and generic words
 * (`name`, `type`, `path`, `host`, `url`) are keyed by their parent block, so a keyword added to
 * another family later never picks up LVS prose by accident. Settings that exist at several
 * levels (virtual server, real server, checker) get one text per level because their default
 * and their reach differ.
 */
export const LVS_DOCS: Readonly<Record<string, string>> = {
  // ---- virtual_server_group --------------------------------------------------------------
  virtual_server_group:
    "Names a set of addresses, address ranges and firewall marks that several identical services share, so one `virtual_server group NAME` block configures them all. " +
    "Each line of the block is one entry: an address with an optional port, a range written `10.0.0.1-20` (last octet) or `start-end`, a `/prefix` with no host bits set, or `fwmark N [inet|inet6]`. " +
    "A group with no entries is dropped, and one group cannot mix IPv4, IPv6 and fwmarks without a family.",

  // ---- virtual_server --------------------------------------------------------------------
  virtual_server:
    "Declares one IPVS service and the real servers behind it. The service is named by an address and port, by `fwmark N` (packets marked by the firewall), or by `group NAME` (a `virtual_server_group`). " +
    "A port of 0 is only valid for persistent services. The block needs at least one `real_server`; without one keepalived discards the whole virtual server.",
  ip_family:
    "Sets the address family (`inet` or `inet6`) of a virtual server whose family cannot be read from an address, typically a fwmark or group service. " +
    "For an address-based service it must agree with that address.",
  lvs_sched:
    "Chooses the IPVS scheduler that spreads new connections over the real servers: `rr`/`wrr` round robin, `lc`/`wlc` least connections, `sh`/`mh` source or Maglev hashing, `lblc`/`lblcr` locality based, `sed`, `nq`, `fo`, `ovf`, `twos`. " +
    "Without it keepalived uses `wlc`. An unknown name is ignored. Write it before `sh-*`/`mh-*` flags, which only count when the matching scheduler is already set. Also spelled `lb_algo`.",
  lb_algo:
    "Older spelling of `lvs_sched`, still accepted with exactly the same meaning (scheduler name, default `wlc`). Prefer `lvs_sched` in new configurations.",
  hashed:
    "A scheduler flag that keepalived parses but never applies: it has no effect on the service (and logs a complaint unless the scheduler is `sh` or `mh`). Remove it.",
  ops:
    "One-packet scheduling: every UDP datagram is scheduled on its own instead of belonging to a connection, useful for DNS-like request/response traffic. " +
    "Only meaningful with `protocol UDP`; on other services keepalived turns it off again.",
  "flag-1":
    "Sets the first generic IPVS scheduler flag. Its meaning depends on the scheduler (for `sh` and `mh` it is the fallback flag); prefer the named forms `sh-fallback`/`mh-fallback`.",
  "flag-2":
    "Sets the second generic IPVS scheduler flag. Its meaning depends on the scheduler (for `sh` and `mh` it is the port-hashing flag); prefer the named forms `sh-port`/`mh-port`.",
  "flag-3": "Sets the third generic IPVS scheduler flag, whose meaning (if any) is defined by the scheduler in use.",
  "sh-port":
    "With the `sh` (source hashing) scheduler, includes the client's source port in the hash, so connections from one address can land on different real servers. " +
    "Only takes effect when `lvs_sched sh` appears earlier in the same block; otherwise it is ignored with a warning.",
  "sh-fallback":
    "With the `sh` scheduler, lets a connection go to another real server when the one its hash selects is unavailable (weight 0 or overloaded). " +
    "Needs `lvs_sched sh` earlier in the same block; otherwise it is ignored with a warning.",
  "mh-port":
    "With the `mh` (Maglev hashing) scheduler, adds the client's source port to the hash. Only takes effect when `lvs_sched mh` appears earlier in the same block.",
  "mh-fallback":
    "With the `mh` scheduler, picks another real server when the hashed one is unavailable. Only takes effect when `lvs_sched mh` appears earlier in the same block.",
  "virtual_server > lvs_method":
    "How IPVS forwards packets to the real servers: `NAT` (rewrite the destination, replies must come back through this host), `DR` (direct routing on the same L2 segment, real servers own the VIP) or `TUN` (IP tunnelling; optional `type ipip|gue|gre`, a `port` for gue, and a checksum mode). " +
    "Without it keepalived uses `NAT`. Real servers may override it. Older releases only know the spelling `lb_kind`.",
  lb_kind:
    "Older spelling of `lvs_method` (packet forwarding method `NAT`, `DR` or `TUN`, default `NAT`). It is still accepted; use `lvs_method` unless the configuration must also load on releases that predate it.",
  persistence_engine:
    "Names an IPVS persistence engine that groups connections by application data rather than by client address alone, for example `sip` to keep all packets of a SIP Call-ID on one real server.",
  persistence_timeout:
    "Makes the service persistent: connections from the same client keep going to the same real server for this many seconds after the last one ends. " +
    "Given without a value it uses the IPVS default of 6 minutes. A port-0 service needs persistence, so keepalived switches it on there when it is missing.",
  persistence_granularity:
    "Widens persistence from single clients to whole networks: clients whose addresses share this netmask (IPv4, e.g. `255.255.255.0`) or prefix length (IPv6) are sent to the same real server. " +
    "An IPv4 mask with gaps is rejected.",
  protocol:
    "Transport protocol of an address-based service: `TCP`, `UDP` or `SCTP`. " +
    "Pitfall: when it is missing keepalived assumes UDP (not TCP) and warns. On fwmark services it is ignored, because the mark already selects the traffic.",
  ha_suspend:
    "Pauses the health checkers of this service while its virtual address is not configured on this host (for example while VRRP is in BACKUP), and resumes them when the address appears. " +
    "It cannot work with fwmark services and is cleared there.",
  "virtual_server > smtp_alert":
    "Sends an e-mail (via the `global_defs` SMTP settings) when this virtual server gains or loses its quorum. " +
    "Takes an optional boolean; the keyword alone means on. When absent it follows `smtp_alert_checker`, then `smtp_alert` in `global_defs`, else off.",
  "virtual_server > virtualhost":
    "Default HTTP `Host` header for the `HTTP_GET`/`SSL_GET` checkers of this service. A `virtualhost` on the real server, checker or `url` takes precedence; with none at all the request carries the checked address and port.",
  "virtual_server > snmp_name":
    "A name under which this virtual server is published through the SNMP checker MIB, instead of being known only by its address.",
  "virtual_server > alpha":
    "Default for the real servers and checkers of this service: start every real server as failed and add it only after its checkers succeed, instead of assuming it healthy at start-up. " +
    "Recommended when a dead server must never receive traffic, even for a moment.",
  omega:
    "Also runs the `quorum_down` script (and quorum notifications) when keepalived shuts down or removes the service, not only when the quorum is really lost, so external state can be cleaned up.",
  quorum_up:
    "Script run when the service gains its quorum (enough healthy real server weight). Give the command (quote it if it has arguments), optionally followed by the user and group to run it as. " +
    "Like all scripts it should be used with `enable_script_security`.",
  quorum_down:
    "Script run when the service loses its quorum. Give the command (quote it if it has arguments), optionally followed by the user and group to run it as.",
  "virtual_server > quorum":
    "Minimum total weight of healthy real servers for the service to count as up (default 1). Below it `quorum_down` runs and the `sorry_server` is put in place; " +
    "a value larger than the sum of all real server weights is lowered to that sum.",
  hysteresis:
    "Margin around `quorum` that stops flapping: the quorum is lost below `quorum - hysteresis` and regained only at `quorum + hysteresis` (default 0). " +
    "It must be smaller than the quorum; otherwise keepalived reduces it.",
  "virtual_server > weight": "Default IPVS weight for the real servers of this service that set no `weight` of their own (default 1).",
  sorry_server:
    "A fallback server (address and optional port) that IPVS uses while the service has lost its quorum, typically a maintenance page; it is removed again once enough real servers are healthy. " +
    "For fwmark services a port on it is ignored, and for non-NAT services it is reset to the service's port.",
  sorry_server_inhibit:
    "Keeps the `sorry_server` in the IPVS table with weight 0 while it is not needed, instead of removing it. " +
    "Must follow `sorry_server` in the block; before it, it is ignored.",
  sorry_server_lvs_method:
    "Forwarding method (`NAT`, `DR` or `TUN` with its tunnel options) for the `sorry_server` only, when it must differ from the service's `lvs_method`. Must follow `sorry_server`.",
  "virtual_server > inhibit_on_failure":
    "Default for all real servers of this service: when a real server fails, set its weight to 0 instead of removing it from IPVS, so established connections can finish.",
  "virtual_server > retry":
    "Default number of retries for every checker of this service: how many further attempts a checker makes after a failure before it declares the real server down. " +
    "Real servers and checkers can override it; without any setting each checker type uses its own default.",
  "virtual_server > delay_before_retry":
    "Default pause, in seconds, before a checker of this service retries after a failed attempt. Real servers and checkers can override it.",
  "virtual_server > warmup":
    "Default start-up spread for the checkers of this service: each waits a random time up to this many seconds before its first check, so checks do not all fire at once. " +
    "Without it the spread is `delay_loop`; 0 starts all checks immediately.",
  "virtual_server > connect_timeout":
    "Default time, in seconds, a checker of this service waits for a connection or an answer before counting the attempt as failed (default 5).",
  "virtual_server > delay_loop":
    "Interval, in seconds, between two health checks of each real server of this service (default 60). Real servers and individual checkers can set their own.",

  // ---- real_server -----------------------------------------------------------------------
  real_server:
    "One backend of the service: its address and port, and inside the block its weight and the health checkers that decide whether IPVS sends it traffic. " +
    "For non-NAT services keepalived resets a different port to the virtual server's; with a fwmark service any port is cleared. A real server listed twice is dropped the second time.",
  "real_server > weight":
    "IPVS weight of this real server: schedulers like `wrr` and `wlc` give it traffic in proportion. 0 keeps it in the table but sends it no new connections. " +
    "Without it the virtual server's `weight` (normally 1) applies. Healthy weights add up towards the service's `quorum`.",
  "real_server > lvs_method":
    "Forwarding method for this real server alone (`NAT`, `DR` or `TUN` with tunnel options), overriding the virtual server's `lvs_method`.",
  uthreshold:
    "Upper connection limit: once this real server holds this many connections IPVS stops giving it new ones until the count falls below `lthreshold`. 0 (the default) means no limit.",
  lthreshold:
    "Lower connection threshold: a real server that hit its `uthreshold` receives new connections again once its connection count falls below this value. When it is 0 the kernel uses three quarters of `uthreshold`.",
  "real_server > inhibit_on_failure":
    "When this real server fails, set its weight to 0 instead of removing it from IPVS, so existing connections are not cut. Optional boolean, the keyword alone means on; without it the virtual server's setting applies.",
  notify_up:
    "Script run when this real server is marked healthy. Give the command (quoted if it has arguments), optionally followed by a user and group to run it as.",
  notify_down:
    "Script run when this real server is marked failed. Give the command (quoted if it has arguments), optionally followed by a user and group to run it as.",
  "real_server > alpha":
    "Start this real server as failed and add it to IPVS only after its checkers succeed. Optional boolean (keyword alone = on); default comes from the virtual server's `alpha`.",
  "real_server > retry":
    "Number of retries for the checkers of this real server that do not set their own: further attempts after a failure before the server is declared down. Overrides the virtual server's value.",
  "real_server > delay_before_retry":
    "Pause, in seconds, before the checkers of this real server retry after a failed attempt. Overrides the virtual server's value; checkers can override it in turn.",
  "real_server > warmup":
    "Random delay, up to this many seconds, before the first check of each checker of this real server. Overrides the virtual server's value; 0 disables the spread.",
  "real_server > connect_timeout":
    "Time, in seconds, the checkers of this real server wait for a connection or answer before counting a failure. Overrides the virtual server's value (default 5).",
  "real_server > delay_loop": "Interval, in seconds, between checks of this real server, overriding the virtual server's `delay_loop`.",
  "real_server > smtp_alert":
    "Sends an e-mail when this real server changes state. Optional boolean, the keyword alone means on. " +
    "When absent it follows `smtp_alert_checker`, then `smtp_alert` in `global_defs`, and otherwise is on (unlike most other alert defaults).",
  "real_server > virtualhost":
    "HTTP `Host` header for the `HTTP_GET`/`SSL_GET` checkers of this real server, overriding the virtual server's; a checker's or url's own `virtualhost` takes precedence.",
  "real_server > snmp_name": "A name under which this real server is published through the SNMP checker MIB.",

  // ---- checkers --------------------------------------------------------------------------
  TCP_CHECK:
    "Health check that opens a TCP connection to the real server (or to `connect_ip`/`connect_port`) and counts success when the connection is accepted within `connect_timeout`. " +
    "Several checkers may be given; a real server is up only while all of them pass.",
  HTTP_GET:
    "Health check that sends an HTTP GET for each `url` block and compares the answer's status code, and optionally its MD5 digest or a regular expression, with what is expected. " +
    "It needs at least one `url` with a `path`, otherwise the checker is dropped.",
  SSL_GET:
    "Like `HTTP_GET`, but over TLS: the request for each `url` is sent through an encrypted connection (see the top-level `SSL` block for client certificates). " +
    "It needs at least one `url` with a `path`.",
  SMTP_CHECK:
    "Health check that connects to an SMTP server, waits for its greeting and sends `HELO`, counting a proper reply as success. Use one block per address to check.",
  MISC_CHECK:
    "Health check that runs an external program (`misc_path`): exit status 0 means healthy, anything else failed. With `misc_dynamic` the status can also set the real server's weight. " +
    "The program runs as `user` or the default script user; use `enable_script_security`.",
  DNS_CHECK:
    "Health check that sends a DNS query (`type` for `name`) to the real server and counts a reply without an error code as success. Defaults: an `SOA` query for the root, 3 retries.",
  UDP_CHECK:
    "Health check that sends a UDP datagram (`payload`) to the real server. Without `require_reply` it succeeds unless an ICMP error (such as port unreachable) comes back; with it, a matching reply must arrive.",
  PING_CHECK:
    "Health check that sends an ICMP (or ICMPv6) echo request to the real server and succeeds when the echo reply arrives within `connect_timeout`.",
  FILE_CHECK:
    "Health check driven by a file: the number written in a `track_file` (defined earlier at the top level) decides the real server's state or adjusts its weight. Needs `track_file`.",
  BFD_CHECK:
    "Health check that follows a `bfd_instance` session: the real server fails while the BFD session is down. Needs `name`, and keepalived built with BFD support.",

  // Shared by the connection-based checkers (TCP, HTTP, SSL, SMTP, DNS, UDP, PING).
  connect_ip:
    "Address the checker connects to, when it is not the real server's own address (for example a separate health port on another interface). Must be of the same family as `bindto`.",
  connect_port: "Port the checker connects to instead of the real server's port, for a service whose health endpoint listens elsewhere.",
  "PING_CHECK > connect_port":
    "Accepted because all connection checkers share it, but an ICMP echo has no destination port, so it does not change the ping.",
  bindto:
    "Source address for the checker's connection, when the default route's address is not the right one. Must be of the same family as `connect_ip`.",
  bind_port: "Source port for the checker's connection; normally left to the kernel.",
  bind_if:
    "Interface the checker's socket is bound to. Needed when `bindto` is an IPv6 link-local address, which is only unique per interface.",
  connect_timeout:
    "Time, in seconds (decimals allowed), this checker waits for the connection or the answer before counting the attempt as failed. Defaults to the real server's, then the virtual server's value (5).",
  fwmark:
    "Firewall mark put on the checker's packets (SO_MARK), so policy routing or firewall rules can treat health-check traffic separately.",
  retry:
    "How many more attempts this checker makes after a failed one before it declares the real server down (default 1, or the real/virtual server's `retry`).",
  "MISC_CHECK > retry":
    "How many more times the script is run after a failure before the real server is declared down. Default 0 here (one failure is enough), unless the real or virtual server sets `retry`.",
  "DNS_CHECK > retry":
    "How many more queries this checker sends after a failed one before it declares the real server down. Default 3 here, unless the real or virtual server sets `retry`.",
  delay_before_retry:
    "Pause, in seconds, between a failed attempt and the next retry of this checker (default 1, or the real/virtual server's value).",
  "HTTP_GET > delay_before_retry":
    "Pause, in seconds, between a failed request and the next retry. Default 3 for HTTP checks, unless the real or virtual server sets it.",
  "SSL_GET > delay_before_retry":
    "Pause, in seconds, between a failed request and the next retry. Default 3 for TLS checks, unless the real or virtual server sets it.",
  "DNS_CHECK > delay_before_retry":
    "Pause, in seconds, between a failed query and the next retry. When neither this checker nor its real or virtual server sets it, `delay_loop` is used.",
  warmup:
    "Random delay, up to this many seconds, before this checker's first run, to spread checks over time. Defaults to the real server's value, else to `delay_loop`; 0 starts at once.",
  delay_loop: "Interval, in seconds, between two runs of this checker, overriding the real and virtual server's `delay_loop` (default 60).",
  alpha:
    "Treat this checker as failed until its first success, so the real server is not used before it has been verified. Optional boolean (keyword alone = on); default from the real server.",
  log_all_failures:
    "Log every failed attempt of this checker, including those followed by a retry, not only the final change of state. `checker_log_all_failures` in `global_defs` does this for all checkers.",

  // HTTP_GET / SSL_GET
  nb_get_retry:
    "Old name of `retry` inside `HTTP_GET`/`SSL_GET`: the number of further attempts after a failure. keepalived warns that it is deprecated; write `retry` instead.",
  virtualhost:
    "HTTP `Host` header (and default TLS SNI name) sent by this checker, overriding the real and virtual server's `virtualhost`; a `url` can still set its own.",
  http_protocol:
    "HTTP version of the check request: `1.0` (default), `1.0C` (1.0 with `Connection: close`) or `1.1` (also sends `Connection: close`). Use 1.1 for servers that refuse 1.0 requests.",
  enable_sni:
    "Sends the TLS Server Name Indication so that a server hosting several certificates answers with the right one. The name is `sni_name` or else the `virtualhost` in effect. Optional boolean, keyword alone = on.",
  "HTTP_GET > enable_sni":
    "Server Name Indication is part of TLS, so in a plain `HTTP_GET` this setting has nothing to act on; it matters in `SSL_GET`.",
  sni_name:
    "Host name to send as the TLS Server Name Indication, when it differs from the HTTP `virtualhost`. Giving it also turns SNI on.",
  "HTTP_GET > sni_name":
    "Server Name Indication is part of TLS, so in a plain `HTTP_GET` this name is not sent anywhere; use it in `SSL_GET`.",
  fast_recovery:
    "Runs the next check at once, without waiting `delay_loop`, while the checker has not run yet or the server is down with no known failing url, so a recovered server returns to service sooner. Optional boolean.",
  tls_compliant:
    "Closes each TLS connection with a proper close-notify exchange instead of a quiet shutdown, for servers that log or reject abrupt closes. Optional boolean, keyword alone = on.",
  "url > tls_compliant":
    "Proper TLS close-notify shutdown for this url only (see the checker-wide `tls_compliant`). Optional boolean, keyword alone = on.",
  "HTTP_GET > url":
    "One request the checker makes; the checker passes only when every url passes. Inside: `path` (required), and the expectations `status_code`, `digest` and/or `regex`.",
  "SSL_GET > url":
    "One request the TLS checker makes; the checker passes only when every url passes. Inside: `path` (required), and the expectations `status_code`, `digest` and/or `regex`.",
  "url > path": "The path (and query string) to request, e.g. `/health`. Every `url` block needs one, otherwise the url is ignored.",
  digest:
    "MD5 digest of the expected response body as 32 hex digits; any other body fails the check. keepalived's `genhash` tool prints the digest of a live page.",
  status_code:
    "HTTP status codes that count as success: one or more codes or ranges such as `200 301-302`. Without it any 2xx answer is accepted.",
  "url > virtualhost": "HTTP `Host` header for this url only, overriding every other `virtualhost`.",
  regex: "A PCRE2 regular expression the response body must match (or must not, with `regex_no_match`). Quote it when it contains spaces.",
  regex_no_match: "Inverts `regex`: the check passes only when the body does not match the expression.",
  regex_options:
    "PCRE2 compile options for `regex`, such as `caseless`, `multiline`, `dotall`, `extended`, `ungreedy` or `utf`. Misspelled option names are silently ignored.",
  regex_min_offset: "First position in the response body where a `regex` match may begin; earlier matches do not count.",
  regex_max_offset:
    "Last position in the response body where a `regex` match may begin; it must be larger than `regex_min_offset`, otherwise both limits are dropped.",
  regex_stack:
    "Initial and maximum size of the PCRE2 JIT stack for `regex`, for expressions that need more than the default. The first number may not exceed the second.",

  // SMTP_CHECK
  helo_name:
    "Name this checker announces in its `HELO` command. Without it keepalived sends a fixed placeholder name of its own, not this host's name.",
  "SMTP_CHECK > host":
    "Formerly listed several servers to test within one `SMTP_CHECK`. It is only compiled into special builds, so normal keepalived rejects it as unknown. Instead, write one `SMTP_CHECK` block per server, with `connect_ip`/`connect_port` inside.",

  // MISC_CHECK
  misc_path:
    "The command the checker runs, with its arguments; quote it when it contains spaces. Exit status 0 means the real server is healthy. Required.",
  misc_timeout: "Seconds the script may run before it is killed and counted as a failure; defaults to the virtual server's `delay_loop`.",
  misc_dynamic:
    "Lets the script's exit status set the real server's weight: 0 is healthy, 1 failed, and 2 to 255 healthy with weight `status - 2`.",
  "MISC_CHECK > user": "User (and optionally group) the check script runs as, instead of the default script user from `global_defs`.",

  // UDP_CHECK
  payload: "Bytes the UDP checker sends, written in hexadecimal (spaces between bytes allowed).",
  require_reply:
    "Requires an answer to the UDP datagram. With a hex pattern the reply must start with those bytes; an `x` nibble matches anything.",
  min_reply_length:
    "Shortest reply accepted by `require_reply` (default 0). Must not exceed `max_reply_length`, or the check can never pass.",
  max_reply_length: "Longest reply accepted by `require_reply` (default 255).",

  // DNS_CHECK
  "DNS_CHECK > type":
    "Record type to query: `A`, `AAAA`, `NS`, `CNAME`, `SOA` (default), `MX`, `TXT`, `RRSIG` or `DNSKEY`. Case does not matter.",
  "DNS_CHECK > name": "Domain name to query; defaults to the root zone, which every DNS server can answer.",

  // FILE_CHECK
  "FILE_CHECK > track_file":
    "The `track_file` whose value drives this checker. It must be defined earlier in the configuration; an unknown name leaves the checker without a file, and it is dropped.",
  "FILE_CHECK > weight":
    "How the tracked file's number affects the real server: it is multiplied by this weight and added to the server's weight, or, with weight 0, any non-zero number marks the server failed. `reverse` flips the effect. " +
    "Without it the weight given on the `track_file` definition applies.",

  // BFD_CHECK
  "BFD_CHECK > name":
    "Name of the `bfd_instance` whose session state this checker follows. It must be configured, and a real server can follow each instance only once.",
};
