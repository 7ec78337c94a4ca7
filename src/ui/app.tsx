import { useEffect } from 'preact/hooks';
import { get } from './api/client.js';
import { loadFeatures } from './api/features.js';
import type { HierarchyNode, Items } from './api/types.js';
import { AppHeader, LanguageSwitch } from './components/app-header.js';
import { AuditPage } from './audit/audit-page.js';
import { ConnectionBanner } from './components/connection-banner.js';
import { DashboardPage } from './dashboard/dashboard-page.js';
import { DispatchBoardPage } from './dispatch/dispatch-board-page.js';
import { siteTimeZone } from './i18n/format.js';
import { t } from './i18n/i18n.js';
import { MasterDataPage } from './master-data/master-data-page.js';
import { OrderPage } from './orders/order-page.js';
import { QualityPage } from './quality/quality-page.js';
import { RecordPage } from './record/record-page.js';
import { match, path, type Route } from './router.js';
import { me } from './session/session.js';
import { SignInForm } from './session/sign-in-form.js';
import { SignatureDialog } from './signatures/signature-dialog.js';
import { TerminalPage } from './terminal/terminal-page.js';
import { TracePage } from './trace/trace-page.js';

/** The site's time zone, for every date on screen (the first site with one; UTC when none is set). */
async function loadSiteTimeZone(): Promise<void> {
  try {
    const sites = await get<Items<HierarchyNode>>('/sites');
    const zone = sites.items.find((s) => s.timeZone)?.timeZone;
    if (zone) siteTimeZone.value = zone;
  } catch {
    /* dates stay in UTC, labelled as such by the formatter */
  }
}

function Page({ route }: { readonly route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'order':
      return <OrderPage id={route.id} />;
    case 'record':
      return <RecordPage id={route.id} />;
    case 'lot':
      return <TracePage id={route.id} />;
    case 'quality':
      return <QualityPage />;
    case 'master-data':
      return <MasterDataPage />;
    case 'audit':
      return <AuditPage />;
    case 'dispatch':
      return <DispatchBoardPage />;
    default:
      return (
        <section class="panel">
          <h1>{t('notFound.title')}</h1>
          <p><a href="/">{t('notFound.back')}</a></p>
        </section>
      );
  }
}

/** The app: sign-in first, then the terminal (its own full-screen layout) or the office screens. */
export function App() {
  const route = match(path.value);
  const user = me.value;
  useEffect(() => {
    if (user) {
      void loadSiteTimeZone();
      void loadFeatures();
    }
  }, [user?.username]);
  useEffect(() => {
    document.title = route.page === 'terminal' ? `${t('nav.terminal')} · Takt` : 'Takt';
  }, [route.page]);

  if (!user) {
    return (
      <div class={`signed-out ${route.page === 'terminal' ? 'terminal-mode' : ''}`}>
        <header class="signed-out-bar">
          <span class="brand">Takt</span>
          <LanguageSwitch />
        </header>
        <ConnectionBanner />
        <main id="main"><SignInForm variant={route.page === 'terminal' ? 'terminal' : 'office'} /></main>
      </div>
    );
  }
  if (route.page === 'terminal') return <><TerminalPage /><SignatureDialog /></>;
  return (
    <div class="office">
      <SignatureDialog />
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <AppHeader current={route.page} />
      <ConnectionBanner />
      <main id="main" class="office-main"><Page route={route} /></main>
    </div>
  );
}
