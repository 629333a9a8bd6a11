/** Copy text to the clipboard (falls back to a hidden textarea where the Clipboard API is unavailable). */
import { useState } from 'react';
import { useI18n } from '../i18n';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="copy-button"
      data-testid="copy-query"
      data-copy={text}
      onClick={() => {
        void copyText(text).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        });
      }}
    >
      {done ? `✓ ${t('copied')}` : (label ?? t('copyQuery'))}
    </button>
  );
}
