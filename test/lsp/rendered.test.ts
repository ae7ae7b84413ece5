/**
 * Render mode in the language server (docs/templates.md, Render mode): a template whose nodes `.kalintrc.json` names is
 * rendered per node on every change; its findings are shown in the template naming their node;
 * a code lens per node and `kalint.renderedNode` give a node's rendering; hover on an expression
 * shows its value on each node. Driven through the protocol against dist/server.js.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverBuilt, TestClient, type Published } from "./client.js";
import { ROLE_TEMPLATE, writeRenderRole } from "../support/render-role.js";

let dir: string;
let client: TestClient;
let uri: string;

beforeAll(async () => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-rendered-"));
  writeRenderRole(dir);
  client = new TestClient();
  await client.initialize(dir);
  uri = client.open(join(dir, "templates/keepalived.conf.j2"), ROLE_TEMPLATE);
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const messages = (p: Published) => p.diagnostics.map((d) => `${d.range.start.line + 1}: [${String(d.code)}] ${d.message}`);

describe("a rendered template in the editor", () => {
  test("the nodes' findings show in the template, each naming its node", async () => {
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === "priority-tie"));
    const tie = messages(p).filter((m) => m.includes("priority-tie"));
    expect(tie).toHaveLength(1);
    expect(tie[0]).toMatch(/^5: \[priority-tie\] \(lb2\) priority 100 ties with its peer \(lb1 at templates\/keepalived\.conf\.j2:5\)/); // named relative to the workspace folder, as the CLI run there names it
  });

  test("an edit renders again: the tie goes when the priority depends on the state; an undefined variable names itself", async () => {
    client.change(uri, 2, [
      {
        range: { start: { line: 4, character: 13 }, end: { line: 4, character: 30 } },
        text: "{{ 150 if lb_state == 'MASTER' else lb_priority }}",
      },
    ]);
    const p = await client.diagnostics(uri, (x) => x.version === 2);
    expect(messages(p).filter((m) => m.includes("priority-tie"))).toEqual([]);
    client.change(uri, 3, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } }, text: "    state {{ lb_role }}" },
    ]);
    const q = await client.diagnostics(uri, (x) => x.version === 3);
    const undef = messages(q).filter((m) => m.includes("template-undefined-variable"));
    expect(undef).toEqual([
      `2: [template-undefined-variable] (lb1) 'lb_role' is undefined on node lb1; searched ${join(dir, "defaults/main.yml")}, ${join(dir, "host_vars/lb1.yml")}`,
      `2: [template-undefined-variable] (lb2) 'lb_role' is undefined on node lb2; searched ${join(dir, "defaults/main.yml")}, ${join(dir, "host_vars/lb2.yml")}`,
    ]);
  });

  test("a lens per node opens its rendering through kalint.renderedNode", async () => {
    client.change(uri, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, text: ROLE_TEMPLATE }]);
    await client.diagnostics(uri, (x) => x.version === 4);
    const lenses = await client.request<{ command: { title: string; command: string; arguments: unknown[] } }[]>("textDocument/codeLens", {
      textDocument: { uri },
    });
    expect(lenses.map((l) => l.command)).toEqual([
      { title: "rendered: lb1", command: "kalint.showRendering", arguments: [uri, "lb1"] },
      { title: "rendered: lb2", command: "kalint.showRendering", arguments: [uri, "lb2"] },
    ]);
    const r = await client.request<{ text: string }>("workspace/executeCommand", {
      command: "kalint.renderedNode",
      arguments: [uri, "lb2"],
    });
    expect(r.text).toContain("    state BACKUP\n");
    expect(r.text).toContain("    priority 100\n");
  });

  test("hover on an expression shows its value on each node", async () => {
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", {
      textDocument: { uri },
      position: { line: 1, character: 13 },
    });
    expect(h.contents.value).toContain("| lb1 | `MASTER` |");
    expect(h.contents.value).toContain("| lb2 | `BACKUP` |");
  });
});
