/** App shell: URL-backed view state, language, start page or cascade view. */
import { useCallback, useEffect, useState } from 'react';
import type { RootRef } from './api/types';
import { CascadeView } from './components/CascadeView';
import { PreviewPage } from './components/PreviewPage';
import { OrganizationPage } from './components/OrganizationPage';
import { ProvincePage } from './components/ProvincePage';
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
    (ref: RootRef, provinces: string[] = []) =>
      update({ read: false, org: null, code: ref.code, issuedOn: ref.issuedOn ?? null, province: ref.province ?? null, filters: { ...DEFAULT_FILTERS, provinces }, selected: null, step: null, gaps: false, lag: false, due: false, period: null, time: false, orgs: false, levels: false, expanded: [] }, true),
    [update],
  );
  const openProvince = useCallback((province: string) => update({ read: false, org: null, code: null, issuedOn: null, province, selected: null, step: null, expanded: [] }, true), [update]);
  const openOrganization = useCallback((org: string) => update({ read: false, org, code: null, issuedOn: null, province: null, selected: null, step: null, expanded: [] }, true), [update]);
  const home = useCallback(() => update({ read: false, org: null, code: null, issuedOn: null, province: null, selected: null, step: null, gaps: false, lag: false, due: false, period: null, time: false, orgs: false, levels: false, expanded: [] }, true), [update]);
  const readFile = useCallback(() => update({ read: true }, true), [update]);
  const setLang = useCallback((lang: Lang) => update({ lang }), [update]);
  // How the cascade view names its root once loaded (code, or type and title of a text opened by its id "doc:…").
  const [rootName, setRootName] = useState<{ code: string; name: string } | null>(null);
  const onRootName = useCallback((name: string | null) => setRootName(name && view.code ? { code: view.code, name } : null), [view.code]);
  // An organisation's page is named by the organisation once loaded (the address holds its key).
  const [orgName, setOrgName] = useState<{ key: string; name: string } | null>(null);
  const onOrgName = useCallback((name: string) => setOrgName(view.org ? { key: view.org, name } : null), [view.org]);

  useEffect(() => {
    document.documentElement.lang = view.lang;
    // The tab says which text is open: a name the view gave for this code, else the code from the address.
    // A province's page by the province, an organisation's by its name.
    const name = view.code
      ? rootName?.code === view.code ? rootName.name : view.code
      : view.read ? null : view.org ? (orgName?.key === view.org ? orgName.name : null) : view.province;
    document.title = `${translator(view.lang)('appTitle')}${name ? ` — ${name}` : ''}`;
  }, [view.lang, view.code, view.read, view.org, view.province, rootName, orgName]);

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
          <CascadeView key={`${view.code}|${view.issuedOn}|${view.province}`} view={view} onView={update} onOpen={open} onHome={home} onRootName={onRootName} onOrganization={openOrganization} />
        ) : view.read ? (
          <PreviewPage onOpen={open} onHome={home} />
        ) : view.org ? (
          <OrganizationPage key={view.org} orgKey={view.org} onOpen={open} onProvince={openProvince} onHome={home} onName={onOrgName} />
        ) : view.province ? (
          <ProvincePage province={view.province} onOpen={open} onProvince={openProvince} onHome={home} />
        ) : (
          <StartPage onOpen={open} onRead={readFile} onProvince={openProvince} onOrganization={openOrganization} />
        )}
      </div>
    </I18nProvider>
  );
}
