/** A sidebar section filled by a request: its title, the loading / error / nothing-found states, then its content. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from './StatusMessage';

interface Props {
  className: string;
  testId: string;
  title: string;
  loading: boolean;
  error: unknown;
  retry: () => void;
  /** Shown when the answer came and holds nothing. */
  empty: string | null;
  /** The whole table as a CSV file (a link under the title). */
  csvUrl?: string;
  children: ReactNode;
}

export function SidebarSection({ className, testId, title, loading, error, retry, empty, csvUrl, children }: Props) {
  const { t } = useI18n();
  return (
    <section className={className} data-testid={testId}>
      <h3>{title}</h3>
      {csvUrl && (
        <p className="small">
          <a href={csvUrl} download title={t('downloadCsvHint')} data-testid={`${testId}-csv`}>
            {t('downloadCsv')}
          </a>
        </p>
      )}
      {loading && <Loading />}
      {error != null && <ErrorMessage error={error} onRetry={retry} />}
      {empty && <p className="muted">{empty}</p>}
      {children}
    </section>
  );
}
