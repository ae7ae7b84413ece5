/** Waiting for what a person waits for in the end-to-end tests (an editor, a list, a server), instead of fixed pauses. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `probe` until it answers something other than undefined, or the time is up (then undefined). */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number, every = 250): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() >= end) return undefined;
    await sleep(every);
  }
}
