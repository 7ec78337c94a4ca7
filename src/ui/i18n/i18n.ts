import { signal } from '@preact/signals';
import { de } from './de.js';
import { en, type MessageKey } from './en.js';

export type Locale = 'en' | 'de';
export type { MessageKey };

const STORAGE_KEY = 'takt.locale';
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, de };

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'de') return stored;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The language of the screens; remembered per browser. */
export const locale = signal<Locale>(initialLocale());

export function setLocale(l: Locale): void {
  locale.value = l;
  localStorage.setItem(STORAGE_KEY, l);
  document.documentElement.lang = l;
}

export type Params = Readonly<Record<string, string | number>>;

/** Fills {name} placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The text of a catalogue entry in the current language. */
export function t(key: MessageKey, params?: Params): string {
  // A key built from data the server sent may be missing: show the key rather than fail.
  return fill(CATALOGUES[locale.value][key] ?? en[key] ?? key, params);
}

/** True when the entry exists (for keys built from codes sent by the server). */
export function known(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
