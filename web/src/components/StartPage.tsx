/** Start page: search box (a text opens its cascade, an organisation its page) + the root directives of the graph with their cascade sizes. */
import { fetchAllProvinces, fetchRoots } from '../api/operations';
import { directiveRef, type RootRef, type SearchHit } from '../api/types';
import { formatCount, formatDate, levelName, typeName, useI18n } from '../i18n';
import { SearchBox } from './SearchBox';
import { EmptyMessage, ErrorMessage, Loading } from './StatusMessage';
import { useAsync } from './useAsync';

interface Props {
  onOpen: (ref: RootRef) => void;
  onRead: () => void;
  onProvince: (province: string) => void;
  /** Opens an organisation's page by its key. */
  onOrganization: (key: string) => void;
}

export function StartPage({ onOpen, onRead, onProvince, onOrganization }: Props) {
  const { t, lang } = useI18n();
  const roots = useAsync((signal) => fetchRoots(30, signal), 'roots');
  // The provinces of both maps, in Vietnamese order: those of the 2025 map first, then the old ones they took over.
  const provinces = useAsync(() => fetchAllProvinces(), 'all-provinces');
  const collator = new Intl.Collator('vi');
  const names = (newMap: boolean) => (provinces.data ?? []).filter((p) => p.newMap === newMap).map((p) => p.name).sort(collator.compare);
  const groups: Array<[string, string[]]> = [
    [t('provincesNewMap'), names(true)],
    [t('provincesOldMap'), names(false)],
  ];

  // A text without a printed code (a guidance, a plan) is opened by its id, which the server takes for a code.
  const onChoose = (hit: SearchHit) => {
    if (hit.kind === 'DIRECTIVE') onOpen(directiveRef(hit));
    else onOrganization(hit.id);
  };

  return (
    <main className="start">
      <section className="start-search">
        <p className="lead">{t('appSubtitle')}</p>
        <SearchBox placeholder={t('searchPlaceholder')} onChoose={onChoose} autoFocus />
        <p className="start-read">
          <button type="button" className="link" onClick={onRead} data-testid="open-read">
            {t('readFile')}
          </button>{' '}
          <span className="muted">{t('readFileHint')}</span>
        </p>
        {provinces.data && (
          <p className="start-province">
            <label>
              {t('byProvince')}{' '}
              <select value="" onChange={(e) => e.target.value && onProvince(e.target.value)} data-testid="province-choice">
                <option value="">{t('chooseProvince')}</option>
                {groups.map(([label, names]) => (
                  <optgroup key={label} label={label}>
                    {names.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          </p>
        )}
      </section>
      <section className="start-roots" aria-labelledby="roots-title">
        <h2 id="roots-title">{t('roots')}</h2>
        <p className="muted">{t('rootsHint')}</p>
        {roots.loading && <Loading />}
        {roots.error != null && <ErrorMessage error={roots.error} onRetry={roots.retry} />}
        {roots.data?.length === 0 && <EmptyMessage text={t('emptyRoots')} />}
        <ul className="root-list">
          {roots.data?.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="root-card"
                data-testid="root-card"
                data-code={r.code ?? ''}
                onClick={() => onOpen(directiveRef(r))}
              >
                <span className="root-code">
                  {r.code ?? typeName(lang, r.type)}
                  {r.synthetic && (
                    <span className="badge synthetic" title={t('syntheticHint')} data-testid="synthetic-badge">
                      {t('syntheticBadge')}
                    </span>
                  )}
                </span>
                <span className="root-meta">
                  {[typeName(lang, r.type), r.province ?? levelName(t, r.level), formatDate(lang, r.issuedOn)].filter(Boolean).join(' · ')}
                </span>
                {r.title && <span className="root-title">{r.title}</span>}
                <span className="badge">{t('cascadeSize', { n: formatCount(lang, r.cascadeSize) })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
