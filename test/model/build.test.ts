import { describe, expect, test } from "vitest";
import { preprocess } from "../../grammar/index.js";
import { buildModel } from "../../server/src/model/build.js";
import { memoryHost } from "../support/memory-host.js";

function model(text: string, configId?: string) {
  const host = memoryHost({ "/etc/keepalived/keepalived.conf": text });
  const config = preprocess("/etc/keepalived/keepalived.conf", { host, ...(configId ? { configId } : {}) });
  return buildModel(config.file);
}

describe("vrrp_instance defaults", () => {
  test("state MASTER without priority is the address owner (255)", () => {
    const m = model("vrrp_instance VI_1 {\n state MASTER\n interface eth0\n virtual_router_id 5\n}\n");
    expect(m.instances[0]!.priority.value).toBe(255);
    expect(m.instances[0]!.priority.statement).toBeUndefined();
  });

  test("no state and no priority gives 100, advert_int 1, version 2", () => {
    const i = model("vrrp_instance VI_1 {\n interface eth0\n}\n").instances[0]!;
    expect([i.priority.value, i.advertInt.value, i.version.value, i.state.value]).toEqual([100, 1, 2, undefined]);
  });

  test("an out-of-range priority falls back to the default, as keepalived does", () => {
    expect(model("vrrp_instance A {\n priority 300\n}\n").instances[0]!.priority.value).toBe(100);
  });

  test("global vrrp_version applies unless the instance sets version; IPv6 VIPs mean version 3", () => {
    const m = model(
      "global_defs {\n vrrp_version 3\n}\nvrrp_instance A {\n}\nvrrp_instance B {\n version 2\n}\nvrrp_instance C {\n virtual_ipaddress {\n fe80::1\n }\n}\n",
    );
    expect(m.instances.map((i) => i.version.value)).toEqual([3, 2, 3]);
    expect(m.instances[2]!.family).toBe(6);
  });

  test("strict mode: the instance's strict_mode decides, else global vrrp_strict; a keyword alone means on", () => {
    const m = model(
      "global_defs {\n vrrp_strict\n}\nvrrp_instance A {\n}\nvrrp_instance B {\n strict_mode off\n}\nvrrp_instance C {\n strict_mode maybe\n}\n",
    );
    expect(m.instances.map((i) => [i.strict.value, i.strict.statement?.keyword.text])).toEqual([
      [true, "vrrp_strict"],
      [false, "strict_mode"],
      [true, "vrrp_strict"],
    ]);
    const plain = model("vrrp_instance A {\n}\nvrrp_instance B {\n strict_mode true\n}\n").instances;
    expect(plain.map((i) => [i.strict.value, i.strict.statement?.keyword.text])).toEqual([
      [false, undefined],
      [true, "strict_mode"],
    ]);
  });

  test("the priority setting points at the word that holds it", () => {
    const text = "vrrp_instance A {\n    priority 150\n}\n";
    const p = model(text).instances[0]!.priority;
    expect(p.value).toBe(150);
    expect(text.slice(p.word!.start, p.word!.end)).toBe("150");
  });

  test("@id lines decide the node's values", () => {
    const text = "vrrp_instance A {\n@main priority 200\n@^main priority 100\n}\n";
    expect(model(text, "main").instances[0]!.priority.value).toBe(200);
    expect(model(text, "backup").instances[0]!.priority.value).toBe(100);
  });
});

