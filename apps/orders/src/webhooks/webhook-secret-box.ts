import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'enc1';
const LEGACY_CLEAR = 'whsec_';

/**
 * Endpoint signing secrets at rest: AES-256-GCM with a key from config (WEBHOOK_SECRET_KEY), bound
 * to the endpoint id (additional data), so a database dump or a leaked row reveals no secret and a
 * ciphertext moved to another endpoint does not open. Not a hash: the dispatcher needs the secret
 * itself to sign every delivery (the receiver checks the HMAC with the same secret).
 * Stored as `enc1:<iv>.<tag>.<ciphertext>` (base64url).
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded');
  }

  seal(secret: string, endpointId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(endpointId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${FORMAT}:${[iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.')}`;
  }

  open(stored: string, endpointId: string): string {
    if (WebhookSecretBox.isClear(stored)) return stored;
    const [format, body] = stored.split(':', 2);
    const parts = (body ?? '').split('.').map((p) => Buffer.from(p, 'base64url'));
    if (format !== FORMAT || parts.length !== 3) throw new Error('webhook secret: unknown storage format');
    const [iv, tag, sealed] = parts;
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(endpointId, 'utf8')).setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }

  /** A secret written before secrets were encrypted (sealed at start, see WebhookSecretSealer). */
  static isClear(stored: string): boolean {
    return stored.startsWith(LEGACY_CLEAR);
  }
}
