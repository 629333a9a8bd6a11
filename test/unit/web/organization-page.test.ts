/** An organisation's page in the address: ?org=<key>, under a cascade and the read page, over a province's page. */
import { describe, expect, it } from 'vitest';
import { parseView, serializeView } from '../../../web/src/state/url.js';

describe("an organisation's page in the address", () => {
  const key = 'ban tuyen giao tinh uy#binh-thuan';
  it('is ?org=<key>, its # and spaces kept through the address', () => {
    const start = parseView('');
    const search = serializeView({ ...start, org: key });
    expect(search).toBe('?org=ban+tuyen+giao+tinh+uy%23binh-thuan');
    expect(parseView(search)).toMatchObject({ org: key, code: null, read: false, province: null });
    expect(serializeView({ ...start, org: key, lang: 'en' })).toBe('?org=ban+tuyen+giao+tinh+uy%23binh-thuan&lang=en');
  });

  it('gives way to a cascade and to the read page, and wins over a province', () => {
    expect(parseView(`?code=28-NQ/TW&org=${encodeURIComponent(key)}`).org).toBeNull();
    expect(parseView(`?read=1&org=${encodeURIComponent(key)}`).org).toBeNull();
    const start = parseView('');
    expect(serializeView({ ...start, org: key, province: 'Bình Thuận' })).toBe('?org=ban+tuyen+giao+tinh+uy%23binh-thuan');
    expect(serializeView({ ...start, org: key, code: '28-NQ/TW' })).toBe('?code=28-NQ%2FTW');
    // Blank or absurdly long: no organisation (a key is at most 400 characters).
    expect(parseView('?org=%20').org).toBeNull();
    expect(parseView(`?org=${'x'.repeat(500)}`).org).toHaveLength(400);
  });
});
