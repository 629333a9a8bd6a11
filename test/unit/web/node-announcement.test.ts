/** What the graph's live region says of the node under the keyboard cursor, in both languages. */
import { describe, expect, it } from 'vitest';
import { nodeAnnouncement } from '../../../web/src/graph/announce.js';
import { nodeLabelLines } from '../../../web/src/graph/elements.js';
import type { GNode } from '../../../web/src/graph/model.js';
import { translator } from '../../../web/src/i18n/translate.js';

const node = (extra: Partial<GNode>): GNode => ({
  id: 'x', kind: 'DIRECTIVE', label: '', code: null, type: null, typeName: null, level: 'provincial', levelRank: 2, province: 'Bình Thuận', issuedOn: null,
  stub: false, depth: 1, lagDays: null, isRoot: false, gen: 1, rank: 2, ...extra,
});

describe('nodeAnnouncement', () => {
  it('says a text by its code, type, level, province and date, and its place in its layer', () => {
    const programme = node({ code: '58-CTr/TU', type: 'CTr', typeName: 'Chương trình hành động', issuedOn: '2023-02-10', label: '58-CTr/TU · Bình Thuận' });
    expect(nodeAnnouncement(programme, translator('vi'), 'vi', { index: 2, count: 5 })).toBe(
      '58-CTr/TU, Chương trình hành động, Cấp tỉnh, Bình Thuận, Ngày ban hành 10/02/2023, nút 2/5 của tầng',
    );
    expect(nodeAnnouncement(programme, translator('en'), 'en', { index: 2, count: 5 })).toBe(
      '58-CTr/TU, Action programme, Provincial, Bình Thuận, Issued on 2023-02-10, node 2 of 5 in its layer',
    );
  });

  it('says a text of a unit below the province with its unit, which tells it from the same code of another commune', () => {
    const plan = node({ code: '15-KH/ĐU', type: 'KH', typeName: 'Kế hoạch', level: 'commune', unit: 'xã Phú Lạc', issuedOn: '2023-05-10' });
    expect(nodeAnnouncement(plan, translator('vi'), 'vi')).toBe('15-KH/ĐU, Kế hoạch, Cấp xã, xã Phú Lạc, Bình Thuận, Ngày ban hành 10/05/2023');
    // The graph's label names the unit where a provincial text names its province.
    expect(nodeLabelLines(plan, translator('vi'), 'vi')).toEqual(['15-KH/ĐU', 'xã Phú Lạc', '10/05/2023']);
    expect(nodeLabelLines(node({ code: '58-CTr/TU', issuedOn: '2023-03-30' }), translator('vi'), 'vi')).toEqual(['58-CTr/TU', 'Bình Thuận', '30/03/2023']);
  });

  it('says the root as such, with its title, and a text without a code by its type', () => {
    const root = node({ code: '28-NQ/TW', type: 'NQ', level: 'central', province: null, isRoot: true, title: 'về tiếp tục đổi mới', issuedOn: '2022-11-17' });
    expect(nodeAnnouncement(root, translator('vi'), 'vi')).toBe('28-NQ/TW, Nghị quyết, về tiếp tục đổi mới, Văn bản gốc, Trung ương, Ngày ban hành 17/11/2022');
    const guidance = node({ type: 'HD', typeName: 'Hướng dẫn', label: 'Hướng dẫn · Bình Thuận', stub: true });
    expect(nodeAnnouncement(guidance, translator('en'), 'en')).toBe('Guidance, Provincial, Bình Thuận, Only mentioned (no full text)');
  });

  it('says an organisation by its name once, its level and province', () => {
    const board = node({ kind: 'ORGANIZATION', label: 'Ban Dân vận Tỉnh ủy (Bình Thuận)' });
    expect(nodeAnnouncement(board, translator('vi'), 'vi', { index: 1, count: 12 })).toBe('Cơ quan: Ban Dân vận Tỉnh ủy, Cấp tỉnh, Bình Thuận, nút 1/12 của tầng');
    expect(nodeAnnouncement(board, translator('en'), 'en')).toBe('Organization: Ban Dân vận Tỉnh ủy, Provincial, Bình Thuận');
  });

  it('says what a folded text counts', () => {
    const plan = node({ code: '12-KH/HU', type: 'KH', implementersFolded: 3, assignees: 1200 });
    expect(nodeAnnouncement(plan, translator('en'), 'en')).toBe('12-KH/HU, Plan, Provincial, Bình Thuận, +3 lower-level documents, +1,200 organizations');
  });
});
