/**
 * MD5 and SHA-1 of UTF-8 text, for the `hash` filter (Ansible's `hash('md5')`, `hash('sha1')`).
 * Written here, not taken from node:crypto, so that render mode runs in the browser build too.
 */

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The message padded to a multiple of 64 bytes with its bit length (little or big endian). */
function pad(bytes: Uint8Array, littleEndian: boolean): DataView {
  const length = Math.ceil((bytes.length + 9) / 64) * 64;
  const buf = new Uint8Array(length);
  buf.set(bytes);
  buf[bytes.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = bytes.length * 8;
  if (littleEndian) {
    view.setUint32(length - 8, bits >>> 0, true);
    view.setUint32(length - 4, Math.floor(bits / 2 ** 32), true);
  } else {
    view.setUint32(length - 8, Math.floor(bits / 2 ** 32), false);
    view.setUint32(length - 4, bits >>> 0, false);
  }
  return view;
}

const hex = (words: readonly number[], littleEndian: boolean) =>
  words
    .map((w) => {
      const b = [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255];
      return (littleEndian ? b.reverse() : b).map((x) => x.toString(16).padStart(2, "0")).join("");
    })
    .join("");

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5(text: string): string {
  const view = pad(utf8(text), true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let off = 0; off < view.byteLength; off += 64) {
    const m = Array.from({ length: 16 }, (_, i) => view.getUint32(off + i * 4, true));
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const s = MD5_S[(i >> 4) * 4 + (i % 4)]!;
      const t = (a + f + MD5_K[i]! + m[g]!) | 0;
      [a, d, c] = [d, c, b];
      b = (b + rotl(t, s)) | 0;
    }
    [a0, b0, c0, d0] = [(a0 + a) | 0, (b0 + b) | 0, (c0 + c) | 0, (d0 + d) | 0];
  }
  return hex(
    [a0, b0, c0, d0].map((x) => x >>> 0),
    true,
  );
}

export function sha1(text: string): string {
  const view = pad(utf8(text), false);
  let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let off = 0; off < view.byteLength; off += 64) {
    const w: number[] = Array.from({ length: 16 }, (_, i) => view.getUint32(off + i * 4, false));
    for (let i = 16; i < 80; i++) w.push(rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1));
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, t];
    }
    h = [h[0]! + a, h[1]! + b, h[2]! + c, h[3]! + d, h[4]! + e].map((x) => x | 0);
  }
  return hex(
    h.map((x) => x >>> 0),
    false,
  );
}
