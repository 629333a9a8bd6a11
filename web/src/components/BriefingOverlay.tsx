/** Briefing mode chrome: the caption of the current step, step counter and controls. */
import { formatCount, useI18n } from '../i18n';

interface Props {
  caption: string;
  step: number;
  count: number;
  nodeCount: number;
  onStep: (step: number) => void;
  onExit: () => void;
  onExportPng: () => void;
  onExportSvg: () => void;
  onExportDeck: () => void;
  /** "Xuất PPTX", or the step being drawn while the slides are made. */
  deckLabel: string;
  deckBusy: boolean;
}

export function BriefingOverlay({ caption, step, count, nodeCount, onStep, onExit, onExportPng, onExportSvg, onExportDeck, deckLabel, deckBusy }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="briefing-bar" data-testid="briefing">
      <div className="briefing-caption" data-testid="briefing-caption" aria-live="polite" key={step}>
        {caption}
      </div>
      <div className="briefing-controls">
        <button type="button" onClick={() => onStep(step - 1)} disabled={step <= 0} aria-label="←">
          ←
        </button>
        <span className="briefing-step" data-testid="briefing-step">
          {t('stepOf', { i: step + 1, n: count })} · {t('nodes', { n: formatCount(lang, nodeCount) })}
        </span>
        <button type="button" onClick={() => onStep(step + 1)} disabled={step >= count - 1} aria-label="→">
          →
        </button>
        <span className="briefing-help muted">{t('briefingHelp')}</span>
        <button type="button" onClick={onExportPng} data-testid="briefing-png">
          {t('exportPng')}
        </button>
        <button type="button" onClick={onExportSvg} data-testid="briefing-svg">
          {t('exportSvg')}
        </button>
        <button type="button" onClick={onExportDeck} data-testid="briefing-deck" disabled={deckBusy} aria-busy={deckBusy} title={t('exportDeckHint')}>
          {deckLabel}
        </button>
        <button type="button" onClick={onExit} data-testid="briefing-exit">
          {t('exitBriefing')}
        </button>
      </div>
    </div>
  );
}
