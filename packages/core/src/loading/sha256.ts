/**
 * Lowercase hex sha256 of some bytes. Uses WebCrypto where the page is a secure context;
 * elsewhere (a LAN address over plain http) falls back to @noble/hashes, loaded only then.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  return toHex(digest);
}

function toHex(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** An incremental sha256: update with each chunk, then read the hex digest once. */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  hex(): string;
}

/**
 * An incremental sha256 (@noble/hashes, loaded on first use): WebCrypto has no streaming
 * digest, and hashing each chunk as it arrives leaves nothing to verify after the download.
 *
 * @example
 * const hash = await createSha256(); hash.update(chunk); hash.hex()
 */
export async function createSha256(): Promise<Sha256> {
  const { sha256 } = await import('@noble/hashes/sha2.js');
  const state = sha256.create();
  return {
    update: (chunk) => void state.update(chunk),
    hex: () => toHex(state.digest()),
  };
}
