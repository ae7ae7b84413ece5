/**
 * The playground page in real headless Chromium, served by `npm run playground`'s server from
 * dist/web/ (built by `npm test`): a typo gets its squiggle and finding, a pasted pair with a VRID
 * mismatch gets the cluster finding in both panes, a share link reproduces the page in a fresh
 * browser page, and no request leaves the page's origin.
 */
import type { Server } from "node:http";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { servePlayground } from "../../scripts/playground.mjs";
import { chromiumPath, foreignRequests, launchChromium, recordRequests } from "./chromium.js";
import {
  cursorAtLineEnd,
  findings,
  pageState,
  paneNames,
  pasteInto,
  squiggles,
  waitForDiagnostics,
  waitForFindings,
} from "./playground-page.js";

const available = chromiumPath() !== undefined;
// CI installs chromium (.ci/run): there a missing browser is a failure, not a skip.
if (!available && process.env.CI) throw new Error("chromium is not installed; .ci/run installs it");
if (!available) console.warn("[playground] SKIPPED: chromium is not installed (apt-get install chromium; .ci/run installs it)");

const NODE = (state: string, vrid: number, priority: number) => `vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id ${vrid}
    priority ${priority}
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
}
`;

describe.skipIf(!available)("the playground in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let origin: string;
  /** Every page the tests opened, with the requests it made; `playground` for the playground itself. */
  const opened: { page: Page; requests: string[]; playground: boolean }[] = [];

  beforeAll(async () => {
    ({ server, url } = await servePlayground({ port: 0 }));
    origin = new URL(url).origin;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(address = url): Promise<Page> {
    const page = await browser.newPage();
    const requests = recordRequests(page);
    opened.push({ page, requests, playground: true });
    page.on("pageerror", (e) => console.error(`[playground] page error: ${e instanceof Error ? e.message : String(e)}`));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(address, { waitUntil: "load" });
    await waitForDiagnostics(page);
    return page;
  }

  test("it opens with the LVS-DR example, checked: findings listed, rule codes linking to their pages", async () => {
    const page = await open();
    expect(await paneNames(page)).toEqual(["master.conf", "backup.conf"]);
    const list = await waitForFindings(page, (f) => f.length > 0);
    expect(list).toContainEqual(expect.objectContaining({ file: "master.conf", code: "unknown-keyword" }));
    const href = await page.$eval("#findings-list a.rule-code", (a) => (a as HTMLAnchorElement).getAttribute("href"));
    expect(href).toMatch(/^rules\/[a-z-]+\.html$/);
    const rulePage = await fetch(new URL(href!, url));
    expect(rulePage.status).toBe(200);
    expect(await rulePage.text()).toContain("Try it in the playground");
  });

  test("a typo'd keyword gets a squiggle in its pane and a finding in the list", async () => {
    const page = await open();
    await cursorAtLineEnd(page, 0, 20); // advert_int 1, inside vrrp_instance VI_1
    await page.keyboard.press("Enter");
    await page.keyboard.type("garp_master_dleay 5");
    const list = await waitForFindings(page, (f) => f.some((x) => x.text.includes("garp_master_dleay")));
    const typo = list.find((x) => x.text.includes("garp_master_dleay"))!;
    expect(typo).toMatchObject({ file: "master.conf", code: "unknown-keyword" });
    expect(typo.text).toContain("garp_master_delay");
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".pane:nth-child(1) .cm-lintRange-error")].some((s) => s.textContent === "garp_master_dleay"),
    );
    expect(await squiggles(page, 0)).toContainEqual({ severity: "error", text: "garp_master_dleay" });
    // The server's quick fix is offered on the diagnostic (once typing pauses); taking it edits the file.
    const squiggles0 = await page.$$(".pane:nth-child(1) .cm-lintRange-error");
    const texts = await Promise.all(squiggles0.map((e) => e.evaluate((x) => x.textContent)));
    const squiggle = squiggles0[texts.indexOf("garp_master_dleay")]!;
    const fix = "Replace with garp_master_delay";
    const disable = "Disable unknown-keyword for this line";
    let offered: string[] = [];
    for (let i = 0; i < 20 && !offered.includes(fix); i++) {
      await page.mouse.move(0, 0);
      await squiggle.hover();
      offered = await page
        .waitForSelector(".cm-tooltip-lint .cm-diagnosticAction", { timeout: 2000 })
        .then(() => page.$$eval(".cm-tooltip-lint .cm-diagnosticAction", (buttons) => buttons.map((b) => b.textContent ?? "")))
        .catch(() => []);
    }
    expect(offered).toContain(fix);
    expect(offered).toContain(disable);
    const buttons = await page.$$(".cm-tooltip-lint .cm-diagnosticAction");
    await buttons[offered.indexOf(fix)]!.click();
    await waitForFindings(page, (f) => !f.some((x) => x.text.includes("garp_master_dleay")));
    expect((await pageState(page)).files[0]!.text).toContain("\n    garp_master_delay 5\n");
  });

  test("a pasted pair with a VRID mismatch: the cluster finding on the backup, its peer value marked on the master", async () => {
    const page = await open();
    await pasteInto(page, 0, NODE("MASTER", 51, 150));
    await pasteInto(page, 1, NODE("BACKUP", 52, 100));
    const list = await waitForFindings(page, (f) => f.some((x) => x.code === "vrid-mismatch"));
    expect(list.filter((x) => x.code === "vrid-mismatch")).toEqual([expect.objectContaining({ file: "backup.conf" })]);
    await page.waitForFunction(() => document.querySelectorAll(".pane:nth-child(1) .cm-lintRange-info").length > 0);
    expect(await squiggles(page, 1)).toContainEqual({ severity: "error", text: "52" });
    expect(await squiggles(page, 0)).toContainEqual({ severity: "info", text: "51" });
    // The differences table lists the VRID as a difference that is not expected between nodes.
    await page.waitForFunction(() => document.querySelector("#differences")?.textContent?.includes("virtual_router_id"));
    const rows = await page.$$eval("table.differences tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toContainEqual(["vrrp_instance VI_1 > virtual_router_id", "51", "52", "differs"]);
    expect(rows).toContainEqual(["vrrp_instance VI_1 > priority", "150", "100", "expected"]);
    // Mended on the backup: the marker the finding put on the master goes with it.
    await pasteInto(page, 1, NODE("BACKUP", 51, 100));
    await waitForFindings(page, (f) => !f.some((x) => x.code === "vrid-mismatch"));
    await page.waitForFunction(() => document.querySelectorAll(".pane:nth-child(1) .cm-lintRange-info").length === 0);
  });

  test("the Format button rewrites the pane as kalint fmt does, and hover shows a keyword's documentation", async () => {
    const page = await open();
    await pasteInto(page, 0, "vrrp_instance VI_1 {\nstate MASTER\n      interface eth0\nvirtual_router_id 51\n    priority 150\n}\n");
    await waitForFindings(page, (f) => !f.some((x) => x.file === "master.conf" && x.code === "unknown-keyword"));
    await page.click(".pane:nth-child(1) .pane-format");
    await page.waitForFunction(() =>
      (globalThis as unknown as { __kalint: { state(): { files: { text: string }[] } } }).__kalint
        .state()
        .files[0]!.text.includes("\n    state MASTER\n"),
    );
    expect((await pageState(page)).files[0]!.text).toBe(
      "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n}\n",
    );
    const keyword = await page.$$(".pane:nth-child(1) .cm-line");
    const box = (await keyword[3]!.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    const hover = await page.waitForSelector(".cm-tooltip .cm-lsp-documentation", { timeout: 10_000 });
    expect(await hover!.evaluate((e) => e.textContent)).toContain("virtual_router_id");
  });

  test("completion offers the keywords of the block the cursor is in", async () => {
    const page = await open();
    await pasteInto(page, 0, "vrrp_instance VI_1 {\n    interface eth0\n    \n}\n");
    await cursorAtLineEnd(page, 0, 3);
    await page.keyboard.type("virtual_ro");
    await page.keyboard.down("Control");
    await page.keyboard.press("Space");
    await page.keyboard.up("Control");
    await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 10_000 });
    const options = await page.$$eval(".cm-tooltip-autocomplete li", (items) => items.map((i) => i.textContent ?? ""));
    expect(options.some((o) => o.startsWith("virtual_router_id"))).toBe(true);
  });

  test("a share link opens in a fresh page with the same files, names and target version", async () => {
    const page = await open();
    await pasteInto(page, 0, NODE("MASTER", 51, 150));
    await pasteInto(page, 1, NODE("BACKUP", 52, 100));
    await page.click("#add-node");
    // use_symlink_paths came with keepalived 2.3.0: too new for the target chosen below.
    await pasteInto(page, 2, "global_defs {\n    router_id lb3\n    use_symlink_paths\n}\n");
    const name = await page.$(".pane:nth-child(3) .pane-name");
    await name!.click({ count: 3 });
    await page.keyboard.type("edge.conf\n");
    await page.click("#target-version");
    await page.keyboard.type("2.2.7");
    await page.keyboard.press("Enter");
    await page.click("#share");
    await page.waitForFunction(() => !(document.getElementById("share-link") as HTMLInputElement).hidden);
    const link = await page.$eval("#share-link", (i) => (i as HTMLInputElement).value);
    expect(link.startsWith(`${url}#s=`)).toBe(true);
    const before = await pageState(page);
    expect(before.files.map((f) => f.name)).toEqual(["master.conf", "backup.conf", "edge.conf"]);
    expect(before.target).toBe("2.2.7");
    await waitForFindings(page, (f) => f.some((x) => x.code === "keyword-too-new" && x.file === "edge.conf"));

    const context = await browser.createBrowserContext();
    try {
      const fresh = await context.newPage();
      const requests = recordRequests(fresh);
      await fresh.goto(link, { waitUntil: "load" });
      await waitForDiagnostics(fresh);
      expect(await pageState(fresh)).toEqual(before);
      expect(await fresh.$eval("#target-version", (s) => (s as HTMLInputElement).value)).toBe("2.2.7");
      const list = await waitForFindings(
        fresh,
        (f) => f.some((x) => x.code === "vrid-mismatch") && f.some((x) => x.code === "keyword-too-new"),
      );
      expect(list.filter((x) => x.code === "keyword-too-new")).toEqual([expect.objectContaining({ file: "edge.conf" })]);
      expect(foreignRequests(requests, origin)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a rule page's 'Try it' link opens its Wrong example, and the playground finds what the page describes", async () => {
    const rules = await browser.newPage();
    opened.push({ page: rules, requests: recordRequests(rules), playground: false });
    await rules.goto(`${url}rules/vrid-mismatch.html`, { waitUntil: "load" });
    const link = await rules.$eval("a.try-it", (a) => (a as HTMLAnchorElement).href);
    const page = await open(link);
    expect(await paneNames(page)).toEqual(["master.conf", "backup.conf"]);
    await waitForFindings(page, (f) => f.some((x) => x.code === "vrid-mismatch" && x.file === "backup.conf"));
    // A page whose Wrong block is checked against an older release opens with that release picked.
    await rules.goto(`${url}rules/keyword-too-new.html`, { waitUntil: "load" });
    const dated = await open(await rules.$eval("a.try-it", (a) => (a as HTMLAnchorElement).href));
    expect((await pageState(dated)).target).toBe("2.0.20");
    await waitForFindings(dated, (f) => f.some((x) => x.code === "keyword-too-new"));
  });

  test("no page made a request outside its own origin (and the check sees one when it is made)", async () => {
    expect(opened.length).toBeGreaterThan(0);
    for (const { requests, playground } of opened) {
      if (playground) expect(requests.some((u) => u.endsWith("/kalint-worker.js"))).toBe(true);
      expect(foreignRequests(requests, origin)).toEqual([]);
    }
    // The control: the same recorder on a page that does fetch from elsewhere (another local port).
    const { server: other, url: otherUrl } = await servePlayground({ port: 0 });
    try {
      const page = await browser.newPage();
      const requests = recordRequests(page);
      await page.goto(`${url}rules/vrid-mismatch.html`, { waitUntil: "load" });
      await page.evaluate(
        (u) =>
          fetch(u).then(
            () => undefined,
            () => undefined,
          ),
        `${otherUrl}style.css`,
      );
      expect(foreignRequests(requests, origin)).toEqual([`${otherUrl}style.css`]);
    } finally {
      await new Promise((r) => other.close(r));
    }
  });

  test("on a phone's width nothing runs off the side, and the colours follow the system's dark setting", async () => {
    const page = await browser.newPage();
    opened.push({ page, requests: recordRequests(page), playground: true });
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await page.goto(url, { waitUntil: "load" });
    await waitForDiagnostics(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const light = await background();
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    expect(await background()).not.toBe(light);
  });

  test("keyboard: a finding's button, pressed with Enter, puts the cursor in its pane", async () => {
    const page = await open();
    await waitForFindings(page, (f) => f.length > 0);
    const first = await findings(page);
    await page.focus("#findings-list .finding-place");
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(
      () => document.activeElement?.closest(".pane")?.querySelector<HTMLInputElement>(".pane-name")?.value,
    );
    expect(focused).toBe(first[0]!.file);
  });
});
