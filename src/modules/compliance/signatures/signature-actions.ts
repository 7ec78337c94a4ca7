import { z } from 'zod';

/** The meanings of an electronic signature (21 CFR 11.50(a)(3)), as API.md fixes them. */
export const MEANINGS = ['authored', 'reviewed', 'approved', 'responsible', 'witnessed'] as const;
export type Meaning = (typeof MEANINGS)[number];

/**
 * Every action whose signatures a policy configures. Commands name their action from this list when they call
 * checkSignatures; the batch record's review and release use the `batch-record.*` ones.
 */
export const SIGNED_ACTIONS = [
  'revision.approve',
  'nonconformance.disposition',
  'lot.release',
  'operation.complete-critical',
  'batch-record.review',
  'batch-record.release',
] as const;
export type SignedAction = (typeof SIGNED_ACTIONS)[number];

/** Which signatures an action needs: the signer's meaning is one of `meanings` (none: no signature needed), plus a witness. */
export interface SignaturePolicy {
  readonly meanings: readonly Meaning[];
  readonly witness: boolean;
}

/**
 * What a store without a stored policy asks for. Master data and lot releases sign nothing until an administrator
 * (or the demo plant) says so; a critical routing step always needs its `responsible` signature (the routing marks it),
 * and a batch record is reviewed and released only with signatures.
 */
export const DEFAULT_POLICIES: Readonly<Record<SignedAction, SignaturePolicy>> = {
  'revision.approve': { meanings: [], witness: false },
  'nonconformance.disposition': { meanings: [], witness: false },
  'lot.release': { meanings: [], witness: false },
  'operation.complete-critical': { meanings: ['responsible'], witness: false },
  'batch-record.review': { meanings: ['reviewed'], witness: false },
  'batch-record.release': { meanings: ['approved'], witness: false },
};

/** The policies of a regulated (GMP) plant: every decision about product or material quality is signed. */
export const REGULATED_POLICIES: Readonly<Record<SignedAction, SignaturePolicy>> = {
  'revision.approve': { meanings: ['approved'], witness: false },
  'nonconformance.disposition': { meanings: ['approved'], witness: false },
  'lot.release': { meanings: ['approved'], witness: false },
  'operation.complete-critical': { meanings: ['responsible'], witness: true },
  'batch-record.review': { meanings: ['reviewed'], witness: false },
  'batch-record.release': { meanings: ['approved'], witness: false },
};

/** Meanings an action needs whatever its policy says: a critical step is signed by the person responsible. */
export const ALWAYS_REQUIRED: Partial<Record<SignedAction, readonly Meaning[]>> = {
  'operation.complete-critical': ['responsible'],
};

/** One signature as a command's body carries it (API.md); `username` may be left out after the first signing of a session. */
export const signatureSchema = z.strictObject({
  username: z.string().min(1).max(100).optional(),
  password: z.string().min(1).max(200),
  meaning: z.enum(MEANINGS),
  comment: z.string().trim().min(1).max(1000).optional(),
  /** The SHA-256 of the record the signer saw (from the SIGNATURE_REQUIRED answer): refused when the record differs. */
  recordHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex').optional(),
});
export type SignatureInput = z.output<typeof signatureSchema>;

/** The body fields of a command that may be signed: spread them into its body schema. */
export const signingFields = {
  signature: signatureSchema.optional(),
  witness: signatureSchema.optional(),
};

/** The signatures a command received. */
export interface Signing {
  readonly signature?: SignatureInput | undefined;
  readonly witness?: SignatureInput | undefined;
}
