/** The texts of a code the server names when a date or province matched nothing. */
import { describe, expect, it } from 'vitest';
import { heldVariants } from '../../../web/src/api/not-found.js';

describe('heldVariants', () => {
  it('reads the texts the server holds', () => {
    expect(heldVariants('no directive 28-NQ/TW issued 2099-01-01 in the graph; it holds 28-NQ/TW issued 2022-11-17')).toEqual([{ code: '28-NQ/TW', issuedOn: '2022-11-17', province: null }]);
    expect(heldVariants('no directive 58-CTr/TU in Hà Nội in the graph; it holds 58-CTr/TU issued 2023-03-30 in Bình Thuận, 58-CTr/TU undated in Sóc Trăng, 58-CTr/TU undated and more')).toEqual([
      { code: '58-CTr/TU', issuedOn: '2023-03-30', province: 'Bình Thuận' },
      { code: '58-CTr/TU', issuedOn: null, province: 'Sóc Trăng' },
      { code: '58-CTr/TU', issuedOn: null, province: null },
    ]);
  });

  it('names none when the message lists none', () => {
    expect(heldVariants('no directive 999-NQ/TW in the graph')).toEqual([]);
    expect(heldVariants('')).toEqual([]);
  });
});
