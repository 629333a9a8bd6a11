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

"A level and how many of a province's texts are of it."
type LevelCount {
  level: String
  texts: Int!
}

"A province's earliest text implementing a central directive directly."
type FirstAnswer {
  uid: String!
  code: String
  issuedOn: Date
  "Days after the central text; null when either is undated."
  lagDays: Int
  "Only mentioned by other texts (no full text in the graph)."
  stub: Boolean!
}

"A central directive the province's texts implement, and the province's part in it."
type ProvinceDirective {
  uid: String!
  code: String
  title: String
  issuedOn: Date
  "Only mentioned by the province's texts (no full text in the graph)."
  stub: Boolean!
  "A generated load-test text (npm run generate), never a real one."
  synthetic: Boolean!
  "The province's texts implementing it, directly or down a chain of texts (a commune's plan under the district's under the province's programme)."
  texts: Int!
  "Those texts per level, top to bottom."
  levels: [LevelCount!]!
  "The province's first direct answer, with the days it took; null when none implements it directly."
  first: FirstAnswer
  "Organisations of the province the texts give tasks to, and the tasks."
  organizations: Int!
  tasks: Int!
}

type Query {
  """
  A province's part in the central directives: each central text its texts implement (directly or down a chain), latest
  first, with how many of its texts and of which levels, its first direct answer and the days it took, and its
  organisations given tasks. \`province\` in any spelling ("binh thuan"); a province of the 2025 map covers those it took
  over (Lâm Đồng: Bình Thuận's and Đắk Nông's texts too). An unknown name is refused (BAD_USER_INPUT).
  """
  provinceOverview(province: String!): [ProvinceDirective!]!
  """
  The provinces of both maps. The provinces arguments of cascade and gapPage take their names in any spelling, and a
  province of the new map there stands for the provinces it took over too.
  """
  provinces(newMapOnly: Boolean = false): [Province!]!
}
`;
