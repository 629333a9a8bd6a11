/** Word lists for synthetic names (people, communes, districts). Plain data. */
import { findProvince } from '../extract/provinces.js';
import type { Rng } from './prng.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Quốc', 'Đức', 'Ngọc', 'Xuân', 'Công'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quang', 'Sơn', 'Tâm', 'Thành', 'Trung', 'Tuấn', 'Việt', 'Hiền'];

const PLACE_A = ['Tân', 'Phú', 'Hòa', 'Bình', 'Thạnh', 'Mỹ', 'Đông', 'Tây', 'Hưng', 'Thuận', 'Phước', 'Vĩnh', 'Hàm', 'Xuân', 'Đức', 'Nghĩa', 'Trung', 'Cẩm', 'Kim', 'Hồng', 'Quế', 'Diên', 'Triệu', 'Ea'];
const PLACE_B = ['Lợi', 'Hiệp', 'Thắng', 'Lộc', 'Điền', 'Sơn', 'Thủy', 'Lâm', 'Hải', 'Phong', 'Tiến', 'Mỹ', 'Khánh', 'Hậu', 'Thịnh', 'Hội', 'Trạch', 'Chánh', 'Quới', 'Tường', 'Kiệm', 'Nhơn', 'Cường', 'Hanh', 'Xương'];

export function personName(rng: Rng): string {
  return `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
}

/** All two-syllable place names that cannot be read as a province name. */
const PLACES: string[] = (() => {
  const out: string[] = [];
  for (const a of PLACE_A) {
    for (const b of PLACE_B) {
      const name = `${a} ${b}`;
      if (a === b || findProvince(name) || findProvince(a) || findProvince(b)) continue;
      out.push(name);
    }
  }
  return out;
})();

/** n distinct place names (n ≤ PLACES.length; beyond that a numeral suffix keeps them distinct). */
export function placeNames(rng: Rng, n: number): string[] {
  const names = rng.shuffle(PLACES);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const round = Math.floor(i / names.length);
    const base = names[i % names.length]!;
    out.push(round === 0 ? base : `${base} ${['Nhất', 'Nhì', 'Ba', 'Tư', 'Năm'][Math.min(4, round - 1)]}`);
  }
  return out;
}
