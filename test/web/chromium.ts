/** Chromium for the playground's tests (scripts/chromium.mjs) and what they record of its requests. */
import type { Page } from "puppeteer-core";

export { chromiumPath, launchChromium } from "../../scripts/chromium.mjs";

/** Every URL a page (and the workers it starts) asked for, as the browser's network layer saw it. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** Requests that went anywhere but `origin` (data: and blob: URLs stay in the page). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin);
}
