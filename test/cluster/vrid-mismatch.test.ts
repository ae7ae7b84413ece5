import { describe, expect, test } from "vitest";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { memoryHost } from "../support/memory-host.js";
import { backup, master, pair, readIds, findings, silentOnCleanPairs } from "./helpers.js";

describe("vrid-mismatch", () => {
  test("points at the backup's virtual_router_id, names the master's value and offers it as the fix", () => {
    const found = pair(master({ vrid: 66 }), backup({ vrid: 67 }), "vrid-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", line: 4, text: "67", related: [{ file: "/master.conf", line: 4 }] });
    expect(found[0]!.message).toContain("virtual_router_id 67 differs from its peer's 66 (/master.conf:4)");
    expect(found[0]!.fix).toEqual({ description: "use 66", edits: [{ file: "/backup.conf", line: 4, newText: "66" }] });
  });

  test("the message names the peer's place as its node names files, an included one too (the editor's workspace-relative paths)", () => {
    const host = memoryHost({
      "/ws/lb/master.conf": "include vrrp/*.conf\n",
      "/ws/lb/vrrp/web.conf": master({ vrid: 66 }),
      "/ws/lb/backup.conf": backup({ vrid: 67 }),
    });
    const inFolder = (p: string) => p.replace(/^\/ws\//, "");
    const nodes = ["/ws/lb/master.conf", "/ws/lb/backup.conf"].map((p) => loadNode(p, { host }, inFolder));
    expect(nodes.map((n) => n.label)).toEqual(["lb/master.conf", "lb/backup.conf"]);
    const found = findings("vrid-mismatch", nodes);
    expect(found.map((f) => [f.file, f.related])).toEqual([["/ws/lb/backup.conf", [{ file: "/ws/lb/vrrp/web.conf", line: 4 }]]]);
    expect(found[0]!.message).toContain("differs from its peer's 66 (lb/vrrp/web.conf:4)");
  });

  test("instances paired by their addresses under different names are compared too", () => {
    const found = pair(
      master({ name: "WEB", vrid: 10, vips: ["192.168.5.5"] }),
      backup({ name: "WEB_B", vrid: 11, vips: ["192.168.5.5"] }),
      "vrid-mismatch",
    );
    expect(found.map((f) => f.text)).toEqual(["11"]);
  });

  test("the state MASTER node is the reference even when it is the second file", () => {
    const found = pair(backup({ vrid: 7 }), master({ vrid: 8 }), "vrid-mismatch");
    expect(found.map((f) => [f.file, f.text])).toEqual([["/master.conf", "7"]]);
  });

  test("one file with @main/@backup lines, expanded once per id", () => {
    const text = `vrrp_instance VI_1 {
    interface eth0
@main    state MASTER
@main    virtual_router_id 20
@backup  state BACKUP
@backup  virtual_router_id 21
    virtual_ipaddress {
        10.1.1.1
    }
}
`;
    const found = findings("vrid-mismatch", readIds(text, ["main", "backup"]));
    expect(found.map((f) => [f.line, f.text])).toEqual([[6, "21"]]);
    expect(found[0]!.message).toContain("(/cluster.conf:4 @main)");
  });

  test("equal VRIDs are silent", () => {
    expect(pair(master({ vrid: 5 }), backup({ vrid: 5 }), "vrid-mismatch")).toEqual([]);
  });

  silentOnCleanPairs("vrid-mismatch", test);
});

describe("vrid-mismatch fixes only literal words", () => {
  test("a VRID written through $NAME gets the finding but no fix (the edit would change the definition)", () => {
    const backupText = backup({ vrid: 52 }).replace("virtual_router_id 52", "virtual_router_id $VRID");
    const found = pair(master({ vrid: 51 }), `$VRID=52\n${backupText}`, "vrid-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
  });
});
