import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "missing-real-server";

test("a virtual_server with only a sorry_server", () => {
  const found = findings(code, example("missing-real-server", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[1, "virtual_server"]]);
  expect(found[0]!.message).toBe(
    "virtual_server 192.0.2.10 80 has no real_server; keepalived ignores the whole virtual server (a sorry_server does not count)",
  );
});

test("one real_server is enough", () => {
  expect(findings(code, example("missing-real-server", "right"))).toEqual([]);
});

test("group-based and fwmark virtual servers need real servers too", () => {
  const text =
    "virtual_server_group web {\n    192.0.2.1 80\n}\nvirtual_server group web {\n    lvs_sched rr\n}\nvirtual_server fwmark 7 {\n    real_server 198.51.100.1 80\n}\n";
  expect(findings(code, text).map((f) => [f.line, f.message.split(";")[0]])).toEqual([[4, "virtual_server group web has no real_server"]]);
});
