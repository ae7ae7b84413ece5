// Real headless Chromium (Debian's, or $CHROMIUM) through puppeteer-core, for the playground's
// tests (test/web/) and bench (bench/web.mjs). The flags keep Chromium from reaching for Google's
// services at start: this machine's network is closed and each attempt would be refused.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import puppeteer from "puppeteer-core";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];

/** The Chromium to drive, or undefined when none is installed. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : undefined;
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function launchChromium() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("chromium is not installed (apt-get install chromium, or set CHROMIUM)");
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}
