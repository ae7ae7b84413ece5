/** Driving the playground page as a person does: panes, typing, pasting, the findings list. */
import type { Page } from "puppeteer-core";
import { waitFor } from "../support/wait.js";

export interface Finding {
  readonly file: string;
  readonly code: string;
  readonly text: string;
}

export async function waitForDiagnostics(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as unknown as { __kalint?: { firstDiagnostics?: number } }).__kalint?.firstDiagnostics !== undefined,
    { timeout },
  );
}

export const findings = (page: Page): Promise<Finding[]> =>
  page.$$eval("#findings-list li.finding:not(.none)", (items) =>
    items.map((li) => ({
      file: (li as HTMLElement).dataset["file"] ?? "",
      code: (li as HTMLElement).dataset["code"] ?? "",
      text: li.textContent ?? "",
    })),
  );

/** Waits until the findings list satisfies `check` (the list follows the server's publishes). */
export async function waitForFindings(page: Page, check: (f: Finding[]) => boolean, timeout = 10_000): Promise<Finding[]> {
  let seen: Finding[] = [];
  const matched = await waitFor(async () => ((seen = await findings(page)), check(seen) ? seen : undefined), timeout, 50);
  if (!matched) throw new Error(`findings never matched; last seen:\n${seen.map((f) => `${f.file} ${f.code} ${f.text}`).join("\n")}`);
  return matched;
}

export const paneNames = (page: Page): Promise<string[]> =>
  page.$$eval(".pane-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value));

export interface PageState {
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly target?: string;
}

/** What the page shows: its panes' names and texts and the target version. */
export const pageState = (page: Page): Promise<PageState> =>
  page.evaluate(() => (globalThis as unknown as { __kalint: { state(): PageState } }).__kalint.state());

/** Squiggles (lint ranges) in pane `index` by severity class, with the text they underline. */
export const squiggles = (page: Page, index: number): Promise<{ severity: string; text: string }[]> =>
  page.$$eval(`.pane:nth-child(${index + 1}) .cm-lintRange`, (spans) =>
    spans.map((s) => ({
      severity: [...s.classList].find((c) => c.startsWith("cm-lintRange-"))!.slice("cm-lintRange-".length),
      text: s.textContent ?? "",
    })),
  );

/** Replaces pane `index`'s text the way a paste does: select all, then one insertion of the whole text. */
export async function pasteInto(page: Page, index: number, text: string): Promise<void> {
  await page.click(`.pane:nth-child(${index + 1}) .cm-content`);
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyA");
  await page.keyboard.up("Control");
  await page.keyboard.sendCharacter(text);
}

/** Puts the cursor at the end of line `line` (1-based) of pane `index`. */
export async function cursorAtLineEnd(page: Page, index: number, line: number): Promise<void> {
  await page.click(`.pane:nth-child(${index + 1}) .cm-content`);
  await page.keyboard.down("Control");
  await page.keyboard.press("Home");
  await page.keyboard.up("Control");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
}
