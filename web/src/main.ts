/**
 * The kalint playground: node files side by side, checked by the language server in a worker as
 * one cluster. Nothing leaves the page: the worker is a file of this site, and the state lives
 * in the URL fragment, which browsers never send.
 */
import {
  formatDocument,
  formatKeymap,
  findReferencesKeymap,
  hoverTooltips,
  jumpToDefinitionKeymap,
  renameKeymap,
  serverCompletion,
} from "@codemirror/lsp-client";
import { indentUnit, syntaxHighlighting } from "@codemirror/language";
import { lintGutter } from "@codemirror/lint";
import { Compartment, EditorSelection } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { basicSetup } from "codemirror";
import facts from "virtual:playground-facts";
import type * as lsp from "vscode-languageserver-protocol";
import { EXAMPLES } from "./examples.js";
import { keepalived } from "./highlight.js";
import { ROOT_URI, startKalint, type Published } from "./lsp.js";
import { paneName, renderDifferences, renderFindings, type PaneInfo } from "./report.js";
import { decodeState, encodeState, type NodeFile, type PageState } from "./share.js";

interface Pane {
  readonly id: number;
  name: string;
  readonly view: EditorView;
  readonly lsp: Compartment;
  readonly element: HTMLElement;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panesElement = $("panes");
const status = $("status");
const versionPicker = $<HTMLInputElement>("target-version");

const panes: Pane[] = [];
const published = new Map<string, Published>();
let nextId = 1;
let target: string | undefined;
/** Set while a whole state is being loaded: no saving, no reports until it is in place. */
let loading = false;

const uriOf = (name: string) => `${ROOT_URI}/${name.split("/").map(encodeURIComponent).join("/")}`;
const paneOfUri = (uri: string) => panes.find((p) => uriOf(p.name) === uri);

/** Milestones for the tests and the bench (performance.now(), from the start of the navigation). */
const timing = ((globalThis as { __kalint?: Record<string, unknown> }).__kalint = {
  start: performance.now(),
  initialized: undefined as number | undefined,
  firstDiagnostics: undefined as number | undefined,
  /** The last publishes (uri, when it was shown), for the bench's keystroke latency. */
  publishes: [] as { uri: string; at: number }[],
  /** The files and settings the page shows (what a share link carries). */
  state: (): PageState => currentState(),
});

const kalint = startKalint("kalint-worker.js", {
  onPublish(p) {
    published.set(p.uri, p);
    timing.publishes.push({ uri: p.uri, at: performance.now() });
    if (timing.publishes.length > 1000) timing.publishes.splice(0, 500);
    timing.firstDiagnostics ??= performance.now();
    scheduleReports();
  },
  nameOf: (uri) => paneName(paneInfos(), uri),
});

void kalint.client.initializing.then(() => (timing.initialized = performance.now()));

document.addEventListener("kalint-message", (e) => say((e as CustomEvent<string>).detail));

function say(text: string): void {
  status.textContent = text;
}

// ---- panes ----------------------------------------------------------------------------------

const VALID_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-][A-Za-z0-9._/-]*$/;

function freeName(): string {
  for (let i = panes.length + 1; ; i++) {
    const name = `lb${i}.conf`;
    if (!panes.some((p) => p.name === name)) return name;
  }
}

