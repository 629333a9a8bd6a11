/** A notice in the strip above the graph: what the view leaves out, or what went wrong; each can be closed. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  /** `status` for what the view says about itself, `alert` for an error or an answer to the user's action. */
  role?: 'status' | 'alert';
  testId?: string;
  onClose: () => void;
  children: ReactNode;
}

export function Notice({ role = 'status', testId, onClose, children }: Props) {
  const { t } = useI18n();
  return (
    <div className={`notice notice-${role}`} role={role} data-testid={testId}>
      <span className="notice-text">{children}</span>
      <button type="button" className="notice-close" aria-label={t('closeNotice')} title={t('closeNotice')} onClick={onClose} data-testid="notice-close">
        ×
      </button>
    </div>
  );
}
