import { describe, expect, test } from "vitest";
import { preprocess, type Statement } from "../../grammar/index.js";
import { memoryHost } from "../support/memory-host.js";
import { located, shapes, walk, where } from "./helpers.js";

const ROOT = "/etc/keepalived/keepalived.conf";

function run(files: Record<string, string>, configId?: string) {
  return preprocess(ROOT, { host: memoryHost(files), ...(configId === undefined ? {} : { configId }) });
}

const statements = (config: ReturnType<typeof run>) =>
  [...walk(config.file.children)].filter((n): n is Statement => n.kind === "statement");

describe("include", () => {
  test("a glob includes the matching files in sorted order, relative to the including file", () => {
    const config = run({
      [ROOT]: "include conf.d/*.conf\nlast 1\n",
      "/etc/keepalived/conf.d/b.conf": "b 2\n",
      "/etc/keepalived/conf.d/a.conf": "a 1\n",
      "/etc/keepalived/conf.d/notes.txt": "ignored 1\n",
    });
    expect(shapes(config.file)).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["last", "1"],
    ]);
    expect(config.files.map((f) => f.path)).toEqual([ROOT, "/etc/keepalived/conf.d/a.conf", "/etc/keepalived/conf.d/b.conf"]);
    expect(config.diagnostics).toEqual([]);
    // The file as written still has the include line.
    expect(shapes(config.raw)).toEqual([
      ["include", "conf.d/*.conf"],
      ["last", "1"],
    ]);
  });

  test("statements from an included file point at that file and line", () => {
    const config = run({ [ROOT]: "x 0\ninclude /srv/k/part.conf\n", "/srv/k/part.conf": "\n\n  priority 150\n" });
    expect(statements(config).map(where)).toEqual([
      { file: ROOT, line: 1, text: "x 0" },
      { file: "/srv/k/part.conf", line: 3, text: "priority 150" },
    ]);
  });

  test("a nested include resolves against the directory of the file that names it", () => {
    const config = run({
      [ROOT]: "include sub/one.conf\n",
      "/etc/keepalived/sub/one.conf": "include two.conf\n",
      "/etc/keepalived/sub/two.conf": "deep 1\n",
      "/etc/keepalived/two.conf": "wrong 1\n",
    });
    expect(shapes(config.file)).toEqual([["deep", "1"]]);
  });

  test("brace alternatives are expanded in order", () => {
    const config = run({ [ROOT]: "include {z,a}.conf\n", "/etc/keepalived/a.conf": "a 1\n", "/etc/keepalived/z.conf": "z 1\n" });
    expect(shapes(config.file)).toEqual([
      ["z", "1"],
      ["a", "1"],
    ]);
  });

  test("blocks may open in one file and close in another", () => {
    const config = run({ [ROOT]: "vrrp_instance V {\ninclude body.conf\n}\n", "/etc/keepalived/body.conf": "state MASTER\n" });
    expect(shapes(config.file)).toEqual([{ "vrrp_instance V": [["state", "MASTER"]] }]);
  });

  test("an include cycle is a diagnostic at the include that closes it, not a hang", () => {
    const config = run({ [ROOT]: "include a.conf\n", "/etc/keepalived/a.conf": "a 1\ninclude keepalived.conf\n" });
    expect(shapes(config.file)).toEqual([["a", "1"]]);
    expect(config.diagnostics.map(located)).toEqual([
      expect.objectContaining({ code: "include-cycle", file: "/etc/keepalived/a.conf", line: 2, column: 9, text: "keepalived.conf" }),
    ]);
  });

  test("a file that includes itself through a glob stops too", () => {
    const config = run({ [ROOT]: "include *.conf\nx 1\n" });
    expect(config.diagnostics.map((d) => d.code)).toEqual(["include-cycle"]);
    expect(shapes(config.file)).toEqual([["x", "1"]]);
  });

  test("a missing include is reported at its pattern and the rest is read", () => {
    const config = run({ [ROOT]: "a 1\ninclude /nowhere/*.conf\nb 2\n" });
    expect(config.diagnostics.map(located)).toEqual([
      expect.objectContaining({ code: "include-not-found", file: ROOT, line: 2, column: 9, text: "/nowhere/*.conf" }),
    ]);
    expect(shapes(config.file)).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  test("a missing root file is include-not-found, not an exception", () => {
    const config = preprocess("/nope.conf", { host: memoryHost({}) });
    expect(config.diagnostics.map((d) => d.code)).toEqual(["include-not-found"]);
  });
});

