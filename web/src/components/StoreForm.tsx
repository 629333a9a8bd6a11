/**
 * Storing a previewed file in the graph: an editor's token (`npm run token -- --role editor`), kept for the tab's
 * session only, and the file sent again as it was read.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ingestFile } from '../api/operations';
import type { StoredFile } from '../api/types';
import { useI18n } from '../i18n';
import { errorText } from './StatusMessage';

const TOKEN_KEY = 'directive-graph.editor-token';

function savedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function StoreForm({ fileName, contentBase64, onStored }: { fileName: string; contentBase64: string; onStored: (s: StoredFile) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState(savedToken);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return setError(t('storeNoToken'));
    setBusy(true);
    setError(null);
    ingestFile(fileName, contentBase64, token).then(
      (stored) => {
        try {
          sessionStorage.setItem(TOKEN_KEY, token.trim());
        } catch {
          // a browser without storage: the token is asked for again next time
        }
        setBusy(false);
        onStored(stored);
      },
      (err: unknown) => {
        setBusy(false);
        const code = err instanceof ApiError ? err.code : null;
        setError(code === 'UNAUTHENTICATED' ? t('storeUnauthenticated', { message: (err as Error).message }) : code === 'FORBIDDEN' ? t('storeForbidden') : errorText(err, t));
      },
    );
  };

  return (
    <form className="store-form" onSubmit={submit} data-testid="store-form">
      <h3>{t('storeTitle')}</h3>
      <label>
        {t('storeToken')}
        <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="store-token" />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="store-submit">
        {busy ? t('storeBusy') : t('storeSubmit')}
      </button>
      {error && (
        <div className="status status-error" role="alert" data-testid="store-error">
          <span aria-hidden="true">⚠</span> {error}
        </div>
      )}
      <p className="muted">{t('readStore', { file: fileName })}</p>
    </form>
  );
}