function addPane(file: NodeFile, focus = false): Pane {
  const id = nextId++;
  const element = document.createElement("section");
  element.className = "pane";
  element.setAttribute("aria-label", `node file ${file.name}`);
  element.innerHTML = `
    <div class="pane-head">
      <label class="visually-hidden" for="name-${id}">file name</label>
      <input id="name-${id}" class="pane-name" spellcheck="false" autocomplete="off">
      <span class="pane-counts" aria-live="polite"></span>
      <button type="button" class="pane-format" title="Format this file (Shift-Alt-F)">Format</button>
      <button type="button" class="pane-remove" title="Remove this node">Remove</button>
    </div>
    <div class="pane-editor"></div>`;
  panesElement.append(element);
  const lspCompartment = new Compartment();
  const view = new EditorView({
    parent: element.querySelector(".pane-editor")!,
    doc: file.text,
    extensions: [
      basicSetup,
      indentUnit.of("    "),
      keepalived,
      syntaxHighlighting(classHighlighter),
      lintGutter(),
      serverCompletion(),
      hoverTooltips(),
      keymap.of([...formatKeymap, ...renameKeymap, ...jumpToDefinitionKeymap, ...findReferencesKeymap]),
      lspCompartment.of(kalint.plugin(uriOf(file.name))),
      EditorView.contentAttributes.of({ "aria-label": `${file.name} contents` }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) scheduleSave();
      }),
    ],
  });
  const pane: Pane = { id, name: file.name, view, lsp: lspCompartment, element };
  panes.push(pane);
  const input = element.querySelector<HTMLInputElement>(".pane-name")!;
  input.value = file.name;
  input.addEventListener("change", () => rename(pane, input));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      view.focus();
    } else if (e.key === "Escape") {
      input.value = pane.name;
      view.focus();
    }
  });
  element.querySelector(".pane-remove")!.addEventListener("click", () => removePane(pane));
  element.querySelector(".pane-format")!.addEventListener("click", () => {
    formatDocument(view);
    view.focus();
  });
  if (focus) view.focus();
  updatePaneButtons();
  return pane;
}

function rename(pane: Pane, input: HTMLInputElement): void {
  const name = input.value.trim();
  if (name === pane.name) return;
  if (!VALID_NAME.test(name) || panes.some((p) => p !== pane && p.name === name)) {
    say(`'${name}' is not a usable file name (letters, digits, . _ - and /, unique among the nodes)`);
    input.value = pane.name;
    return;
  }
  published.delete(uriOf(pane.name));
  kalint.forget(uriOf(pane.name));
  pane.name = name;
  pane.element.setAttribute("aria-label", `node file ${name}`);
  // A new URI is a new document for the server: the old one closes, the new one opens.
  pane.view.dispatch({ effects: pane.lsp.reconfigure(kalint.plugin(uriOf(name))) });
  say(`renamed to ${name}`);
  scheduleSave();
  scheduleReports();
}

function removePane(pane: Pane): void {
  if (panes.length <= 1) return;
  published.delete(uriOf(pane.name));
  kalint.forget(uriOf(pane.name));
  pane.view.destroy();
  pane.element.remove();
  panes.splice(panes.indexOf(pane), 1);
  updatePaneButtons();
  scheduleSave();
  scheduleReports();
  panes[0]?.view.focus();
}

function updatePaneButtons(): void {
  for (const p of panes) p.element.querySelector<HTMLButtonElement>(".pane-remove")!.disabled = panes.length <= 1;
}

function clearPanes(): void {
  for (const p of panes.splice(0)) {
    kalint.forget(uriOf(p.name));
    p.view.destroy();
    p.element.remove();
  }
  published.clear();
}

// ---- state ----------------------------------------------------------------------------------

function currentState(): PageState {
  return { files: panes.map((p) => ({ name: p.name, text: p.view.state.doc.toString() })), ...(target ? { target } : {}) };
}

async function loadState(state: PageState): Promise<void> {
  loading = true;
  try {
    clearPanes();
    setTarget(state.target, false);
    for (const f of state.files) addPane(f);
  } finally {
    loading = false;
  }
  scheduleSave();
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleSave(): void {
  if (loading) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void save(), 300);
}

async function save(): Promise<string> {
  const fragment = await encodeState(currentState());
  history.replaceState(null, "", fragment);
  return location.href;
}

const VERSION = /^\d{1,3}\.\d{1,3}(?:\.\d{1,3})?$/;
/** Shows `version` (when it is one) and tells the server when it changes (the server starts with the newest). */
function setTarget(version: string | undefined, save = true): void {
  const next = version && VERSION.test(version) ? version : undefined;
  versionPicker.value = next ?? "";
  if (next !== target) kalint.setTargetVersion(next);
  target = next;
  if (save) scheduleSave();
}

// ---- reports --------------------------------------------------------------------------------

