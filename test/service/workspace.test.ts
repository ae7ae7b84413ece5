/**
 * The Workspace without a language server: open documents over a FileHost of memory, their
 * analyses by version, an included file seen in its includer's context, and peers found in the
 * workspace folder, as a browser front end would drive it.
 */
import { expect, test } from "vitest";
import { Workspace, type DocumentSettings, type OpenTexts } from "../../server/src/service/index.js";
import { openFilesHost } from "../../server/src/lsp/browser-environment.js";
import { memoryHost } from "../support/memory-host.js";
import type { FileHost } from "../../grammar/index.js";
import { renderedText } from "../../server/src/service/rendered.js";
import { ROLE_TEMPLATE } from "../support/render-role.js";

const node = (state: string, priority: number, vrid: number) =>
  `vrrp_instance VI_1 {\n    state ${state}\n    interface eth0\n    virtual_router_id ${vrid}\n    priority ${priority}\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n`;

function workspace(
  files: Record<string, string>,
  browser = false,
  settings: DocumentSettings = { rules: {}, peers: [] },
  reads: string[] = [],
) {
  const open = new Map<string, { version: number; text: string }>();
  const texts: OpenTexts = {
    get: (uri) => {
      const d = open.get(uri);
      return d && { version: d.version, getText: () => d.text };
    },
    keys: () => [...open.keys()],
  };
  // In a browser the open documents are all the files there are (lsp/browser-environment.ts).
  const ws: Workspace = new Workspace(
    {
      files: browser ? openFilesHost(() => ws.openPaths()) : counted(memoryHost(files), reads),
      onlyOpenDocuments: browser,
      folders: () => ["/w"],
      settingsFor: () => settings,
      pathOf: (uri) => uri.replace(/^mem:/, ""),
      uriOfPath: (path) => `mem:${path}`,
    },
    texts,
  );
  const edit = (path: string, text: string) => {
    const uri = `mem:${path}`;
    const known = open.get(uri);
    open.set(uri, { version: (known?.version ?? 0) + 1, text });
    if (!known) ws.opened(uri);
    else ws.changed(uri);
    return uri;
  };
  /** New text under the version the document already has (a client may repeat one). */
  const replace = (uri: string, text: string) => {
    open.set(uri, { version: open.get(uri)!.version, text });
    ws.changed(uri);
  };
  return { ws, edit, replace };
}

/** The host, noting each path it reads into `reads`. */
function counted(host: FileHost, reads: string[]): FileHost {
  return { ...host, readFile: (path, maxBytes) => (reads.push(path), host.readFile(path, maxBytes)) };
}

/** A template whose two nodes the rc file names (render mode): its files, and settings naming it. */
function renderRole() {
  const files = { "/w/defaults/main.yml": "lb_priority: 100\n", "/w/lb1.yml": "lb_state: MASTER\n", "/w/lb2.yml": "lb_state: BACKUP\n" };
  const entry = {
    template: "/w/keepalived.conf.j2",
    defaults: ["/w/defaults/main.yml"],
    nodes: [
      { name: "lb1", files: ["/w/lb1.yml"] },
      { name: "lb2", files: ["/w/lb2.yml"] },
    ],
  };
  return { files, settings: { rules: {}, peers: [], renders: [entry] } satisfies DocumentSettings };
}

test("peers in the workspace folder: the open document shows the cluster's findings; its backup copy is no peer", () => {
  const { ws, edit } = workspace({
    "/w/lb2/keepalived.conf": node("BACKUP", 100, 52),
    "/w/lb1/keepalived.conf.bak": node("BACKUP", 150, 51),
  });
  const uri = edit("/w/lb1/keepalived.conf", node("MASTER", 150, 51));
  const view = ws.view(uri)!;
  expect(view.peers).toEqual(["/w/lb2/keepalived.conf"]);
  expect(view.doc.clusterDiagnostics).toBeDefined();
  const backup = edit("/w/lb2/keepalived.conf", node("BACKUP", 100, 52));
  expect(ws.view(backup)!.doc.clusterDiagnostics?.map((d) => d.code)).toContain("vrid-mismatch");
  // The master depends on its peer's buffer: an edit there names it.
  expect(ws.dependents(backup, "/w/lb2/keepalived.conf")).toEqual([uri]);
});

