import { createHash, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../canonical-json.js';
import type { AnchorSigningKey, AnchorVerifyKey } from './anchor-key.js';

/** The journal head at one moment, as an anchor records it. */
export interface Anchor {
  /** The seq of the last event then. */
  readonly seq: number;
  /** That event's hash: it covers every earlier event through the chain. */
  readonly hash: string;
  /** When it was anchored (epoch ms). */
  readonly at: number;
  /** The signing key's id. */
  readonly key: string;
  /** The SHA-256 of the anchor file's previous line as written (null on its first line): a removed line shows. */
  readonly prev: string | null;
}

/** Why a line of an anchor file cannot be trusted. */
export type AnchorLineProblem = 'unreadable' | 'wrong-key' | 'bad-signature';

export type AnchorReading = { readonly ok: true; readonly anchor: Anchor } | { readonly ok: false; readonly problem: AnchorLineProblem; readonly detail: string };

const FORMAT = 1;
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const lineShape = z.strictObject({
  v: z.literal(FORMAT),
  seq: z.number().int().min(1),
  hash: hex64,
  at: z.number().int().min(0),
  key: z.string().min(1),
  prev: hex64.nullable(),
  sig: z.string().min(1),
});

/** What the signature covers: every field of the anchor and the format, as canonical JSON. */
const signedText = (a: Anchor): Buffer => Buffer.from(canonicalJson({ v: FORMAT, seq: a.seq, hash: a.hash, at: a.at, key: a.key, prev: a.prev }));

/** The SHA-256 (hex) of a line as written, without its newline: what the next line names as `prev`. */
export const lineDigest = (line: string): string => createHash('sha256').update(line).digest('hex');

/** One anchor file line (JSON, no newline): the anchor and its Ed25519 signature (base64). */
export function signAnchor(fields: Omit<Anchor, 'key'>, key: AnchorSigningKey): string {
  const anchor: Anchor = { ...fields, key: key.id };
  const sig = sign(null, signedText(anchor), key.privateKey).toString('base64');
  return JSON.stringify({ v: FORMAT, seq: anchor.seq, hash: anchor.hash, at: anchor.at, key: anchor.key, prev: anchor.prev, sig });
}

/** Reads one line and checks its signature against the key; a line changed in any field fails here. */
export function readAnchorLine(line: string, key: AnchorVerifyKey): AnchorReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'unreadable', detail: 'not JSON' };
  }
  const shape = lineShape.safeParse(parsed);
  if (!shape.success) return { ok: false, problem: 'unreadable', detail: `not an anchor: ${shape.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join(', ')}` };
  const { sig, v: _v, ...anchor } = shape.data;
  if (anchor.key !== key.id) return { ok: false, problem: 'wrong-key', detail: `signed with key ${anchor.key}, not with the given key ${key.id}` };
  if (!verify(null, signedText(anchor), key.publicKey, Buffer.from(sig, 'base64'))) {
    return { ok: false, problem: 'bad-signature', detail: 'its signature does not match its content: the line was changed after it was written' };
  }
  return { ok: true, anchor };
}

/** The key id a line names, if it is an anchor at all (without checking its signature). */
export function keyOfLine(line: string): string | null {
  try {
    const parsed = lineShape.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data.key : null;
  } catch {
    return null;
  }
}
