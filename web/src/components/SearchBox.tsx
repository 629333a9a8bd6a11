/** Search with suggestions as you type (debounced); diacritics optional ("nghi quyet 28"). */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { searchDirectives } from '../api/operations';
import type { SearchHit } from '../api/types';
import { formatDate, typeName, useI18n } from '../i18n';
import { errorText } from './StatusMessage';

const DEBOUNCE_MS = 250;

interface Props {
  placeholder: string;
  onChoose: (hit: SearchHit) => void;
  /** Ids present in the current graph (hits not in it are marked). */
  inGraph?: Set<string>;
  autoFocus?: boolean;
  compact?: boolean;
}

export function SearchBox({ placeholder, onChoose, inGraph, autoFocus, compact }: Props) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
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
          setActive(0);
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

  const choose = (hit: SearchHit) => {
    setOpen(false);
    onChoose(hit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!hits?.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) choose(hit);
    } else if (e.key === 'Escape') setOpen(false);
  };

  const showList = open && text.trim().length >= 2;
  return (
    <div className={`search${compact ? ' search-compact' : ''}`} ref={boxRef}>
      <input
        type="search"
        role="combobox"
        aria-label={t('searchLabel')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {showList && (
        <ul className="suggestions" id={listId} role="listbox" data-testid="suggestions">
          {busy && !hits && <li className="suggestion-note">{t('searching')}</li>}
          {error != null && <li className="suggestion-note error">{errorText(error, t)}</li>}
          {hits?.length === 0 && <li className="suggestion-note">{t('noResults')}</li>}
          {hits?.map((hit, i) => {
            const missing = inGraph && !inGraph.has(hit.id);
            return (
              <li
                key={hit.id}
                role="option"
                aria-selected={i === active}
                className={`suggestion${i === active ? ' active' : ''}`}
                onMouseEnter={() => setActive(i)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit);
                }}
                data-testid="suggestion"
                data-code={hit.code ?? ''}
                data-kind={hit.kind}
              >
                <span className="suggestion-head">
                  <strong>{hit.kind === 'ORGANIZATION' ? hit.label : (hit.code ?? hit.label)}</strong>
                  <span className="muted">
                    {hit.kind === 'ORGANIZATION' ? t('organization') : typeName(lang, hit.type)}
                    {hit.province ? ` · ${hit.province}` : ''}
                    {hit.issuedOn ? ` · ${formatDate(lang, hit.issuedOn)}` : ''}
                    {missing ? ` · ${t('notInGraph')}` : ''}
                  </span>
                </span>
                {(hit.title || hit.snippet) && <span className="suggestion-snippet">{hit.title ?? hit.snippet}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
