/** Language context: Vietnamese by default, English via the switch (kept in the URL as lang=en). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang } from './dictionary';
import { translator, type Translate } from './translate';

export type { Lang, MessageKey } from './dictionary';
export { translator, type Translate } from './translate';
export { formatCount, formatDate, formatDayCount, formatDays, levelName, localDay, parseDate, periodLabel, periodStatusName, typeName } from './format';

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
