import { locale, setLocale, t, type MessageKey } from '../i18n/i18n.js';
import type { Route } from '../router.js';
import { mayUse } from '../screen-roles.js';
import { me, signOut } from '../session/session.js';
import { LiveIndicator } from './live-indicator.js';

const LINKS: readonly { href: string; page: Route['page']; label: MessageKey }[] = [
  { href: '/', page: 'dashboard', label: 'nav.dashboard' },
  { href: '/dispatch', page: 'dispatch', label: 'nav.dispatch' },
  { href: '/terminal', page: 'terminal', label: 'nav.terminal' },
  { href: '/quality', page: 'quality', label: 'nav.quality' },
  { href: '/master-data', page: 'master-data', label: 'nav.masterData' },
  { href: '/audit', page: 'audit', label: 'nav.audit' },
];

/** The office screens' header: where to go (the screens the user may use), who is signed in, the language, whether the screen is live. */
export function AppHeader({ current }: { readonly current: Route['page'] }) {
  return (
    <header class="app-header">
      <a class="brand" href="/" aria-label={t('nav.home')}>Takt</a>
      <nav aria-label={t('nav.main')}>
        <ul>
          {LINKS.filter((l) => mayUse(l.page)).map((l) => (
            <li key={l.href}>
              <a href={l.href} aria-current={current === l.page ? 'page' : undefined}>{t(l.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="header-end">
        <LiveIndicator />
        <LanguageSwitch />
        <span class="who">{me.value?.name}</span>
        <button type="button" class="button secondary small" onClick={() => signOut()}>{t('nav.signOut')}</button>
      </div>
    </header>
  );
}

/** English / Deutsch. */
export function LanguageSwitch() {
  return (
    <label class="language">
      <span class="visually-hidden">{t('nav.language')}</span>
      <select value={locale.value} onChange={(e) => setLocale(e.currentTarget.value === 'de' ? 'de' : 'en')}>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
    </label>
  );
}