describe("parameters", () => {
  test("$NAME and ${NAME} are replaced; ${NAME} works glued to text", () => {
    const config = run({ [ROOT]: "$PRIO=150\n$NET=10.0.0\npriority $PRIO\naddress ${NET}.1\n" });
    expect(shapes(config.file)).toEqual([
      ["priority", "150"],
      ["address", "10.0.0.1"],
    ]);
    expect(config.parameters.get("PRIO")?.value).toBe("150");
  });

  test("$NAME glued to other text is not a reference and stays as written", () => {
    const config = run({ [ROOT]: "$NET=10.0.0\naddress $NET.1\n" });
    expect(shapes(config.file)).toEqual([["address", "$NET.1"]]);
  });

  test("an undefined $NAME stays as written and is reported at the reference", () => {
    const config = run({ [ROOT]: "notify /bin/x $UNSET\n" });
    expect(shapes(config.file)).toEqual([["notify", "/bin/x", "$UNSET"]]);
    expect(config.diagnostics.map(located)).toEqual([
      expect.objectContaining({ code: "undefined-variable", line: 1, column: 15, text: "$UNSET" }),
    ]);
  });

  test("definitions are ordered: a later definition replaces the value from there on", () => {
    const config = run({ [ROOT]: "$A=1\nx $A\n$A=2\ny $A\n" });
    expect(shapes(config.file)).toEqual([
      ["x", "1"],
      ["y", "2"],
    ]);
  });

  test("nested definitions expand", () => {
    const config = run({ [ROOT]: "$A=${B}0\n$B=5\nx $A\n" });
    expect(shapes(config.file)).toEqual([["x", "50"]]);
  });

  test("a multi-line definition expands into several lines where it is used", () => {
    const config = run({ [ROOT]: "$CHK=TCP_CHECK { \\\n  connect_timeout 3 \\\n}\nreal_server 10.0.0.2 80 {\n  $CHK\n}\n" });
    expect(shapes(config.raw)[0]).toEqual({ def: "CHK=TCP_CHECK {\nconnect_timeout 3\n}" });
    expect(shapes(config.file)).toEqual([{ "real_server 10.0.0.2 80": [{ TCP_CHECK: [["connect_timeout", "3"]] }] }]);
    // The generated lines point at the reference that produced them.
    const inner = statements(config)[0]!;
    expect(where(inner)).toEqual({ file: ROOT, line: 5, text: "$CHK" });
  });

  describe("the lines of a multi-line definition, as keepalived -t 2.2.7 reads them", () => {
    // `$A` holds two settings when the definition runs over both lines; otherwise `priority 100`
    // is a top-level line (keepalived: "Unknown keyword 'priority'").
    const use = "vrrp_instance VI_1 {\n  $A\n}\n";
    const read = (definition: string) => shapes(run({ [ROOT]: definition + use }).file);
    const inBlock = [
      {
        "vrrp_instance VI_1": [
          ["virtual_router_id", "5"],
          ["priority", "100"],
        ],
      },
    ];
    const outside = [["priority", "100"], { "vrrp_instance VI_1": [["virtual_router_id", "5"]] }];

    test("a comment line that ends in a backslash continues the definition, and adds nothing to it", () => {
      expect(read("$A=virtual_router_id 5 \\\n# a comment \\\npriority 100\n")).toEqual(inBlock);
    });

    test("a backslash after a comment at the end of a line continues it too", () => {
      expect(read("$A=virtual_router_id 5 # first \\\npriority 100\n")).toEqual(inBlock);
      expect(read("$A=virtual_router_id 5 \\ # first\npriority 100\n")).toEqual(inBlock);
    });

    test("a comment line, a blank line or an empty line without one ends it", () => {
      expect(read("$A=virtual_router_id 5 \\\n# a comment\npriority 100\n")).toEqual(outside);
      expect(read("$A=virtual_router_id 5 \\\n   \npriority 100\n")).toEqual(outside);
      expect(read("$A=virtual_router_id 5 \\\n\npriority 100\n")).toEqual(outside);
    });

    test("the tree as written reads the same value, and no syntax error follows", () => {
      const config = run({ [ROOT]: "$A=virtual_router_id 5 \\\n# a comment \\\npriority 100\n" + use });
      expect(shapes(config.raw)[0]).toEqual({ def: "A=virtual_router_id 5\npriority 100" });
      expect(config.diagnostics).toEqual([]);
    });
  });

  test("a definition that names itself is reported, not expanded forever", () => {
    const grows = run({ [ROOT]: "$A=x ${A}\ny $A\n" });
    expect(grows.diagnostics.map((d) => [d.code, d.message])).toEqual([["syntax-error", expect.stringContaining("does not terminate")]]);
    // A multi-line value whose last line names it again: each expansion goes one level deeper.
    const multi = run({ [ROOT]: "$A=1 \\\n${A}\r\n$A\n" });
    expect(multi.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("does not terminate")]);
    expect(where(multi.diagnostics[0]!)).toMatchObject({ line: 3 });
  });

  test("a multi-line value that names itself on two lines is reported once, and the lines after it are read", () => {
    const config = run({ [ROOT]: "$A=${A} \\\n${A}\n$A\nafter 1\n" });
    expect(config.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("does not terminate")]);
    expect(shapes(config.file)).toContainEqual(["after", "1"]);
  });

  test("expansions that branch stop at the line budget, reported where they stopped", () => {
    // 40 x 40 lines from one header pair: well within the depth limit, over a budget of 1,000.
    const config = preprocess(ROOT, {
      host: memoryHost({ [ROOT]: "a 1\n~SEQ(i,1,40) ~SEQ(j,1,40) x $i $j\nafter 1\n" }),
      limits: { lines: 1000 },
    });
    expect(config.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["resource-limit", "preprocessing read 1,000 lines (includes and expansions counted); kalint stopped reading here"],
    ]);
    expect(where(config.diagnostics[0]!)).toMatchObject({ line: 2 });
    const lines = statements(config);
    expect(lines[0]).toMatchObject({ keyword: { text: "a" } });
    expect(lines.length).toBeLessThan(1000);
    expect(lines.at(-1)).toMatchObject({ keyword: { text: "x" } });
  });

  test("a word after a substitution still points at its own place in the line", () => {
    const config = run({ [ROOT]: "$LONGER_NAME=x\n\nkw $LONGER_NAME tail\n" });
    const stmt = statements(config)[0]!;
    expect([where(stmt.args[0]!), where(stmt.args[1]!)]).toEqual([
      { file: ROOT, line: 3, text: "$LONGER_NAME" },
      { file: ROOT, line: 3, text: "tail" },
    ]);
  });
});

