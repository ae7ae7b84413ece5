/**
 * The page's state in the URL fragment, so a link reproduces it: JSON, deflated with the
 * browser's own CompressionStream, in base64url. The fragment never reaches a server.
 */
export interface NodeFile {
  readonly name: string;
  readonly text: string;
}

export interface PageState {
  readonly files: readonly NodeFile[];
  /** keepalived version to check against; absent: the newest known. */
  readonly target?: string;
}

const PREFIX = "#s=";

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function encodeState(state: PageState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, ...state }));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The state a fragment holds; undefined when it holds none or is damaged (a link cut short). */
export async function decodeState(fragment: string): Promise<PageState | undefined> {
  if (!fragment.startsWith(PREFIX)) return undefined;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(fragment.slice(PREFIX.length)), new DecompressionStream("deflate-raw")));
    const data = JSON.parse(json) as { files?: unknown; target?: unknown };
    if (!Array.isArray(data.files)) return undefined;
    const files = data.files
      .filter((f): f is NodeFile => typeof f === "object" && f !== null && typeof f.name === "string" && typeof f.text === "string")
      .map((f) => ({ name: f.name, text: f.text }));
    if (files.length === 0) return undefined;
    return { files, ...(typeof data.target === "string" && data.target ? { target: data.target } : {}) };
  } catch {
    return undefined;
  }
}