let reportTimer: ReturnType<typeof setTimeout> | undefined;
let differencesAsked = 0;
let differencesTimer: ReturnType<typeof setTimeout> | undefined;
const DIFFERENCES_DELAY_MS = 250;
function scheduleReports(): void {
  clearTimeout(reportTimer);
  reportTimer = setTimeout(reports, 30);
}

function paneInfos(): PaneInfo[] {
  return panes.map((p) => ({ name: p.name, uri: uriOf(p.name) }));
}

function reports(): void {
  const infos = paneInfos();
  const byUri = new Map<string, readonly lsp.Diagnostic[]>();
  for (const p of infos) byUri.set(p.uri, published.get(p.uri)?.diagnostics ?? []);
  renderFindings($("findings-list"), $("findings-title"), infos, byUri);
  for (const p of panes) {
    const list = byUri.get(uriOf(p.name)) ?? [];
    const errors = list.filter((d) => d.severity === 1).length;
    const warnings = list.filter((d) => d.severity === 2).length;
    p.element.querySelector(".pane-counts")!.textContent =
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  }
  clearTimeout(differencesTimer);
  differencesTimer = setTimeout(() => void differences(), DIFFERENCES_DELAY_MS);
}

/** The differences table, asked for once typing pauses (it compares the whole files). */
async function differences(): Promise<void> {
  const infos = paneInfos();
  const first = infos[0];
  if (!first) return;
  const asked = ++differencesAsked;
  try {
    const result = await kalint.differences(first.uri);
    if (asked === differencesAsked) renderDifferences($("differences"), infos, first, result);
  } catch {
    // The server restarts or the pane went away meanwhile; the next publish asks again.
  }
}

/** Moves the cursor of a pane to an LSP position (a finding's link). */
export function reveal(uri: string, position: lsp.Position): void {
  const pane = paneOfUri(uri);
  if (!pane) return;
  const doc = pane.view.state.doc;
  const line = doc.line(Math.min(doc.lines, position.line + 1));
  const pos = Math.min(line.to, line.from + position.character);
  pane.view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: "center" }) });
  pane.view.focus();
}
document.addEventListener("kalint-reveal", (e) => {
  const { uri, line, character } = (e as CustomEvent<{ uri: string; line: number; character: number }>).detail;
  reveal(uri, { line, character });
});

// ---- toolbar --------------------------------------------------------------------------------

function setUpToolbar(): void {
  const examples = $("examples");
  for (const ex of EXAMPLES) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = ex.title;
    b.dataset["example"] = ex.id;
    b.addEventListener("click", () => {
      void loadState(ex.state);
      say(`loaded the ${ex.title}`);
    });
    examples.append(b);
  }
  // Any release can be typed; the list offers those at which the schema knows a change.
  versionPicker.placeholder = `${facts.newest} (newest)`;
  $("versions").replaceChildren(
    ...facts.versions.map((v) => {
      const o = document.createElement("option");
      o.value = v;
      return o;
    }),
  );
  versionPicker.addEventListener("change", () => {
    const text = versionPicker.value.trim();
    setTarget(text || undefined);
    if (text !== "" && !VERSION.test(text)) say(`'${text}' is not a keepalived version such as 2.2.7; checking against the newest known`);
    else say(target ? `checking against keepalived ${target}` : `checking against the newest known keepalived (${facts.newest})`);
  });
  $("add-node").addEventListener("click", () => {
    addPane({ name: freeName(), text: "" }, true);
    scheduleSave();
  });
  $("share").addEventListener("click", async () => {
    clearTimeout(saveTimer);
    const link = await save();
    const field = $<HTMLInputElement>("share-link");
    field.value = link;
    field.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(link);
      say("link copied: it holds the files, so opening it shows this page as it is now");
    } catch {
      say("link selected: copy it to share this page as it is now");
    }
  });
}

async function boot(): Promise<void> {
  setUpToolbar();
  const fromLink = await decodeState(location.hash);
  await loadState(fromLink ?? EXAMPLES[0]!.state);
  window.addEventListener("hashchange", async () => {
    const state = await decodeState(location.hash);
    if (state && JSON.stringify(state) !== JSON.stringify(currentState())) await loadState(state);
  });
}

void boot();
