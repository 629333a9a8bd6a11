/** Which texts of a batch are written: one per uid and per content hash, later versions in the earlier place. */
import { describe, expect, it } from 'vitest';
import type { GraphRows } from '../../../server/src/graph/rows.js';
import { lastVersions } from '../../../server/src/graph/write.js';

const doc = (uid: string, contentHash: string, v = 1) => ({ directive: { uid, contentHash, title: `${uid} v${v}` } }) as unknown as GraphRows;
const ids = (rows: GraphRows[]) => rows.map((r) => `${r.directive.uid}:${r.directive.title!.split(' ')[1]}`);

describe('lastVersions', () => {
  it('keeps distinct texts in order', () => {
    expect(ids(lastVersions([doc('a', '1'), doc('b', '2'), doc('c', '3')]))).toEqual(['a:v1', 'b:v1', 'c:v1']);
  });

  it('a later version of the same uid replaces the earlier one in its place', () => {
    expect(ids(lastVersions([doc('a', '1'), doc('b', '2'), doc('a', '9', 2)]))).toEqual(['a:v2', 'b:v1']);
  });

  it('the same text under a new identity replaces the old identity', () => {
    expect(ids(lastVersions([doc('hash:x', '1'), doc('b', '2'), doc('58-CTr/TU', '1', 2)]))).toEqual(['58-CTr/TU:v2', 'b:v1']);
  });

  it('a text matching one entry by uid and another by hash leaves one of them', () => {
    expect(ids(lastVersions([doc('a', '1'), doc('b', '2'), doc('a', '2', 2)]))).toEqual(['a:v2']);
  });
});