describe("conditional lines", () => {
  const text = "@main priority 150\n@backup priority 100\n@^main state BACKUP\nall 1\n";

  test.each([
    [
      "main",
      [
        ["priority", "150"],
        ["all", "1"],
      ],
    ],
    [
      "backup",
      [
        ["priority", "100"],
        ["state", "BACKUP"],
        ["all", "1"],
      ],
    ],
    [
      undefined,
      [
        ["state", "BACKUP"],
        ["all", "1"],
      ],
    ],
  ])("config id %s keeps its own lines", (id, expected) => {
    expect(shapes(run({ [ROOT]: text }, id).file)).toEqual(expected);
  });

  test("the raw view keeps every conditional line with its condition", () => {
    const raw = run({ [ROOT]: text }, "main").raw;
    expect(raw.children.map((n) => n.condition && [n.condition.id, n.condition.negated])).toEqual([
      ["main", false],
      ["backup", false],
      ["main", true],
      undefined,
    ]);
  });

  test("a conditional definition applies only on its node", () => {
    const files = { [ROOT]: "$P=100\n@main $P=200\npriority $P\n" };
    expect(shapes(run(files, "main").file)).toEqual([["priority", "200"]]);
    expect(shapes(run(files, "other").file)).toEqual([["priority", "100"]]);
  });

  test("one @id is taken off a line; a second @word stays as its keyword, unless a substitution brings it to the front", () => {
    expect(shapes(run({ [ROOT]: "@main @main priority 150\n" }, "main").file)).toEqual([["@main", "priority", "150"]]);
    expect(shapes(run({ [ROOT]: "$ON_MAIN=@main\n$ON_MAIN priority 150\n@main $ON_MAIN priority 140\n" }, "main").file)).toEqual([
      ["priority", "150"],
      ["priority", "140"],
    ]);
    expect(shapes(run({ [ROOT]: "~SEQ(i,1,2) @main x $i\n" }, "main").file)).toEqual([
      ["x", "1"],
      ["x", "2"],
    ]);
  });

  test("a kept conditional line points at its text after the prefix", () => {
    const stmt = statements(run({ [ROOT]: "a 1\n@main   priority 150\n" }, "main"))[1]!;
    expect(where(stmt)).toEqual({ file: ROOT, line: 2, text: "priority 150" });
  });
});

