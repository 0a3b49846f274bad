/** Russian by default, English as the second language; the choice is kept in localStorage. */
import { core } from './i18n/core';
import { owner } from './i18n/owner';
import { after } from './i18n/after';

export type Lang = 'ru' | 'en';
export type Key = string;
export type Texts = { ru: Record<string, string>; en: Record<string, string> };

/** Each part holds the texts of some pages in both languages (the build checks both have every key). */
export const parts: Texts[] = [core, owner, after];
const dictionaries: Record<Lang, Record<string, string>> = {
  ru: Object.assign({}, ...parts.map((p) => p.ru)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
const STORAGE = 'storeops.lang';

let current: Lang = (localStorage.getItem(STORAGE) as Lang) || 'ru';
const listeners = new Set<() => void>();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang) {
  current = next;
  localStorage.setItem(STORAGE, next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for key; {name} placeholders filled from params. */
export function t(key: Key, params?: Record<string, string | number>): string {
  let s = dictionaries[current][key] ?? dictionaries.ru[key] ?? key;
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      s = s.split('{' + k + '}').join(String(v));
    }
  }
  return s;
}

export function formatMoney(minor: number | undefined | null, currency = 'RUB'): string {
  if (minor == null) return '—';
  return new Intl.NumberFormat(current === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency }).format(minor / 100);
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
