import { describe, expect, test } from "vitest";
import { backup, findings, master, pair, silentOnCleanPairs } from "./helpers.js";

const vs = (body: string, head = "10.0.0.100 80") => `virtual_server ${head} {\n${body}}\n`;
const rs = (addr: string, extra = "") =>
  `    real_server ${addr} 80 {\n${extra}        TCP_CHECK {\n            connect_timeout 3\n        }\n    }\n`;

describe("virtual-server-mismatch", () => {
  test("real servers missing on the backup", () => {
    const found = pair(
      master() + vs(`    lvs_sched rr\n${rs("10.0.1.1")}${rs("10.0.1.2")}`),
      backup() + vs("    lvs_sched rr\n"),
      "virtual-server-mismatch",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "virtual_server", related: [{ file: "/master.conf" }] });
    expect(found[0]!.message).toContain("real_server 10.0.1.1 80, 10.0.1.2 80 missing here");
  });

  test("scheduler, method (old and new spellings) and weights", () => {
    const found = pair(
      master() + vs(`    lb_algo wrr\n    lb_kind DR\n${rs("10.0.1.1", "        weight 3\n")}`),
      backup() + vs(`    lvs_sched rr\n    lvs_method NAT\n${rs("10.0.1.1", "        weight 1\n")}`),
      "virtual-server-mismatch",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("lvs_method NAT here, DR on its peer");
    expect(found[0]!.message).toContain("lvs_sched RR here, WRR on its peer");
    expect(found[0]!.message).toContain("weight 1 here, 3 on its peer");
  });

  test("a virtual server on one node only, either way round", () => {
    const found = pair(master() + vs(rs("10.0.1.1")), backup() + vs(rs("10.0.1.1"), "10.0.0.100 443"), "virtual-server-mismatch");
    expect(found.map((f) => [f.file, f.message.slice(0, 40)]).sort()).toEqual([
      ["/backup.conf", "virtual_server 10.0.0.100 443 is configu"],
      ["/master.conf", "virtual_server 10.0.0.100 80 is not conf"],
    ]);
  });

  test("a different checker is a different table", () => {
    const http =
      "    real_server 10.0.1.1 80 {\n        HTTP_GET {\n            url {\n                path /\n            }\n        }\n    }\n";
    const found = pair(master() + vs(rs("10.0.1.1")), backup() + vs(http), "virtual-server-mismatch");
    expect(found[0]!.message).toContain("checks HTTP_GET here, TCP_CHECK on its peer");
  });

  silentOnCleanPairs("virtual-server-mismatch", test);
});

describe("virtual-server-mismatch and node order", () => {
  test("the backup is compared against the master even when it is given first (as an editor does)", () => {
    const vsBlock = (servers: string) => `virtual_server 10.0.0.100 80 {\n    lvs_sched rr\n${servers}}\n`;
    const server = "    real_server 10.0.1.1 80 {\n        TCP_CHECK {\n            connect_timeout 3\n        }\n    }\n";
    const found = findings("virtual-server-mismatch", { "backup.conf": backup() + vsBlock(""), "master.conf": master() + vsBlock(server) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", related: [{ file: "/master.conf" }] });
  });
});
