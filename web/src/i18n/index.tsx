/** Language context: Vietnamese by default, English via the switch (kept in the URL as lang=en). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { TYPE_NAMES, type Lang, type MessageKey } from './dictionary';
import { translator, type Translate } from './translate';

export type { Lang, MessageKey } from './dictionary';
export { translator, type Translate } from './translate';

/** Level name for a level key; unknown keys are shown as given (levels are data). */
export function levelName(t: Translate, level: string | null | undefined): string {
  if (!level) return t('levelUnknown');
  return ['central', 'provincial', 'district', 'commune'].includes(level) ? t(level as MessageKey) : level;
}

export function typeName(lang: Lang, type: string | null | undefined, fallback?: string | null): string {
  if (type && TYPE_NAMES[type]) return TYPE_NAMES[type][lang];
  return fallback ?? type ?? '';
}

/** dd/mm/yyyy (Vietnamese) or yyyy-mm-dd (English). */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** A count with the language's digit grouping: 30.619 (vi), 30,619 (en). */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'vi', t: translator('vi'), setLang: () => {} });

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang: (l: Lang) => void; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
