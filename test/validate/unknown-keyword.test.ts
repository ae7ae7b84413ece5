/** unknown-keyword fires in every kind of block, and says something useful about the word. */
import { describe, expect, test } from "vitest";
import { allKeywords } from "../../server/src/schema/lookup.js";
import { findings } from "./helpers.js";

/** Arguments that make each block's opening line valid. */
const ARGS: Readonly<Record<string, string>> = {
  vrrp_instance: "VI_1",
  vrrp_sync_group: "VG_1",
  vrrp_script: "chk",
  vrrp_track_process: "proc",
  track_group: "TG",
  bfd_instance: "bfd1",
  track_file: "tf",
  vrrp_track_file: "tf",
  virtual_server: "10.0.0.1 80",
  real_server: "10.0.0.2 80",
};

/** Every block whose lines are keywords, by path. */
const BLOCKS: readonly (readonly string[])[] = [
  ["global_defs"],
  ["track_group"],
  ["vrrp_sync_group"],
  ["garp_group"],
  ["vrrp_instance"],
  ["vrrp_instance", "authentication"],
  ["vrrp_instance", "auth_hmac"],
  ["vrrp_script"],
  ["vrrp_track_process"],
  ["SSL"],
  ["virtual_server"],
  ["virtual_server", "real_server"],
  ["virtual_server", "real_server", "MISC_CHECK"],
  ["virtual_server", "real_server", "SMTP_CHECK"],
  ["virtual_server", "real_server", "SMTP_CHECK", "host"],
  ["virtual_server", "real_server", "TCP_CHECK"],
  ["virtual_server", "real_server", "PING_CHECK"],
  ["virtual_server", "real_server", "UDP_CHECK"],
  ["virtual_server", "real_server", "HTTP_GET"],
  ["virtual_server", "real_server", "HTTP_GET", "url"],
  ["virtual_server", "real_server", "SSL_GET"],
  ["virtual_server", "real_server", "SSL_GET", "url"],
  ["virtual_server", "real_server", "DNS_CHECK"],
  ["virtual_server", "real_server", "FILE_CHECK"],
  ["virtual_server", "real_server", "BFD_CHECK"],
  ["bfd_instance"],
  ["track_file"],
  ["vrrp_track_file"],
];

function nested(path: readonly string[], inner: string): string {
  const open = path.map((k, i) => `${"  ".repeat(i)}${k}${ARGS[k] ? ` ${ARGS[k]}` : ""} {`);
  const close = path.map((_, i) => `${"  ".repeat(path.length - 1 - i)}}`);
  return [...open, `${"  ".repeat(path.length)}${inner}`, ...close].join("\n") + "\n";
}

describe("unknown-keyword in every block kind", () => {
  test.each(BLOCKS.map((p) => [p.join(" > "), p] as const))("%s", (label, path) => {
    const found = findings(nested(path, "no_such_keyword 1"));
    expect(found).toContainEqual(
      expect.objectContaining({ code: "unknown-keyword", severity: "error", word: "no_such_keyword", line: path.length + 1 }),
    );
    expect(found.find((f) => f.code === "unknown-keyword")!.message).toContain(label);
  });

  test("and at the top level", () => {
    expect(findings("no_such_keyword 1\n")).toContainEqual(expect.objectContaining({ code: "unknown-keyword", word: "no_such_keyword" }));
  });

  test("the table above covers every keyword block of the schema", () => {
    const inSchema = new Set(
      allKeywords()
        .filter((k) => k.block === "keywords")
        .map((k) => [...k.parents, k.name].join(" > ")),
    );
    const tested = new Set(BLOCKS.map((p) => p.join(" > ")));
    expect([...inSchema].filter((p) => !tested.has(p))).toEqual([]);
  });
});

describe("what unknown-keyword says", () => {
  test("did-you-mean from the keywords of this block, with a fix", () => {
    const [f] = findings(nested(["vrrp_instance"], "priorty 100"));
    expect(f).toMatchObject({ code: "unknown-keyword", word: "priorty" });
    expect(f!.message).toContain("did you mean priority");
  });

  test("a keyword of another block names where it belongs", () => {
    const [f] = findings(nested(["vrrp_instance"], "lb_algo rr"));
    expect(f).toMatchObject({ code: "unknown-keyword", word: "lb_algo" });
    expect(f!.message).toMatch(/lb_algo is valid in virtual_server.*not in vrrp_instance/);
  });

  test("keywords are case-sensitive", () => {
    expect(findings(nested(["vrrp_instance"], "Priority 100"))).toContainEqual(
      expect.objectContaining({ code: "unknown-keyword", word: "Priority" }),
    );
  });

  test("names only the manual page uses point at the keyword keepalived reads", () => {
    const [f] = findings(nested(["global_defs"], "state_file_location /tmp/state"));
    expect(f).toMatchObject({ code: "unknown-keyword", word: "state_file_location" });
    expect(f!.message).toContain("state_dump_file");
  });

  test("removed keywords are removed-keyword errors", () => {
    expect(findings(nested(["global_defs"], "lvs_id LVS1"))).toContainEqual(
      expect.objectContaining({ code: "removed-keyword", severity: "error", word: "lvs_id" }),
    );
  });

  test("the contents of an unknown block are not reported again", () => {
    const found = findings("vrrp_instanse VI_1 {\n  bogus 1\n}\n");
    expect(found.map((f) => f.word)).toEqual(["vrrp_instanse"]);
  });
});

describe("merge conflict markers", () => {
  test("each marker line is named as an unresolved merge conflict", () => {
    const text = "vrrp_instance VI_1 {\n<<<<<<< HEAD\n    priority 150\n=======\n    priority 100\n>>>>>>> feature\n}\n";
    const found = findings(text).filter((f) => f.code === "unknown-keyword");
    expect(found.map((f) => [f.line, f.word])).toEqual([
      [2, "<<<<<<<"],
      [4, "======="],
      [6, ">>>>>>>"],
    ]);
    for (const f of found) expect(f.message).toContain("unresolved merge conflict");
  });

  test("other runs of those characters are ordinary unknown keywords", () => {
    const [found] = findings("global_defs {\n    <<<<<<\n}\n");
    expect(found!.message).toBe("unknown keyword '<<<<<<' in global_defs");
  });
});
