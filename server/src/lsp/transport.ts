/**
 * Reading LSP messages from a byte stream (stdio), so that a bad message costs that message
 * only. vscode-jsonrpc's reader stops for good at a malformed header, and buffers a message of
 * any announced length. This one:
 *
 * - skips a header without a usable Content-Length and resynchronises at the next line that
 *   starts with `Content-Length:`;
 * - skips a body that is not a JSON object;
 * - never buffers more than `maxMessageBytes` of one body: a bigger one is read past as it
 *   arrives, and reported (with the document it opened, when its start says so) so the server
 *   can tell the user instead of growing without bound.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from "vscode-languageserver/node";

/** Longest header block kept while looking for its end. */
const MAX_HEADER_BYTES = 8 * 1024;
/** How much of a skipped body is kept to say what it was. */
const PEEK_BYTES = 4 * 1024;

export interface SkippedMessage {
  /** Why: "header" (no usable Content-Length), "json" (not a JSON object), "size" (over the limit). */
  readonly reason: "header" | "json" | "size";
  readonly bytes: number;
  /** For a skipped textDocument/didOpen, the document's URI, read from the start of the body. */
  readonly uri?: string;
  readonly method?: string;
}

export interface ResyncOptions {
  readonly maxMessageBytes: number;
  /** Called for every message skipped. */
  readonly onSkipped: (skipped: SkippedMessage) => void;
}

const HEADER_END = Buffer.from("\r\n\r\n");

/** Whether bytes before a Content-Length field are other header fields of the same header. */
function isHeaderFields(bytes: Buffer): boolean {
  return /^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r\n)+$/.test(bytes.toString("latin1"));
}

function indexOfIgnoringCase(buffer: Buffer, needle: string, from: number): number {
  const lower = Buffer.from(needle.toLowerCase(), "latin1");
  const upper = Buffer.from(needle.toUpperCase(), "latin1");
  for (let i = buffer.indexOf(lower[0]!, from), j = buffer.indexOf(upper[0]!, from); i !== -1 || j !== -1;) {
    const at = i === -1 ? j : j === -1 ? i : Math.min(i, j);
    let k = 0;
    while (k < lower.length && at + k < buffer.length && (buffer[at + k] === lower[k] || buffer[at + k] === upper[k])) k++;
    if (k === lower.length) return at;
    if (at === i) i = buffer.indexOf(lower[0]!, at + 1);
    if (at === j) j = buffer.indexOf(upper[0]!, at + 1);
  }
  return -1;
}

export class ResyncingMessageReader extends AbstractMessageReader {
  /** Bytes of a header not complete yet (bounded: see readHeader). */
  private head: Buffer = Buffer.alloc(0);
  /** Length of the body being read, -1 while reading a header. */
  private bodyLength = -1;
  /** The body read so far, in the pieces it came in (joined once, when complete). */
  private parts: Buffer[] = [];
  private have = 0;
  /** Bytes still to be read past of an oversized body. */
  private skipping = 0;
  private skipped: { bytes: number; head: Buffer } | undefined;
  private callback: DataCallback | undefined;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly options: ResyncOptions,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string) => this.onData(typeof data === "string" ? Buffer.from(data) : data);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.stream.on("data", onData);
    this.stream.on("error", onError);
    this.stream.on("end", onClose);
    this.stream.on("close", onClose);
    return {
      dispose: () => {
        this.stream.off("data", onData);
        this.stream.off("error", onError);
        this.stream.off("end", onClose);
        this.stream.off("close", onClose);
      },
    };
  }

  private onData(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, data.length);
        this.noteSkipped(data.subarray(0, n));
        this.skipping -= n;
        data = data.subarray(n);
        if (this.skipping === 0) this.endSkip();
        continue;
      }
      if (this.bodyLength >= 0) {
        const n = Math.min(this.bodyLength - this.have, data.length);
        this.parts.push(data.subarray(0, n));
        this.have += n;
        data = data.subarray(n);
        if (this.have === this.bodyLength) {
          const body = Buffer.concat(this.parts, this.have);
          this.parts = [];
          this.have = 0;
          this.bodyLength = -1;
          this.deliver(body);
        }
        continue;
      }
      this.head = this.head.length === 0 ? data : Buffer.concat([this.head, data]);
      data = Buffer.alloc(0);
      if (!this.readHeader()) return;
      // The bytes after the header belong to the body (or the next message).
      data = this.head;
      this.head = Buffer.alloc(0);
    }
  }

  /** Reads one header block from `head`; false when more bytes are needed. */
  private readHeader(): boolean {
    for (;;) {
      // A header starts at a Content-Length field: bytes before it (the body of a message whose
      // header was unusable, other fields, garbage) are dropped.
      const at = indexOfIgnoringCase(this.head, "content-length:", 0);
      if (at === -1) {
        if (this.head.length > MAX_HEADER_BYTES) {
          this.options.onSkipped({ reason: "header", bytes: this.head.length - 32 });
          this.head = this.head.subarray(this.head.length - 32);
        }
        return false;
      }
      if (at > 0) {
        if (!isHeaderFields(this.head.subarray(0, at))) this.options.onSkipped({ reason: "header", bytes: at });
        this.head = this.head.subarray(at);
      }
      const end = this.head.indexOf(HEADER_END);
      if (end === -1) {
        if (this.head.length > MAX_HEADER_BYTES) {
          this.options.onSkipped({ reason: "header", bytes: this.head.length });
          // Past this Content-Length: look for the next.
          this.head = this.head.subarray(1);
        }
        return false;
      }
      const first = this.head.subarray(0, end).toString("latin1").split("\r\n")[0]!;
      const value = first.slice(first.indexOf(":") + 1).trim();
      if (!/^\d{1,12}$/.test(value)) {
        this.options.onSkipped({ reason: "header", bytes: end + 4 });
        this.head = this.head.subarray(end + 4);
        continue;
      }
      this.head = this.head.subarray(end + 4);
      const length = Number(value);
      if (length > this.options.maxMessageBytes) {
        this.skipping = length;
        this.skipped = { bytes: length, head: Buffer.alloc(0) };
      } else if (length === 0) this.deliver(Buffer.alloc(0));
      else this.bodyLength = length;
      return true;
    }
  }

  private noteSkipped(bytes: Buffer): void {
    if (this.skipped && this.skipped.head.length < PEEK_BYTES)
      this.skipped.head = Buffer.concat([this.skipped.head, bytes.subarray(0, PEEK_BYTES - this.skipped.head.length)]);
  }

  private endSkip(): void {
    const s = this.skipped;
    this.skipped = undefined;
    if (!s) return;
    const head = s.head.toString("utf8");
    const method = /"method"\s*:\s*"([^"]{1,100})"/.exec(head)?.[1];
    const uri = /"uri"\s*:\s*"((?:[^"\\]|\\.){1,2000})"/.exec(head)?.[1];
    let decoded: string | undefined;
    try {
      decoded = uri === undefined ? undefined : (JSON.parse(`"${uri}"`) as string);
    } catch {
      decoded = undefined;
    }
    this.options.onSkipped({ reason: "size", bytes: s.bytes, ...(method ? { method } : {}), ...(decoded ? { uri: decoded } : {}) });
  }

  private deliver(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString("utf8"));
    } catch {
      message = undefined;
    }
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      this.options.onSkipped({ reason: "json", bytes: body.length });
      return;
    }
    this.callback?.(message as Message);
  }
}
