/**
 * "Xuất PPTX": the briefing as slides. Every step of the view as it is filtered is drawn one after the other off
 * screen (graph/export.ts), the tasks by deadline and the lag table are asked for, and the deck is planned
 * (graph/deck.ts), written (graph/deck-pptx.ts, loaded on the first click) and downloaded.
 */
import type cytoscape from 'cytoscape';
import { useState, type RefObject } from 'react';
import { fetchLag, fetchTaskSchedule } from '../api/operations';
import type { RootRef } from '../api/types';
import type { BriefingStep } from '../graph/briefing';
import { deckPlan } from '../graph/deck';
import type { DeckPicture } from '../graph/deck-pptx';
import { base64Of, downloadBlob, exportName, pictureOf } from '../graph/export';
import type { GraphModel } from '../graph/model';
import { localDay, useI18n } from '../i18n';
import { errorText } from './StatusMessage';

export interface DeckSource {
  cyRef: RefObject<cytoscape.Core | null>;
  model: GraphModel | null;
  /** The steps to make slides of (the briefing's own, or those the view would have). */
  steps: () => BriefingStep[];
  /** What a step shows: its nodes as the filters leave them (and the timeline's axis). */
  shownAt: (step: BriefingStep) => Set<string>;
  rootRef: RootRef;
  code: string | null;
  /** The provinces the view is narrowed to (as the address has them), whether a province is among them, their names. */
  provinces: string[];
  inProvince: (province: string) => boolean;
  provinceLabel: (province: string) => string;
  onNotice: (message: string) => void;
}

export function useDeckExport(source: DeckSource): { make: () => Promise<void>; busy: boolean; label: string } {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<{ i: number; n: number } | null>(null);
  const make = async () => {
    const cy = source.cyRef.current;
    const model = source.model;
    if (!cy || !model || step) return;
    const steps = source.steps();
    try {
      const pictures: DeckPicture[] = [];
      for (const [i, s] of steps.entries()) {
        setStep({ i: i + 1, n: steps.length });
        const p = await pictureOf(cy, source.shownAt(s));
        pictures.push({ base64: await base64Of(p.blob), width: p.width, height: p.height, scale: p.scale });
      }
      // The tables after the steps: the tasks by deadline and the days each level took, of the view's provinces. A
      // table that cannot be had leaves the slides without it, and says so.
      const [schedule, lag] = await Promise.allSettled([fetchTaskSchedule(source.rootRef, source.provinces), fetchLag(source.rootRef)]);
      const missing: Array<[string, unknown]> = [];
      if (schedule.status === 'rejected') missing.push([t('dueTitle'), schedule.reason]);
      if (lag.status === 'rejected') missing.push([t('lagTitle'), lag.reason]);
      const plan = deckPlan({
        model,
        steps,
        t,
        lang,
        today: localDay(),
        schedule: schedule.status === 'fulfilled' ? schedule.value : null,
        lag: lag.status === 'fulfilled' ? lag.value.filter((r) => !source.provinces.length || (r.province !== null && source.inProvince(r.province))) : null,
        provinces: source.provinces.map(source.provinceLabel),
      });
      const { writeDeck } = await import('../graph/deck-pptx');
      const bytes = await writeDeck(plan, pictures);
      downloadBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' }), exportName(source.code, 'pptx'));
      if (missing.length) source.onNotice(missing.map(([what, err]) => t('deckMissing', { what, message: errorText(err, t) })).join(' '));
    } catch (err) {
      source.onNotice(t('deckFailed', { message: (err as Error).message }));
    } finally {
      setStep(null);
    }
  };
  return { make, busy: step !== null, label: step ? t('deckMaking', { i: step.i, n: step.n }) : t('exportDeck') };
}
