import { signal } from '@preact/signals';
import type { Violation } from '../api/types.js';

/** One signature as a command's body carries it. */
export interface SignatureFields {
  readonly username?: string;
  readonly password: string;
  readonly meaning: string;
  readonly comment?: string;
  readonly recordHash?: string;
}

/** What the server said it needs (the details of SIGNATURE_REQUIRED). */
export interface SignatureNeed {
  readonly action: string;
  readonly entityId: string;
  readonly recordHash: string;
  readonly meanings: readonly string[];
  readonly witness: boolean;
  /** Why the last attempt was refused (wrong password, ...), to show in the dialog. */
  readonly problems: readonly string[];
}

export interface Signing {
  readonly signature: SignatureFields;
  readonly witness?: SignatureFields;
}

interface Pending {
  readonly need: SignatureNeed;
  readonly answer: (s: Signing | null) => void;
}

/** The signature the dialog is asking for, if any. */
export const pendingSignature = signal<Pending | null>(null);

const isSignature = (v: Violation): boolean => v.code === 'SIGNATURE_REQUIRED';

/** True when signing is all that is missing: every violation is SIGNATURE_REQUIRED (then signing can help). */
export function onlySignaturesMissing(violations: readonly Violation[] | undefined): boolean {
  return violations !== undefined && violations.length > 0 && violations.every(isSignature);
}

/** The signature need of a refusal, when signing is all it lacks; null otherwise. */
export function signatureNeed(violations: readonly Violation[]): SignatureNeed | null {
  if (!onlySignaturesMissing(violations)) return null;
  const d = (violations[0]?.details ?? {}) as Partial<SignatureNeed>;
  if (typeof d.recordHash !== 'string') return null;
  return {
    action: String(d.action ?? ''), entityId: String(d.entityId ?? ''), recordHash: d.recordHash,
    meanings: Array.isArray(d.meanings) && d.meanings.length > 0 ? d.meanings : ['approved'], witness: d.witness === true,
    problems: violations.map((v) => v.message),
  };
}

/** Opens the signature dialog; resolves to the signatures entered, or null when the person cancels. */
export function askForSignature(need: SignatureNeed): Promise<Signing | null> {
  return new Promise((resolve) => {
    pendingSignature.value = {
      need,
      answer: (s) => {
        pendingSignature.value = null;
        resolve(s);
      },
    };
  });
}
