import { describe, expect, test } from "vitest";
import { backup, master, pair, script, silentOnCleanPairs } from "./helpers.js";

const tracking = (...names: string[]) => `track_script {\n${names.map((n) => `    ${n}`).join("\n")}\n}`;

describe("track-mismatch", () => {
  test("the backup does not track the master's script: reported on the backup, pointing at the master's line", () => {
    const found = pair(master({ extra: tracking("chk_haproxy") }, script("chk_haproxy")), backup(), "track-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "VI_1", related: [{ file: "/master.conf" }] });
    expect(found[0]!.message).toContain("does not track script 'chk_haproxy', which its peer tracks (/master.conf:");
  });

  test("either direction: a track only the backup has is reported on the master, at its track_script block", () => {
    const found = pair(
      master({ extra: tracking("chk_a") }, script("chk_a")),
      backup({ extra: tracking("chk_a", "chk_b") }, script("chk_a") + script("chk_b")),
      "track-mismatch",
    );
    expect(found.map((f) => [f.file, f.text])).toEqual([["/master.conf", "track_script"]]);
    expect(found[0]!.message).toContain("script 'chk_b'");
  });

  test("a track naming a script the node does not define counts as missing (keepalived drops it)", () => {
    const found = pair(master({ extra: tracking("haproxy") }, script("haproxy")), backup({ extra: tracking("haproxy") }), "track-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "haproxy" });
    expect(found[0]!.message).toContain("defines no vrrp_script of that name");
  });

  test("processes and files are compared too; interfaces are not (their names belong to the host)", () => {
    const defs = "vrrp_track_process nginx {\n    process nginx\n}\ntrack_file flag {\n    file /run/flag\n}\n";
    const found = pair(
      master({ extra: "track_process {\n    nginx\n}\ntrack_file {\n    flag\n}\ntrack_interface {\n    eth1\n}" }, defs),
      backup({}, defs),
      "track-mismatch",
    );
    expect(found.map((f) => f.message.match(/track (\w+ '\w+')/)?.[1]).sort()).toEqual(["file 'flag'", "process 'nginx'"]);
  });

  test("the same tracks with different weights are a matter for track-weight-insufficient, not this rule", () => {
    expect(
      pair(
        master({ extra: "track_script {\n    chk weight -50\n}" }, script("chk")),
        backup({ extra: "track_script {\n    chk weight -10\n}" }, script("chk")),
        "track-mismatch",
      ),
    ).toEqual([]);
  });

  test("a script both nodes leave undefined is one node's undefined-reference twice, not a difference", () => {
    expect(pair(master({ extra: tracking("ghost") }), backup({ extra: tracking("ghost") }), "track-mismatch")).toEqual([]);
  });

  silentOnCleanPairs("track-mismatch", test);
});
