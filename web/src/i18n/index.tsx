/** Language context: Vietnamese by default, English via the switch (kept in the URL as lang=en). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DICTIONARIES, TYPE_NAMES, type Lang, type MessageKey } from './dictionary';

export type { Lang, MessageKey } from './dictionary';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A count as a message got it (a number, or a string formatted with digit grouping: "1", "30.619", "30,619"). */
const countOf = (v: string | number): number => (typeof v === 'number' ? v : Number(v.replace(/[\s.,\u00a0]/g, '')));

/**
 * Messages name their parameters `{n}`; `{n:one|other}` is the word that agrees with n ("1 day", "3 days"), for the
 * languages whose nouns take a plural (Vietnamese messages do not use it).
 */
export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) => {
    let text = dict[key] ?? key;
    if (!params) return text;
    text = text.replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole, k: string, one: string, other: string) =>
      k in params ? (countOf(params[k]!) === 1 ? one : other) : whole,
    );
    for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

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
