/**
 * Which hosts webhook subscriptions may deliver to. A user with the integration role creates subscriptions, and Takt
 * then sends requests from inside the plant network: without a limit, a subscription could point at an internal
 * service or a cloud metadata address (server-side request forgery).
 *
 * - `TAKT_WEBHOOK_HOSTS` set: a comma-separated allow-list; an entry is a host name or address (`erp.example.com`,
 *   `10.1.2.3`, `[::1]`), optionally with a port (`erp.example.com:8443`: that port only), or `*.example.com` (any host
 *   below example.com). `*` alone allows every host but the forbidden ones below.
 * - unset: every host but the forbidden ones.
 * Always forbidden, whatever the list says: link-local addresses (169.254.0.0/16, where cloud metadata services
 * answer, and fe80::/10) and the unspecified addresses 0.0.0.0 and [::].
 */
export type WebhookHosts = readonly string[] | null;

export const WEBHOOK_HOSTS_ENV = 'TAKT_WEBHOOK_HOSTS';

/** The allow-list from its environment form; null when unset or empty (any host but the forbidden ones). */
export function parseWebhookHosts(value: string | undefined): WebhookHosts {
  const entries = (value ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
  return entries.length === 0 ? null : entries;
}

function forbidden(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === '0.0.0.0' || h === '[::]' || /^169\.254\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  // fe80::/10, and 169.254.0.0/16 written as an IPv4-mapped IPv6 address (the URL parser gives it in hex).
  return /^\[fe[89ab][0-9a-f]?:/.test(h) || /^\[::ffff:a9fe:/.test(h);
}

/** An allow-list entry split into its host and optional port. */
function entryParts(entry: string): { name: string; port: string | undefined } {
  const m = entry.startsWith('[') ? /^(\[[^\]]+\])(?::(\d{1,5}))?$/.exec(entry) : /^([^:]+)(?::(\d{1,5}))?$/.exec(entry);
  return { name: m?.[1] ?? entry, port: m?.[2] };
}

function matches(entry: string, url: URL): boolean {
  if (entry === '*') return true;
  const host = url.hostname.toLowerCase();
  const { name, port } = entryParts(entry);
  if (port !== undefined && port !== (url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port)) return false;
  if (name.startsWith('*.')) return host.endsWith(name.slice(1)) && host.length > name.length - 1;
  return host === name;
}

/** Why a webhook URL may not be used under the policy, or null when it may. */
export function webhookHostRefusal(url: URL, hosts: WebhookHosts): string | null {
  if (forbidden(url.hostname)) return `webhooks may not target the link-local or unspecified address ${url.hostname}`;
  if (hosts === null || hosts.some((e) => matches(e, url))) return null;
  return `the host ${url.host} is not in the webhook allow-list (${WEBHOOK_HOSTS_ENV})`;
}
