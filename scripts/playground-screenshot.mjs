// The playground with the broken LVS-DR pair, as docs/ and the README show it: headless Chromium
// (scripts/chromium.mjs) on the page served from dist/web/.
//   node scripts/playground-screenshot.mjs [OUT.png]     default docs/images/playground.png
import { launchChromium } from "./chromium.mjs";
import { servePlayground } from "./playground.mjs";

const out = process.argv[2] ?? "docs/images/playground.png";
const { server, url } = await servePlayground({ port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1360, height: 1020 });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => globalThis.__kalint?.firstDiagnostics !== undefined, { timeout: 30_000 });
  await page.click('button[data-example="broken"]');
  await page.waitForFunction(
    () =>
      document.querySelector("#findings-list")?.textContent?.includes("vrid-mismatch") ||
      document.querySelector("#findings-list")?.textContent?.includes("priority-tie"),
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => document.querySelector("table.differences"), { timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
