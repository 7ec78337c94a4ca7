/**
 * Electronic signatures (21 CFR Part 11): the check a command runs in its transaction, policies, stored signatures.
 * Modules whose commands are signed import this entry, not the compliance index: the compliance module also reads
 * their records (the batch record), and a cycle through its index would leave the body schemas half-built at load.
 */
export { checkSignatures, type SignatureCheck, type SignatureRequest } from './signature.service.js';
export {
  MEANINGS, SIGNED_ACTIONS, DEFAULT_POLICIES, REGULATED_POLICIES, signatureSchema, signingFields,
  type Meaning, type SignedAction, type SignaturePolicy, type SignatureInput, type Signing,
} from './signature-actions.js';
export { putSignaturePolicy } from './put-signature-policy.command.js';
export { signaturesOf, type SignatureRecord } from './signature.repository.js';
export { signatureRequirement, type SignatureRequirement } from './signature-policy.repository.js';
export { recordHash } from './record-hash.js';
export { registerSignatureRoutes, presentSignature } from './signatures.routes.js';
