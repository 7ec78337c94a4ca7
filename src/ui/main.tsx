import { render } from 'preact';
import { App } from './app.js';
import { locale } from './i18n/i18n.js';
import { startRouter } from './router.js';
import { restoreSession } from './session/session.js';

document.documentElement.lang = locale.value;
startRouter();
void restoreSession().finally(() => render(<App />, document.getElementById('app') as HTMLElement));
