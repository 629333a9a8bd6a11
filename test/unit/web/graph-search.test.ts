/** The in-graph search: what the graph draws, found with or without diacritics, best match first. */
import { describe, expect, it } from 'vitest';
import type { GNode } from '../../../web/src/graph/model.js';
import { foldText, nodeHit, searchNodes } from '../../../web/src/graph/search.js';

const node = (id: string, kind: GNode['kind'], label: string, extra: Partial<GNode> = {}): GNode => ({
  id, kind, label, code: null, type: null, typeName: null, level: 'provincial', levelRank: 2, province: 'Bình Thuận', issuedOn: null,
  stub: false, depth: 1, lagDays: null, isRoot: false, gen: 1, rank: 2, ...extra,
});

const drawn = [
  node('root', 'DIRECTIVE', '58-CTr/TU · Bình Thuận', { code: '58-CTr/TU', type: 'CTr', typeName: 'Chương trình hành động', isRoot: true, gen: 0 }),
  node('hd', 'DIRECTIVE', 'Hướng dẫn · Bình Thuận', { type: 'HD', typeName: 'Hướng dẫn' }),
  node('bdv', 'ORGANIZATION', 'Ban Dân vận Tỉnh ủy (Bình Thuận)'),
  node('vp', 'ORGANIZATION', 'Văn phòng Tỉnh ủy (Bình Thuận)'),
  node('cs', 'ORGANIZATION', 'Ban Cán sự đảng Ủy ban nhân dân tỉnh (Bình Thuận)'),
  node('tdv', 'ORGANIZATION', 'các đảng đoàn, ban cán sự đảng, Ban Dân vận (Bình Thuận)'),
];

describe('searchNodes', () => {
  it('folds diacritics and đ', () => {
    expect(foldText('Ban Dân vận Tỉnh ủy Đắk Lắk')).toBe('ban dan van tinh uy dak lak');
  });

  it('finds a drawn organisation with or without diacritics, the name starting with the query first', () => {
    for (const q of ['Ban Dân vận', 'ban dan van', 'BAN DAN VAN']) {
      expect(searchNodes(drawn, q).map((n) => n.id), q).toEqual(['bdv', 'tdv']);
    }
  });

  it('wants every word to start a word of the node', () => {
    expect(searchNodes(drawn, 'van phong').map((n) => n.id)).toEqual(['vp']);
    expect(searchNodes(drawn, 'an dan')).toEqual([]);
  });

  it('finds directives by code, part of a code, type name and province', () => {
    expect(searchNodes(drawn, '58-CTr/TU').map((n) => n.id)).toEqual(['root']);
    expect(searchNodes(drawn, '58-ctr').map((n) => n.id)).toEqual(['root']);
    expect(searchNodes(drawn, 'huong dan binh thuan').map((n) => n.id)).toEqual(['hd']);
    expect(searchNodes(drawn, 'binh thuan', 3)).toHaveLength(3);
  });

  it('gives a node the shape of a search hit', () => {
    expect(nodeHit(drawn[2]!)).toMatchObject({ id: 'bdv', kind: 'ORGANIZATION', label: 'Ban Dân vận Tỉnh ủy (Bình Thuận)', code: null, province: 'Bình Thuận' });
  });
});
