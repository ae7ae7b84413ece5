import { describe, expect, test } from "vitest";
import { backup, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("unicast-peer-self", () => {
  test("a node listing its own unicast_src_ip among its peers is reported at that line, naming its source", () => {
    const found = pair(
      master({ extra: "unicast_src_ip 10.0.0.1\nunicast_peer {\n    10.0.0.1\n    10.0.0.2\n}" }),
      backup({ extra: "unicast_src_ip 10.0.0.2\nunicast_peer {\n    10.0.0.1\n}" }),
      "unicast-peer-self",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/master.conf", text: "10.0.0.1" });
    expect(found[0]!.message).toContain("own unicast_src_ip");
    expect(found[0]!.related).toEqual([{ file: "/master.conf", line: expect.any(Number) }]);
  });

  test("IPv6 addresses compare in canonical form", () => {
    const found = pair(
      master({ vips: ["2001:db8::100/64"], extra: "unicast_src_ip 2001:DB8::1\nunicast_peer {\n    2001:db8:0::1\n    2001:db8::2\n}" }),
      backup({ vips: ["2001:db8::100/64"], extra: "unicast_src_ip 2001:db8::2\nunicast_peer {\n    2001:db8::1\n}" }),
      "unicast-peer-self",
    );
    expect(found.map((f) => f.file)).toEqual(["/master.conf"]);
  });

  test("no unicast_src_ip: the node's own address is not known, nothing is said", () => {
    expect(
      pair(
        master({ extra: "unicast_peer {\n    10.0.0.1\n    10.0.0.2\n}" }),
        backup({ extra: "unicast_peer {\n    10.0.0.1\n}" }),
        "unicast-peer-self",
      ),
    ).toEqual([]);
  });

  silentOnCleanPairs("unicast-peer-self", test);
});