describe("addresses, tracks and groups", () => {
  const text = `vrrp_script chk {
  script "/bin/true"
}
vrrp_instance VI_1 {
  interface eth0
  unicast_src_ip 10.0.0.1
  unicast_peer {
    10.0.0.2
  }
  authentication {
    auth_type PASS
    auth_pass secret
  }
  virtual_ipaddress {
    192.168.1.200/24 dev eth0 label eth0:vip
    2001:DB8:0::1
  }
  track_script {
    chk weight -30
  }
  track_interface {
    eth1 weight 10 reverse
  }
}
vrrp_sync_group G {
  group {
    VI_1 VI_2
  }
}
`;
  const m = model(text);
  const i = m.instances[0]!;

  test("virtual addresses keep prefix, dev and label; IPv6 is canonical", () => {
    expect(i.virtualAddresses.map((a) => [a.address, a.prefix, a.dev, a.label, a.family])).toEqual([
      ["192.168.1.200", 24, "eth0", "eth0:vip", 4],
      ["2001:db8:0:0:0:0:0:1", undefined, undefined, undefined, 6],
    ]);
  });

  test("unicast and authentication", () => {
    expect(i.unicastSrcIp?.value).toBe("10.0.0.1");
    expect(i.unicastPeers.map((p) => p.address)).toEqual(["10.0.0.2"]);
    expect([i.authentication?.type?.value, i.authentication?.pass?.value]).toEqual(["PASS", "secret"]);
  });

  test("tracks carry weight and reverse, and script tracks are references that must come first", () => {
    expect(i.tracks.map((t) => [t.kind, t.name, t.weight, t.reverse])).toEqual([
      ["script", "chk", -30, false],
      ["interface", "eth1", 10, true],
    ]);
    expect(m.references.filter((r) => r.kind === "vrrp_script").map((r) => [r.name, r.mustPrecede])).toEqual([["chk", true]]);
  });

  test("sync group members link back to their instances; unknown members stay references", () => {
    expect(m.syncGroups[0]!.members.map((x) => x.name)).toEqual(["VI_1", "VI_2"]);
    expect(i.syncGroup?.name).toBe("G");
    expect(m.references.filter((r) => r.kind === "vrrp_instance").map((r) => r.name)).toEqual(["VI_1", "VI_2"]);
  });

  test("named definitions are collected", () => {
    expect(m.definitions.map((d) => [d.kind, d.name])).toEqual([
      ["vrrp_script", "chk"],
      ["vrrp_instance", "VI_1"],
      ["vrrp_sync_group", "G"],
    ]);
  });
});

describe("virtual servers", () => {
  test("address, fwmark and group forms, real servers with weights, legacy keyword spellings", () => {
    const m = model(`virtual_server 10.0.0.1 80 {
  lb_kind DR
  lb_algo wrr
  protocol TCP
  quorum 3
  real_server 10.0.1.1 80 {
    weight 3
    TCP_CHECK {
      connect_timeout 3
    }
  }
  real_server 10.0.1.2 80 {
  }
}
virtual_server fwmark 7 {
}
virtual_server group web {
}
`);
    const [a, f, g] = m.virtualServers;
    expect([a!.kind, a!.address, a!.port, a!.method?.value, a!.scheduler?.value, a!.quorum?.value]).toEqual([
      "address",
      "10.0.0.1",
      80,
      "DR",
      "wrr",
      3,
    ]);
    expect(a!.realServers.map((r) => [r.address, r.port, r.weight, r.checkers.length])).toEqual([
      ["10.0.1.1", 80, 3, 1],
      ["10.0.1.2", 80, 1, 0],
    ]);
    expect([f!.kind, g!.kind]).toEqual(["fwmark", "group"]);
    expect(m.references.some((r) => r.kind === "virtual_server_group" && r.name === "web")).toBe(true);
  });
});

describe("values are read as the validator reads them", () => {
  test("priority +100 is 100, as keepalived's strtoul reads it, not unwritten (which would make state MASTER 255)", () => {
    const i = model("vrrp_instance A {\n state MASTER\n priority +100\n}\n").instances[0]!;
    expect(i.priority.value).toBe(100);
    expect(i.priority.word?.text).toBe("+100");
  });

  test("a priority keepalived cannot read is its default 100, never the owner's 255", () => {
    expect(model("vrrp_instance A {\n state MASTER\n priority high\n}\n").instances[0]!.priority.value).toBe(100);
  });
});