test("one analysis per version; an included file is checked in the context of the open file that includes it", () => {
  const partText = node("BACKUP", 100, 51).replace("interface eth0", "interface $IF");
  const { ws, edit } = workspace({ "/w/vi.conf": partText });
  const main = edit("/w/keepalived.conf", "$IF=eth0\ninclude vi.conf\n");
  ws.view(main);
  const part = edit("/w/vi.conf", partText);
  const first = ws.analysed(main);
  expect(ws.analysed(main)).toBe(first);
  // Alone, $IF is undefined in vi.conf; through keepalived.conf it is defined.
  expect(ws.view(part)!.doc.clusterDiagnostics?.map((d) => d.code)).toEqual([]);
  expect(ws.analysed(part)!.analysis.diagnostics.map((d) => d.code)).toContain("undefined-variable");
  edit("/w/keepalived.conf", "include vi.conf\n");
  expect(ws.analysed(main)).not.toBe(first);
});

test("with no disk (a browser), a folder's nodes are its open documents: opening a peer makes it one, closing it unmakes it", () => {
  const { ws, edit } = workspace({}, true);
  const master = edit("/w/lb1/keepalived.conf", node("MASTER", 150, 51));
  expect(ws.view(master)!.peers).toEqual([]);
  const backup = edit("/w/lb2/keepalived.conf", node("BACKUP", 100, 52));
  edit("/w/lb2/keepalived.conf.bak", node("BACKUP", 100, 51));
  expect(ws.view(master)!.peers).toEqual(["/w/lb2/keepalived.conf"]);
  expect(ws.view(backup)!.doc.clusterDiagnostics?.map((d) => d.code)).toContain("vrid-mismatch");
  ws.closed(backup);
  expect(ws.view(master)!.peers).toEqual([]);
});

test("a rendered template renders again for new content, also when the client repeats the version number", () => {
  const { files, settings } = renderRole();
  const { ws, edit, replace } = workspace(files, false, settings);
  const uri = edit("/w/keepalived.conf.j2", ROLE_TEMPLATE);
  expect(renderedText(ws.rendered(uri)!, "lb2")).toContain("    priority 100\n");
  expect(ws.rendered(uri)).toBe(ws.rendered(uri));
  replace(uri, ROLE_TEMPLATE.replace("{{ lb_priority }}", "{{ lb_priority - 10 }}"));
  expect(renderedText(ws.rendered(uri)!, "lb2")).toContain("    priority 90\n");
});

test("typing in a rendered template reads its vars files once; a changed file or vars buffer is read again", () => {
  const { files, settings } = renderRole();
  const reads: string[] = [];
  const { ws, edit } = workspace(files, false, settings, reads);
  const varsReads = () => reads.filter((p) => p === "/w/lb1.yml").length;
  const uri = edit("/w/keepalived.conf.j2", ROLE_TEMPLATE);
  ws.view(uri);
  expect(varsReads()).toBe(1);
  for (const p of [90, 80, 70]) {
    edit("/w/keepalived.conf.j2", ROLE_TEMPLATE.replace("{{ lb_priority }}", `{{ lb_priority - ${100 - p} }}`));
    expect(renderedText(ws.rendered(uri)!, "lb2")).toContain(`    priority ${p}\n`);
  }
  expect(varsReads()).toBe(1);
  ws.fileChanged("/w/lb1.yml");
  ws.view(uri);
  expect(varsReads()).toBe(2);
  // An open vars file is read through its buffer: a change there shows at the template's next rendering.
  edit("/w/lb2.yml", "lb_state: BACKUP\nlb_priority: 50\n");
  edit("/w/keepalived.conf.j2", ROLE_TEMPLATE);
  expect(renderedText(ws.rendered(uri)!, "lb2")).toContain("    priority 50\n");
});
