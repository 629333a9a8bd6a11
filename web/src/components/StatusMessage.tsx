/** Loading, error (server down / server error) and empty states, shown the same way everywhere. */
import { ApiError, absoluteEndpoint } from '../api/client';
import { useI18n, type Translate } from '../i18n';

export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError && err.kind === 'network') return t('errorNetwork', { endpoint: absoluteEndpoint() });
  if (err instanceof TypeError) return t('errorNetwork', { endpoint: absoluteEndpoint() });
  return t('errorServer', { message: err instanceof Error ? err.message : String(err) });
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="status status-error" role="alert" data-testid="error">
      <span aria-hidden="true">⚠</span> {errorText(error, t)}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyMessage({ text }: { text: string }) {
  return (
    <div className="status status-empty" role="status" data-testid="empty">
      {text}
    </div>
  );
}
