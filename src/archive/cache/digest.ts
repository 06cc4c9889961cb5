import { createHash } from 'node:crypto';

/** A short, stable digest of some text or bytes (SHA-1 is plenty: this guards caches, not secrets). */
export function digest(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64url');
}