describe("~SEQ and ~LST", () => {
  test.each([
    ["~SEQ(i, 3) x $i", ["1", "2", "3"]],
    ["~SEQ(i, 2, 4) x $i", ["2", "3", "4"]],
    ["~SEQ(i, 10, -5, 0) x $i", ["10", "5", "0"]],
    ["~SEQ(i, -2) x $i", ["-1", "-2"]],
    ["~SEQx(i, 9, 11) x $i", ["9", "a", "b"]],
    ["~SEQ(i, 0x2, 3) x $i", ["2", "3"]],
    ["~LST(i, eth0, eth1) x $i", ["eth0", "eth1"]],
  ])("%s", (line, values) => {
    expect(shapes(run({ [ROOT]: `${line}\n` }).file)).toEqual(values.map((v) => ["x", v]));
  });

  test("~LST with value sets assigns several names; a missing value is empty", () => {
    const config = run({ [ROOT]: "~LST({A, B}, {1, 2}, {3}) x $A ${B}y\n" });
    expect(shapes(config.file)).toEqual([
      ["x", "1", "2y"],
      ["x", "3", "y"],
    ]);
  });

  test("chained headers nest and bounds may be parameters", () => {
    const config = run({ [ROOT]: "$N=2\n~SEQ(i, $N) ~LST(j, a, b) x $i$j\n".replace("$i$j", "${i}${j}") });
    expect(shapes(config.file)).toEqual([
      ["x", "1a"],
      ["x", "1b"],
      ["x", "2a"],
      ["x", "2b"],
    ]);
  });

  test("expanded lines point at the header line", () => {
    const config = run({ [ROOT]: "a 1\n~SEQ(i, 2) vrrp_instance VI_$i { }\n".replace("VI_$i", "VI_${i}") });
    expect(shapes(config.file).slice(1)).toEqual([{ "vrrp_instance VI_1": [] }, { "vrrp_instance VI_2": [] }]);
    expect(config.file.children.slice(1).map((n) => where(n).line)).toEqual([2, 2]);
  });

  test("a step that never reaches the end is invalid-value, not an endless loop", () => {
    const config = run({ [ROOT]: "~SEQ(i, 1, -1, 5) x $i\n" });
    expect(config.diagnostics.map((d) => d.code)).toEqual(["invalid-value"]);
    expect(shapes(config.file)).toEqual([]);
  });
});

