import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Anchoring or checking anchors cannot go on: the message says which file is wrong and what to do. */
export class AnchorError extends Error {
  override readonly name = 'AnchorError';
}

/** The Ed25519 key that signs anchors: it lives in a file outside the store, never in it. */
export interface AnchorSigningKey {
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): what each anchor names as its signer. */
  readonly id: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** What checking anchors needs: the public key only, so whoever verifies cannot sign. */
export interface AnchorVerifyKey {
  readonly id: string;
  readonly publicKey: KeyObject;
}

/** The public key's file beside the private one (as ssh keeps `id_ed25519.pub`). */
export const publicKeyFileOf = (keyFile: string): string => `${keyFile}.pub`;

function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function parseKey(file: string): KeyObject {
  const pem = readFileSync(file, 'utf8');
  try {
    return pem.includes('PRIVATE KEY') ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (error) {
    throw new AnchorError(`the anchor key ${file} is not a PEM key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function signingKeyOf(file: string): AnchorSigningKey {
  const privateKey = parseKey(file);
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AnchorError(`the anchor key ${file} must be an Ed25519 private key (PKCS#8 PEM), as takt serve creates it`);
  }
  const publicKey = createPublicKey(privateKey);
  return { id: keyId(publicKey), privateKey, publicKey };
}

/** Whether the anchor file exists with something in it: anchors that a lost key could no longer extend. */
function holdsAnchors(anchorFile: string): boolean {
  return existsSync(anchorFile) && statSync(anchorFile).size > 0;
}

/**
 * The signing key at `keyFile`, created on first use: a new Ed25519 key written with mode 0600 (put in place whole
 * and only if absent, so two nodes starting at once on a shared folder end with one key) and its public key beside
 * it (`.pub`). A key is never created while `anchorFile` already holds anchors: they were signed with a key that is
 * missing now, and a new one would silently start a history that cannot be told from a forged one. `looseMode` says
 * the file can be read by others than its owner.
 */
export function loadOrCreateSigningKey(keyFile: string, anchorFile: string): { key: AnchorSigningKey; created: boolean; looseMode: boolean } {
  if (existsSync(keyFile)) return { key: signingKeyOf(keyFile), created: false, looseMode: (statSync(keyFile).mode & 0o077) !== 0 };
  if (holdsAnchors(anchorFile)) {
    throw new AnchorError(
      `the anchor key ${keyFile} is missing, but the anchor file ${anchorFile} holds anchors signed with it: put the key file back ` +
      '(TAKT_ANCHOR_KEY names another place), or start a new anchor file (TAKT_ANCHOR_FILE) and keep the old one with its key',
    );
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // Written whole under a name of its own, then linked into place: linking fails if the key exists, so a node never
  // reads a key half written, nor replaces one that another node created a moment ago (it takes that one).
  const written = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(written, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(written, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: signingKeyOf(keyFile), created: false, looseMode: false };
    throw error;
  } finally {
    rmSync(written, { force: true });
  }
  writeFileSync(publicKeyFileOf(keyFile), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { key: { id: keyId(publicKey), privateKey, publicKey }, created: true, looseMode: false };
}

/**
 * The key to check anchors with, from a private key file (its public half is taken) or a public one (`.pub`); when
 * `keyFile` is absent its `.pub` beside it will do. Throws an AnchorError naming the file when neither is there.
 */
export function loadVerifyKey(keyFile: string): AnchorVerifyKey {
  const file = existsSync(keyFile) ? keyFile : publicKeyFileOf(keyFile);
  if (!existsSync(file)) {
    throw new AnchorError(`no anchor key at ${keyFile} (nor ${publicKeyFileOf(keyFile)}): give the key the anchors were signed with (--anchor-key FILE or TAKT_ANCHOR_KEY; its .pub file is enough)`);
  }
  const key = parseKey(file);
  if (key.asymmetricKeyType !== 'ed25519') throw new AnchorError(`the anchor key ${file} is not an Ed25519 key`);
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return { id: keyId(publicKey), publicKey };
}
