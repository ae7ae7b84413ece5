import { describe, expect, test } from "vitest";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { keywordAt } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";
import { memoryHost } from "../support/memory-host.js";
import { backup, findings, master, pair, silentOnCleanPairs } from "./helpers.js";

const unicast = (src: string, ...peers: string[]) => `unicast_src_ip ${src}\nunicast_peer {\n${peers.map((p) => `    ${p}`).join("\n")}\n}`;

describe("unicast-mismatch", () => {
  test("unicast on the master, multicast on the backup", () => {
    const found = pair(master({ extra: unicast("10.0.0.1", "10.0.0.2") }), backup(), "unicast-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "VI_1" });
    expect(found[0]!.message).toContain("uses multicast but its peer sends adverts by unicast");
  });

  test("multicast on the master, unicast on the backup points at the backup's unicast_peer", () => {
    const found = pair(master(), backup({ extra: unicast("10.0.0.2", "10.0.0.1") }), "unicast-mismatch");
    expect(found.map((f) => f.text)).toEqual(["unicast_peer"]);
  });

  test("a node's unicast_src_ip missing from the other's unicast_peer; the fix adds it as a new line", () => {
    const found = pair(
      master({ extra: unicast("10.0.0.1", "10.0.0.2") }),
      backup({ extra: unicast("10.0.0.2", "10.0.0.9") }),
      "unicast-mismatch",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "unicast_peer", related: [{ file: "/master.conf" }] });
    expect(found[0]!.message).toContain("does not list 10.0.0.1");
    expect(found[0]!.fix).toMatchObject({
      description: "add 10.0.0.1 to unicast_peer",
      edits: [{ file: "/backup.conf", newText: "        10.0.0.1\n" }],
    });
  });

  test("both directions wrong: one finding on each node", () => {
    const found = pair(
      master({ extra: unicast("10.0.0.1", "10.0.0.3") }),
      backup({ extra: unicast("10.0.0.2", "10.0.0.4") }),
      "unicast-mismatch",
    );
    expect(found.map((f) => f.file).sort()).toEqual(["/backup.conf", "/master.conf"]);
  });

  test("three unicast nodes each list the other two; one forgotten entry is found", () => {
    const found = findings("unicast-mismatch", {
      "a.conf": master({ extra: unicast("10.0.0.1", "10.0.0.2", "10.0.0.3") }),
      "b.conf": backup({ extra: unicast("10.0.0.2", "10.0.0.1", "10.0.0.3") }),
      "c.conf": backup({ priority: 90, extra: unicast("10.0.0.3", "10.0.0.1") }),
    });
    expect(found.map((f) => [f.file, f.message.match(/does not list (\S+),/)?.[1]])).toEqual([["/c.conf", "10.0.0.2"]]);
  });

  test("a unicast_src_ip that is no address (a template placeholder) is left to the file check", () => {
    const found = pair(
      master({ extra: unicast("[main_ip]", "[backup_ip]") }),
      backup({ extra: unicast("[main_ip]", "[backup_ip]") }),
      "unicast-mismatch",
    );
    expect(found).toEqual([]);
  });

  silentOnCleanPairs("unicast-mismatch", test);
});

describe("a unicast peer list that lacks a peer (as the lab shows on keepalived 2.2.7)", () => {
  const m = (peers: string, extra = "") => master({ extra: `unicast_src_ip 10.0.0.1\nunicast_peer {\n    ${peers}\n}${extra}` });
  const b = (peers: string, extra = "") => backup({ extra: `unicast_src_ip 10.0.0.2\nunicast_peer {\n    ${peers}\n}${extra}` });

  test("on the backup, without check_unicast_src: a warning, the addresses still move", () => {
    const found = pair(m("10.0.0.2"), b("10.0.0.3"), "unicast-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", severity: "warning" });
    expect(found[0]!.message).toContain("harmless while the peer is master");
  });

  test("on the backup, with check_unicast_src: split brain, an error", () => {
    const found = pair(m("10.0.0.2"), b("10.0.0.3", "\ncheck_unicast_src"), "unicast-mismatch");
    expect(found[0]).toMatchObject({ file: "/backup.conf", severity: "error" });
    expect(found[0]!.message).toContain("with check_unicast_src it also drops that peer's adverts");
  });

  test("the instance's check_unicast_src counts only for a release that reads it (the schema dates the keyword)", () => {
    const host = memoryHost({ "/master.conf": m("10.0.0.2"), "/backup.conf": b("10.0.0.3", "\ncheck_unicast_src") });
    const at = (targetVersion: Version) =>
      findings(
        "unicast-mismatch",
        ["/master.conf", "/backup.conf"].map((p) => loadNode(p, { host, targetVersion })),
      );
    expect(keywordAt(["vrrp_instance"], "check_unicast_src")?.since).toEqual([2, 1, 0]);
    expect(at([2, 1, 0])[0]).toMatchObject({ file: "/backup.conf", severity: "error" });
    const older = at([2, 0, 20]);
    expect(older[0]).toMatchObject({ file: "/backup.conf", severity: "warning" });
    expect(older[0]!.message).toContain("harmless while the peer is master");
  });

  test("on the master: the backup never hears it, an error", () => {
    const found = pair(m("10.0.0.3"), b("10.0.0.1"), "unicast-mismatch");
    expect(found[0]).toMatchObject({ file: "/master.conf", severity: "error" });
    expect(found[0]!.message).toContain("that peer never hears this master");
  });
});
