/** The web app's messages: parameters, and English nouns that agree with their count ("1 province", "2 provinces"). */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../../web/src/i18n/dictionary.js';
import { translator } from '../../../web/src/i18n/translate.js';

describe('translator', () => {
  const en = translator('en');
  const vi = translator('vi');

  it('agrees English nouns with their count, numbers or formatted strings', () => {
    expect(en('captionLayerAllPlans', { level: 'Commune', docs: 107, provinces: 1 })).toBe('Commune: 107 implementing documents, 1 province');
    expect(en('captionLayerAllPlans', { level: 'Commune', docs: 1, provinces: 3 })).toBe('Commune: 1 implementing document, 3 provinces');
    expect(en('captionLayer', { level: 'Provincial', docs: 5, plans: 1, provinces: 2 })).toBe('Provincial: 5 documents (1 implementing one), 2 provinces');
    expect(en('captionLag', { n: 1 })).toBe('median lag 1 day');
    expect(en('captionLag', { n: 0 })).toBe('median lag 0 days');
    expect(en('captionFolded', { n: '1' })).toBe('+1 lower-level document');
    expect(en('captionFolded', { n: '3,321' })).toBe('+3,321 lower-level documents');
    expect(en('folded', { n: 1 })).toMatch(/^1 assignment to organizations is folded/);
    expect(en('folded', { n: 955 })).toMatch(/^955 assignments to organizations are folded/);
  });

  it('leaves no plural form and no parameter unfilled in any message given its parameters', () => {
    const params = { n: 2, docs: 2, plans: 2, provinces: 2, level: 'L', code: 'C', title: 'T', i: 1, rest: 1, levels: 'x', endpoint: 'e', message: 'm', who: 'w', step: 3, where: 'p', loaded: 200, total: 3, province: 'p', others: 'o', filter: '', date: 'd', what: 'w', name: 'f.docx', max: '1.4 MB', file: 'f.docx', nodes: 2, relationships: 3, done: 1, year: 2023, tasks: 7, answered: 1, codes: 'C' };
    for (const lang of ['en', 'vi'] as const) {
      for (const key of Object.keys(DICTIONARIES[lang]) as (keyof (typeof DICTIONARIES)['en'])[]) {
        expect(translator(lang)(key, params), `${lang}.${key}`).not.toMatch(/\{\w+(:[^}]*)?\}/);
      }
    }
  });

  it('says whose assignments an organisations\' step shows', () => {
    expect(en('captionOrgsBy', { level: 'Provincial', n: 38, who: en('assignersStep', { who: en('assignersMany', { n: 12, level: 'provincial' }), step: 3 }) })).toBe(
      'Provincial: 38 organizations assigned tasks by 12 provincial documents (step 3)',
    );
    expect(vi('captionOrgsBy', { level: 'Cấp tỉnh', n: 26, who: '58-CTr/TU' })).toBe('Cấp tỉnh: 26 cơ quan được giao nhiệm vụ bởi 58-CTr/TU');
  });

  it("counts an organisation's texts and tasks in agreement", () => {
    expect(en('orgSummary', { docs: 1, tasks: 1, answered: 0 })).toBe('1 text gives it 1 task; it answered 0 of 1 with a text of its own.');
    expect(en('orgSummary', { docs: 3, tasks: 12, answered: 2 })).toBe('3 texts give it 12 tasks; it answered 2 of 3 with a text of its own.');
    expect(vi('orgSummary', { docs: 3, tasks: 12, answered: 2 })).toBe('3 văn bản giao 12 nhiệm vụ; cơ quan đã có văn bản triển khai 2/3 văn bản.');
  });

  it('keeps Vietnamese as written (no plural forms there)', () => {
    expect(vi('captionLayerAllPlans', { level: 'Cấp xã', docs: 1, provinces: 1 })).toBe('Cấp xã: 1 văn bản triển khai, 1 tỉnh/thành');
  });
});
