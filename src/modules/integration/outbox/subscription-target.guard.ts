import { violation, type Violation } from '../../../platform/errors/violation.js';
import { resolveFolderTarget } from './folder-target.guard.js';
import { parseMqttTarget } from './mqtt-target.parser.js';
import type { SubscriptionKind } from './subscription.types.js';
import { webhookHostRefusal, type WebhookHosts } from './webhook-hosts.policy.js';

/** Where subscriptions may deliver: the folder drops' base, the default MQTT broker and the webhook hosts. */
export interface TargetPolicy {
  readonly folderBase: string | null;
  readonly mqttUrl: string | null;
  /** The webhook allow-list (see webhook-hosts.policy.ts); null or absent: any host but link-local ones. */
  readonly webhookHosts?: WebhookHosts;
}

export type TargetCheck = { readonly ok: true; readonly target: string } | { readonly ok: false; readonly violations: Violation[] };

const refuse = (message: string): TargetCheck => ({ ok: false, violations: [violation('INVALID_FIELD', message, { field: 'target' })] });

/**
 * Checks a subscription's target for its kind and gives it in the form stored: a webhook is an http(s) URL; a folder
 * lies inside the outbox folder (stored as its absolute path); an MQTT target has a broker and a topic without
 * wildcards.
 */
export function checkTarget(kind: SubscriptionKind, target: string, policy: TargetPolicy): TargetCheck {
  switch (kind) {
    case 'webhook': {
      let url: URL;
      try {
        url = new URL(target);
      } catch {
        return refuse('a webhook target must be an absolute http:// or https:// URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`a webhook target must use http or https, not ${url.protocol.replace(':', '')}`);
      const hostRefusal = webhookHostRefusal(url, policy.webhookHosts ?? null);
      if (hostRefusal !== null) return refuse(hostRefusal);
      return { ok: true, target: url.toString() };
    }
    case 'folder': {
      if (policy.folderBase === null) return refuse('folder drops are not enabled: set TAKT_OUTBOX_DIR to the folder they may write below');
      if (target.includes('\u0000')) return refuse('a folder name cannot contain NUL');
      const folder = resolveFolderTarget(policy.folderBase, target);
      return folder === null ? refuse(`the folder must lie inside the outbox folder ${policy.folderBase}`) : { ok: true, target: folder };
    }
    case 'mqtt': {
      const parsed = parseMqttTarget(target, policy.mqttUrl);
      return parsed.ok ? { ok: true, target } : refuse(`the MQTT target ${parsed.reason}`);
    }
  }
}

/** The target as shown in the journal and the API: a password in a URL is hidden. */
export function redactTarget(target: string): string {
  try {
    const url = new URL(target);
    if (url.password === '') return target;
    url.password = '***';
    return url.toString();
  } catch {
    return target;
  }
}
