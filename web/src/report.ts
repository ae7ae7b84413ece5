/**
 * The findings list (every pane's diagnostics, each linked to its place and its rule's page) and
 * the `kalint diff` differences table, rendered from what the server published.
 */
import facts from "virtual:playground-facts";
import type * as lsp from "vscode-languageserver-protocol";
import { messageText, SEVERITY, type DifferencesResult } from "./lsp.js";

export interface PaneInfo {
  readonly name: string;
  readonly uri: string;
}

const documented = new Set(facts.documented);

/** How the page names the file of `uri`: its pane's name, or the URI's last segment once the pane is gone. */
export const paneName = (panes: readonly PaneInfo[], uri: string): string =>
  panes.find((p) => p.uri === uri)?.name ?? decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

/** A rule code as a link to its docs page, when it has one. */
export function ruleLink(code: string): HTMLElement {
  if (!documented.has(code)) return el("code", { text: code });
  const a = el("a", { className: "rule-code", text: code });
  a.href = `rules/${code}.html`;
  a.target = "_blank";
  a.rel = "noopener";
  a.title = `what ${code} catches and how to fix it`;
  return a;
}

export function renderFindings(
  list: HTMLElement,
  title: HTMLElement,
  panes: readonly PaneInfo[],
  byUri: ReadonlyMap<string, readonly lsp.Diagnostic[]>,
): void {
  list.replaceChildren();
  let count = 0;
  const totals = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<number, number>;
  for (const pane of panes) {
    const diagnostics = [...(byUri.get(pane.uri) ?? [])].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    for (const d of diagnostics) {
      count++;
      const severity = d.severity ?? 1;
      totals[severity] = (totals[severity] ?? 0) + 1;
      const where = `${pane.name}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const jump = el("button", { className: "finding-place", text: where });
      jump.type = "button";
      jump.title = `go to ${where}`;
      jump.addEventListener("click", () =>
        document.dispatchEvent(
          new CustomEvent("kalint-reveal", { detail: { uri: pane.uri, line: d.range.start.line, character: d.range.start.character } }),
        ),
      );
      const name = SEVERITY[severity];
      const item = el("li", { className: `finding severity-${name}` }, jump, " ", el("span", { className: "severity", text: name }), " ");
      if (d.code !== undefined) item.append("[", ruleLink(String(d.code)), "] ");
      item.append(el("span", { className: "message", text: messageText(d) }));
      item.dataset["code"] = String(d.code ?? "");
      item.dataset["file"] = pane.name;
      list.append(item);
    }
  }
  if (count === 0) list.append(el("li", { className: "finding none", text: "No findings." }));
  title.textContent = `Findings: ${totals[1]} error${totals[1] === 1 ? "" : "s"}, ${totals[2]} warning${totals[2] === 1 ? "" : "s"}, ${totals[3]! + totals[4]!} info`;
}

export function renderDifferences(host: HTMLElement, panes: readonly PaneInfo[], first: PaneInfo, result: DifferencesResult): void {
  host.replaceChildren();
  if (result.peers.length === 0) {
    host.append(
      el("p", {
        text:
          panes.length < 2
            ? "Add a second node to compare the two."
            : `${first.name} has no peer among the other files (no instance pairs up with another node's).`,
      }),
    );
    return;
  }
  for (const peer of result.peers) {
    const other = paneName(panes, peer.uri);
    const expected = peer.differences.filter((d) => d.expected).length;
    host.append(
      el("h3", {
        text: `${first.name} and ${other}: ${peer.differences.length} difference${peer.differences.length === 1 ? "" : "s"} (${expected} expected between nodes)`,
      }),
    );
    if (peer.differences.length === 0) continue;
    const head = el(
      "tr",
      {},
      el("th", { text: "setting" }),
      el("th", { text: first.name }),
      el("th", { text: other }),
      el("th", { text: "" }),
    );
    head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
    const body = el("tbody");
    for (const d of peer.differences) {
      body.append(
        el(
          "tr",
          { className: d.expected ? "expected" : "differs" },
          el("th", { text: d.path }),
          el("td", { text: d.master ?? "(absent)" }),
          el("td", { text: d.backup ?? "(absent)" }),
          el("td", { text: d.expected ? "expected" : "differs" }),
        ),
      );
    }
    body.querySelectorAll("tr > th").forEach((th) => th.setAttribute("scope", "row"));
    host.append(el("div", { className: "table-scroll" }, el("table", { className: "differences" }, el("thead", {}, head), body)));
  }
}
