/** Briefing captions: steps of organisations of one level say whose assignments they show. */
import { describe, expect, it } from 'vitest';
import type { CascadeEdge, CascadeNode } from '../../../web/src/api/types.js';
import { briefingSteps } from '../../../web/src/graph/briefing.js';
import { modelFromCascade } from '../../../web/src/graph/model.js';
import { translator } from '../../../web/src/i18n/translate.js';

const doc = (id: string, depth = 1): CascadeNode => ({
  id, kind: 'DIRECTIVE', label: id, code: id, type: 'KH', typeName: null, level: 'provincial', levelRank: 2, province: 'Bình Thuận', issuedOn: null,
  stub: false, depth, lagDays: null,
});
const org = (id: string): CascadeNode => ({ ...doc(id), kind: 'ORGANIZATION', code: null, type: null });
const edge = (source: string, target: string, kind: CascadeEdge['kind']): CascadeEdge => ({ id: `${source}>${target}`, source, target, kind, inferred: false, lagDays: null });

describe('briefing captions of organisations', () => {
  // A provincial programme assigning tasks to two organisations; two provincial plans carrying it out, assigning
  // tasks to two more.
  const root = doc('58-CTr/TU', 0);
  const model = modelFromCascade({
    truncated: false,
    root,
    nodes: [root, doc('p1'), doc('p2'), org('o1'), org('o2'), org('o3'), org('o4')],
    edges: [
      edge('p1', '58-CTr/TU', 'IMPLEMENTS'), edge('p2', '58-CTr/TU', 'IMPLEMENTS'),
      edge('58-CTr/TU', 'o1', 'ASSIGNED_TO'), edge('58-CTr/TU', 'o2', 'ASSIGNED_TO'),
      edge('p1', 'o3', 'ASSIGNED_TO'), edge('p2', 'o4', 'ASSIGNED_TO'),
    ],
  })!;
  const all = new Set(model.nodes.keys());

  it('say whose assignments they show, so two steps of one level read apart', () => {
    const captions = briefingSteps(model, all, translator('vi'), 'vi').map((s) => s.caption);
    const orgs = captions.filter((c) => c.includes('cơ quan'));
    expect(orgs).toEqual(['Cấp tỉnh: 2 cơ quan được giao nhiệm vụ bởi 58-CTr/TU', 'Cấp tỉnh: 2 cơ quan được giao nhiệm vụ bởi 2 văn bản cấp tỉnh (bước 2)']);
    expect(new Set(captions).size).toBe(captions.length);
  });

  it('in English too', () => {
    const captions = briefingSteps(model, all, translator('en'), 'en').map((s) => s.caption).filter((c) => c.includes('organization'));
    expect(captions).toEqual(['Provincial: 2 organizations assigned tasks by 58-CTr/TU', 'Provincial: 2 organizations assigned tasks by 2 provincial documents (step 2)']);
  });
});
