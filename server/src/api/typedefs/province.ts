export const provinceTypeDefs = `
"A province or centrally governed city, on the map before and/or after the 2025 reform (Nghị quyết 202/2025/QH15: 63 → 34)."
type Province {
  "As stored on texts and organisations: Bình Thuận, Hồ Chí Minh"
  name: String!
  slug: String!
  "province or city"
  kind: String!
  "On the map of 63 before 1 July 2025."
  oldMap: Boolean!
  "On the map of 34 from 1 July 2025."
  newMap: Boolean!
  "A province of the old map only: the province of the new map that took it over (Bình Thuận → Lâm Đồng)."
  mergedInto: String
  "A province of the new map: the provinces of the old map it took over (Lâm Đồng: Bình Thuận, Đắk Nông)."
  tookOver: [String!]!
}

type Query {
  """
  The provinces of both maps. The provinces arguments of cascade and gapPage take their names in any spelling, and a
  province of the new map there stands for the provinces it took over too.
  """
  provinces(newMapOnly: Boolean = false): [Province!]!
}
`;
