import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../platform/journal/canonical-json.js';

/**
 * The SHA-256 (hex) of the canonical JSON of what a signature signs: the action, the record's kind and id, and the
 * exact record content. A signature bound to it cannot be moved to another record or to a changed one (21 CFR 11.70).
 */
export function recordHash(action: string, entity: string, entityId: string, content: unknown): string {
  return createHash('sha256').update(canonicalJson({ action, entity, entityId, content })).digest('hex');
}
