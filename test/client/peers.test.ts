import { describe, expect, test } from "vitest";
import { configuredPeers, rankCandidates } from "../../client/src/peers.js";

describe("configuredPeers", () => {
  const groups = [
    ["lb1/keepalived.conf", "lb2/keepalived.conf", "./lb3/../lb3/keepalived.conf"],
    ["edge/a.conf", "edge/b.conf"],
  ];
  test("the other members of the file's group, resolved against the workspace folder", () => {
    expect(configuredPeers("/ws/lb2/keepalived.conf", groups, "/ws")).toEqual(["/ws/lb1/keepalived.conf", "/ws/lb3/keepalived.conf"]);
  });
  test("nothing for a file in no group", () => {
    expect(configuredPeers("/ws/other.conf", groups, "/ws")).toEqual([]);
  });
});

describe("rankCandidates", () => {
  test("configured peers, then the same folder, then sibling folders, then the rest", () => {
    const found = ["/ws/z/far.conf", "/ws/lb2/keepalived.conf", "/ws/lb1/backup.conf", "/ws/lb1/master.conf", "/ws/lb9/keepalived.conf"];
    expect(rankCandidates("/ws/lb1/master.conf", ["/ws/lb9/keepalived.conf"], found)).toEqual([
      "/ws/lb9/keepalived.conf",
      "/ws/lb1/backup.conf",
      "/ws/lb2/keepalived.conf",
      "/ws/z/far.conf",
    ]);
  });
});