describe("bounds (grammar/limits.ts)", () => {
  test("substitution stops where the line would pass 1023 bytes, as keepalived's buffer does, and says so there", () => {
    const config = run({ [ROOT]: `$A=${"x".repeat(600)}\nkw $A $A tail\n` });
    expect(config.diagnostics.map((d) => [d.code, located(d).column])).toEqual([["line-too-long", 7]]);
    expect(config.diagnostics[0]!.message).toMatch(
      /^substituting \$A here would make the line 1,209 bytes long; keepalived stops substituting/,
    );
    // The first reference is replaced, the second and the rest kept as written.
    expect(shapes(config.file)).toEqual([["kw", "x".repeat(600), "$A", "tail"]]);
  });

  test("definitions that double at each level end at the line limit, not after 2^40 bytes", () => {
    const lines = ["$A0=xx", ...Array.from({ length: 39 }, (_, i) => `$A${i + 1}=$A${i} $A${i}`), "kw $A39"];
    const started = performance.now();
    const config = run({ [ROOT]: lines.join("\n") + "\n" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(config.diagnostics.map((d) => d.code)).toContain("line-too-long");
  });

  test("an include of something that is not a regular file says what it is; a directory pattern matches nothing", () => {
    const memory = memoryHost({ [ROOT]: "include /dev/zero\ninclude /srv/*\n", "/srv/sub/a.conf": "a 1\n" });
    const host = {
      ...memory,
      stat: (p: string) => (p === "/dev/zero" ? { kind: "other" as const, size: 0, realPath: p, system: true } : memory.stat(p)),
    };
    const config = preprocess(ROOT, { host });
    expect(config.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["include-not-found", "/dev/zero is a system pseudo-file (under /proc, /sys or /dev); kalint does not read it"],
      ["include-not-found", "no file matches include pattern '/srv/*'"],
    ]);
  });

  test("files, bytes and words read are budgeted per analysis, each reported once where it ran out", () => {
    const files: Record<string, string> = { [ROOT]: "include d/*.conf\ninclude e/*.conf\n" };
    for (let i = 0; i < 8; i++) files[`/etc/keepalived/d/${i}.conf`] = `a${i} 1\n`;
    for (let i = 0; i < 8; i++) files[`/etc/keepalived/e/${i}.conf`] = `b${i} 1\n`;
    const byFiles = preprocess(ROOT, { host: memoryHost(files), limits: { files: 5 } });
    expect(byFiles.files).toHaveLength(6);
    expect(byFiles.diagnostics.map((d) => [d.code, located(d).line, d.message])).toEqual([
      ["resource-limit", 1, "kalint reads 5 files per analysis; /etc/keepalived/d/5.conf and the files after it are not read"],
    ]);
    const byBytes = preprocess(ROOT, { host: memoryHost(files), limits: { totalBytes: 60 } });
    expect(byBytes.diagnostics.filter((d) => d.code === "resource-limit")).toHaveLength(1);
    const byWords = preprocess(ROOT, { host: memoryHost(files), limits: { words: 20 } });
    expect(byWords.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^kalint parses 20 words per analysis/)]);
  });

  test("a root file over the line budget is read up to it, and cut there", () => {
    const config = preprocess(ROOT, { host: memoryHost({ [ROOT]: "a 1\n".repeat(50) }), limits: { lines: 10 } });
    expect(config.root.text).toBe("a 1\n".repeat(10));
    expect(config.root.origin.truncated).toBe(true);
    expect(config.diagnostics.map((d) => [d.code, located(d).line])).toEqual([["resource-limit", 11]]);
  });

  test("a file over the size limit is not read at all", () => {
    const config = preprocess(ROOT, {
      host: memoryHost({ [ROOT]: "include big.conf\n", "/etc/keepalived/big.conf": "x".repeat(200) }),
      limits: { fileBytes: 100 },
    });
    expect(config.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["resource-limit", "cannot read /etc/keepalived/big.conf: it is over 100 bytes"],
    ]);
  });
});
