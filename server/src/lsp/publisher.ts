/**
 * Push diagnostics, debounced. An edit after a quiet spell is analysed at once (on the next
 * turn of the event loop, so changes already queued are taken together); edits that follow each
 * other closely wait until the typing pauses, so a burst costs one analysis, not one per key.
 */
export interface PublisherOptions {
  /** Edits closer together than this are one burst. */
  readonly quietMs: number;
  /** Publishes one document; errors are the caller's to report. */
  readonly publish: (uri: string) => void;
  readonly onError: (uri: string, error: unknown) => void;
}

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastChange = -Infinity;

  constructor(private readonly options: PublisherOptions) {}

  /** A document changed: publish it (and `also`) soon. */
  changed(uri: string, also: readonly string[] = []): void {
    const now = performance.now();
    const burst = now - this.lastChange < this.options.quietMs;
    this.lastChange = now;
    this.pending.add(uri);
    for (const u of also) this.pending.add(u);
    if (this.timer && !burst) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), burst ? this.options.quietMs : 0);
  }

  /** Publish without waiting for a pause (open, settings change, file change on disk). */
  now(uris: readonly string[]): void {
    for (const u of uris) this.pending.add(u);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 0);
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }

  private flush(): void {
    this.timer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      try {
        this.options.publish(uri);
      } catch (e) {
        this.options.onError(uri, e);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }
}
