import { checkInbound } from './inbound-semantics.checker.js';
import { parseInbound, type ParseInboundOptions } from './inbound-message.parser.js';
import type { ImportPlan } from './import-command.types.js';
import type { InboundMessage } from './inbound-message.types.js';
import type { MasterDataLookup } from './master-data.lookup.js';
import type { Problem } from './problem.types.js';

export type ImportInboundResult =
  | { readonly ok: true; readonly message: InboundMessage; readonly plan: ImportPlan }
  | { readonly ok: false; readonly message: InboundMessage | null; readonly problems: Problem[] };

/**
 * All three layers in one call, for the HTTP endpoint and `takt import`: parseInbound, then checkInbound.
 * A message parsing refused is still checked as far as it could be read, so the refusal lists the problems
 * of every layer at once. On refusal `message` is the parsed message when parsing accepted it (to address a
 * ConfirmBOD to its sender), else null. Never throws for any input; writes nothing.
 */
export async function importInbound(
  xml: string,
  lookup: MasterDataLookup,
  options: ParseInboundOptions = {},
): Promise<ImportInboundResult> {
  const parsed = parseInbound(xml, options);
  if (!parsed.ok) {
    if (parsed.readable === null) return { ok: false, message: null, problems: parsed.problems };
    const all = await checkInbound(parsed.readable, lookup, { ...options, earlier: parsed.problems });
    return { ok: false, message: null, problems: all.ok ? parsed.problems : all.problems };
  }
  const checked = await checkInbound(parsed.message, lookup, options);
  return checked.ok
    ? { ok: true, message: parsed.message, plan: checked.plan }
    : { ok: false, message: parsed.message, problems: checked.problems };
}
