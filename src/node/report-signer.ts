/** The HMAC for report integrity tags (src/core/report/integrity.ts), keyed by the master. */
import { createHmac } from 'node:crypto';
import type { Model } from '../core';
import { reportKeyMaterial, type Signer } from '../core';

export function reportSigner(model: Model): Signer {
  const { material } = reportKeyMaterial(model);
  return (message: string) => createHmac('sha256', material).update(message, 'utf8').digest('hex');
}
