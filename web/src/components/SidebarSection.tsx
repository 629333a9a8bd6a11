/** A sidebar section filled by a request: its title, the loading / error / nothing-found states, then its content. */
import type { ReactNode } from 'react';
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
  children: ReactNode;
}

export function SidebarSection({ className, testId, title, loading, error, retry, empty, children }: Props) {
  return (
    <section className={className} data-testid={testId}>
      <h3>{title}</h3>
      {loading && <Loading />}
      {error != null && <ErrorMessage error={error} onRetry={retry} />}
      {empty && <p className="muted">{empty}</p>}
      {children}
    </section>
  );
}
