/**
 * A root that is not in the graph. Asked with a date or province that matched nothing, the message says so and
 * links the texts of that code the graph holds (the server names them), or the code without that date or province.
 */
import { ApiError } from '../api/client';
import { heldVariants } from '../api/not-found';
import type { RootRef } from '../api/types';
import { formatDate, useI18n } from '../i18n';
import { EmptyMessage } from './StatusMessage';

interface Props {
  asked: RootRef;
  error: unknown;
  onOpen: (ref: RootRef) => void;
}

export function NotFoundMessage({ asked, error, onOpen }: Props) {
  const { t, lang } = useI18n();
  if (!asked.issuedOn && !asked.province) return <EmptyMessage text={t('emptyCascade', { code: asked.code })} />;
  const held = error instanceof ApiError ? heldVariants(error.message) : [];
  // One text of that code: the code alone opens it. Several: each by its own date and province.
  const offers: RootRef[] = held.length > 1 ? held : [{ code: asked.code, issuedOn: held[0]?.issuedOn, province: held[0]?.province }];
  const filter = `${asked.issuedOn ? t('notFoundIssued', { date: formatDate(lang, asked.issuedOn) }) : ''}${asked.province ? t('notFoundIn', { province: asked.province }) : ''}`;
  const label = (ref: RootRef) => {
    const what = [ref.issuedOn ? formatDate(lang, ref.issuedOn) : held.length ? t('undated') : null, ref.province].filter(Boolean).join(', ');
    return what ? t('notFoundOpen', { code: ref.code, what }) : t('notFoundOpenCode', { code: ref.code });
  };
  const href = (ref: RootRef) => {
    const p = new URLSearchParams({ code: ref.code });
    if (held.length > 1 && ref.issuedOn) p.set('issuedOn', ref.issuedOn);
    if (held.length > 1 && ref.province) p.set('province', ref.province);
    if (lang !== 'vi') p.set('lang', lang);
    return `?${p}`;
  };
  return (
    <div className="status status-empty" role="status" data-testid="empty">
      {t('notFoundVariant', { code: asked.code, filter })}{' '}
      {held.length > 0 && `${t('notFoundHeld')} `}
      {offers.map((ref, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <a
            href={href(ref)}
            data-testid="open-variant"
            onClick={(e) => {
              e.preventDefault();
              onOpen(held.length > 1 ? ref : { code: ref.code });
            }}
          >
            {label(ref)}
          </a>
        </span>
      ))}
    </div>
  );
}
