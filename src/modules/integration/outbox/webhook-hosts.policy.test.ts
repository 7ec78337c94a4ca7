import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhookHosts, webhookHostRefusal } from './webhook-hosts.policy.js';

const refusal = (url: string, hosts: string | undefined) => webhookHostRefusal(new URL(url), parseWebhookHosts(hosts));

describe('webhook host policy', () => {
  it('without a list allows any host but link-local and unspecified addresses, however they are written', () => {
    expect(refusal('https://erp.example.com/hook', undefined)).toBeNull();
    expect(refusal('http://127.0.0.1:9000/hook', '')).toBeNull();
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://2852039166/', 'http://0xa9.0xfe.0xa9.0xfe/', 'http://[::ffff:169.254.169.254]/', 'http://[fe80::1]/', 'http://0.0.0.0:80/', 'http://[::]/']) {
      expect(refusal(url, undefined), url).toMatch(/link-local or unspecified/);
      expect(refusal(url, '*'), url).toMatch(/link-local or unspecified/);
    }
  });

  it('with a list allows exactly its hosts, ports and subdomains', () => {
    const list = 'erp.example.com, *.plant.example, 10.1.2.3:8443, [::1]';
    expect(refusal('https://erp.example.com/x', list)).toBeNull();
    expect(refusal('https://ERP.example.com/x', list)).toBeNull();
    expect(refusal('https://mes.plant.example/x', list)).toBeNull();
    expect(refusal('https://plant.example/x', list)).toMatch(/not in the webhook allow-list/);
    expect(refusal('https://evilplant.example/x', list)).toMatch(/not in the webhook allow-list/);
    expect(refusal('https://10.1.2.3:8443/x', list)).toBeNull();
    expect(refusal('https://10.1.2.3/x', list)).toMatch(/10\.1\.2\.3/);
    expect(refusal('http://[::1]:7000/x', list)).toBeNull();
    expect(refusal('http://127.0.0.1/x', list)).toMatch(/not in the webhook allow-list \(TAKT_WEBHOOK_HOSTS\)/);
    expect(refusal('https://erp.example.com.attacker.net/x', list)).not.toBeNull();
  });

  it('a host outside a one-host list is always refused', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        fc.pre(domain !== 'erp.example.com');
        expect(refusal(`https://${domain}/hook`, 'erp.example.com')).not.toBeNull();
      }),
    );
  });
});
