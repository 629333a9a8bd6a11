/** App shell: URL-backed view state, language, start page or cascade view. */
import { useCallback, useEffect, useState } from 'react';
import type { RootRef } from './api/types';
import { CascadeView } from './components/CascadeView';
import { StartPage } from './components/StartPage';
import { I18nProvider, translator, type Lang } from './i18n';
import { DEFAULT_FILTERS, parseView, writeView, type ViewState } from './state/url';

export function App() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));

  useEffect(() => {
    const onPop = () => setView(parseView(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<ViewState>, push = false) => {
    setView((v) => {
      const next = { ...v, ...patch };
      writeView(next, push);
      return next;
    });
  }, []);

  const open = useCallback(
    (ref: RootRef) =>
      update({ code: ref.code, issuedOn: ref.issuedOn ?? null, province: ref.province ?? null, filters: { ...DEFAULT_FILTERS }, selected: null, step: null, gaps: false, lag: false, orgs: false, levels: false }, true),
    [update],
  );
  const home = useCallback(() => update({ code: null, issuedOn: null, province: null, selected: null, step: null, gaps: false, lag: false, orgs: false, levels: false }, true), [update]);
  const setLang = useCallback((lang: Lang) => update({ lang }), [update]);

  useEffect(() => {
    document.documentElement.lang = view.lang;
    document.title = `${translator(view.lang)('appTitle')}${view.code ? ` — ${view.code}` : ''}`;
  }, [view.lang, view.code]);

  const t = translator(view.lang);
  return (
    <I18nProvider lang={view.lang} setLang={setLang}>
      <div className="app">
        {view.step === null && (
          <header className="app-header">
            <h1>
              <a href="/" onClick={(e) => { e.preventDefault(); home(); }}>{t('appTitle')}</a>
            </h1>
            <button
              type="button"
              className="lang-switch"
              onClick={() => setLang(view.lang === 'vi' ? 'en' : 'vi')}
              data-testid="lang-switch"
              aria-label={t('language')}
            >
              {t('switchLang')}
            </button>
          </header>
        )}
        {view.code ? (
          <CascadeView key={`${view.code}|${view.issuedOn}|${view.province}`} view={view} onView={update} onOpen={open} onHome={home} />
        ) : (
          <StartPage onOpen={open} />
        )}
      </div>
    </I18nProvider>
  );
}
