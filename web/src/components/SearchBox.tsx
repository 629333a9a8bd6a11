/**
 * Search with suggestions as you type (debounced); diacritics optional ("nghi quyet 28"). In a graph, what it draws
 * comes first (`local`, found here), then the server's hits in it, then those elsewhere — which open another cascade,
 * so Enter takes one of those only once the user has moved to it.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchDirectives } from '../api/operations';
import type { SearchHit } from '../api/types';
import { formatDate, typeName, useI18n } from '../i18n';
import { errorText } from './StatusMessage';

const DEBOUNCE_MS = 250;

interface Props {
  placeholder: string;
  onChoose: (hit: SearchHit) => void;
  /** Ids present in the current graph (hits not in it are marked, listed last and never taken by Enter unasked). */
  inGraph?: Set<string>;
  /** Suggestions found among what the graph draws, listed first (no round trip). */
  local?: (query: string) => SearchHit[];
  autoFocus?: boolean;
  compact?: boolean;
}

export function SearchBox({ placeholder, onChoose, inGraph, local, autoFocus, compact }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  /** The suggestion the user moved to (arrows, pointer); null: the default one. */
  const [chosen, setChosen] = useState<number | null>(null);
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setHits(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      searchDirectives(query, 10, controller.signal).then(
        (result) => {
          setHits(result);
          setError(null);
          setChosen(null);
          setBusy(false);
        },
        (err) => {
          if ((err as Error).name === 'AbortError') return;
          setError(err);
          setHits(null);
          setBusy(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const query = text.trim();
  const localHits = useMemo(() => (local && query.length >= 2 ? local(query) : []), [local, query]);
  const items = useMemo(() => {
    if (!inGraph) return hits ?? [];
    const listed = new Set(localHits.map((h) => h.id));
    const rest = (hits ?? []).filter((h) => !listed.has(h.id));
    return [...localHits, ...rest.filter((h) => inGraph.has(h.id)), ...rest.filter((h) => !inGraph.has(h.id))];
  }, [hits, localHits, inGraph]);
  const firstElsewhere = inGraph ? items.findIndex((h) => !inGraph.has(h.id)) : -1;
  // By default the first suggestion, unless it would leave the graph (a hit elsewhere opens another cascade).
  const active = chosen !== null ? Math.min(chosen, items.length - 1) : items.length && firstElsewhere !== 0 ? 0 : -1;

  const choose = (hit: SearchHit) => {
    setOpen(false);
    onChoose(hit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') setOpen(false);
    if (!items.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setChosen(Math.min(items.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setChosen(Math.max(0, active - 1));
    } else if (e.key === 'Enter') {
      const hit = items[active];
      if (hit) choose(hit);
      else setOpen(true);
    }
  };

  const showList = open && query.length >= 2;
  return (
    <div className={`search${compact ? ' search-compact' : ''}`} ref={boxRef}>
      <input
        type="search"
        role="combobox"
        aria-label={t('searchLabel')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" data-testid="suggestions">
          {items.map((hit, i) => {
            const elsewhere = inGraph && !inGraph.has(hit.id);
            const code = hit.kind === 'DIRECTIVE' ? hit.code : null;
            // A directive without a printed code is named by its type, which is then not repeated after it.
            const name = hit.kind === 'ORGANIZATION' ? hit.label : (code ?? typeName(lang, hit.type, hit.label));
            const meta = [
              hit.kind === 'ORGANIZATION' ? t('organization') : code ? typeName(lang, hit.type) : null,
              hit.province,
              formatDate(lang, hit.issuedOn),
              elsewhere ? t(hit.kind === 'DIRECTIVE' ? 'otherCascade' : 'notInGraph') : null,
            ].filter(Boolean);
            return (
              <Fragment key={hit.id}>
                {local && i === firstElsewhere && (
                  <li className="suggestion-group" role="presentation" data-testid="suggestions-elsewhere">
                    {t('hitsElsewhere')}
                  </li>
                )}
                <li
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`suggestion${i === active ? ' active' : ''}${elsewhere ? ' elsewhere' : ''}`}
                  onMouseEnter={() => setChosen(i)}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(hit);
                  }}
                  data-testid="suggestion"
                  data-code={hit.code ?? ''}
                  data-kind={hit.kind}
                  data-id={hit.id}
                  data-in-graph={inGraph ? String(!elsewhere) : undefined}
                >
                  <span className="suggestion-head">
                    <strong>{name}</strong>
                    {meta.length > 0 && <span className="muted">{meta.join(' · ')}</span>}
                  </span>
                  {(hit.title || hit.snippet) && <span className="suggestion-snippet">{hit.title ?? hit.snippet}</span>}
                </li>
              </Fragment>
            );
          })}
          {busy && !hits && <li className="suggestion-note">{t('searching')}</li>}
          {error != null && <li className="suggestion-note error">{errorText(error, t)}</li>}
          {hits?.length === 0 && items.length === 0 && <li className="suggestion-note">{t('noResults')}</li>}
        </ul>
      )}
    </div>
  );
}
