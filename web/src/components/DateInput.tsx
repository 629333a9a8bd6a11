/**
 * A date typed in the interface language's order (dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English), as every date of
 * the app is shown: a native date input follows the browser's locale instead (mm/dd/yyyy in an English browser).
 * Its value is ISO; a complete date is taken as it is typed, anything else is flagged until it is one.
 */
import { useEffect, useState } from 'react';
import { formatDate, parseDate, useI18n } from '../i18n';

interface Props {
  value: string | null;
  onChange: (iso: string | null) => void;
  testId?: string;
}

export function DateInput({ value, onChange, testId }: Props) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(() => formatDate(lang, value));
  // The value changed from outside (a link, "reset filters", the language): show it, unless it is what is typed.
  useEffect(() => {
    setDraft((d) => (parseDate(lang, d) === (value ?? null) ? d : formatDate(lang, value)));
  }, [value, lang]);
  const parsed = parseDate(lang, draft);
  const invalid = parsed === undefined;
  return (
    <input
      type="text"
      inputMode="numeric"
      size={10}
      lang={lang}
      placeholder={t('datePlaceholder')}
      title={invalid ? t('dateInvalid') : t('dateFormatHint')}
      aria-invalid={invalid || undefined}
      className={invalid ? 'invalid' : undefined}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        const iso = parseDate(lang, e.target.value);
        if (iso !== undefined && iso !== (value ?? null)) onChange(iso);
      }}
      onBlur={() => {
        if (!invalid) setDraft(formatDate(lang, parsed));
      }}
      data-testid={testId}
    />
  );
}
