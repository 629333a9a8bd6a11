export const organizationTypeDefs = `
"An organization: party committee, board, people's committee, department, front, mass organization…"
type Organization @node @mutation(operations: []) {
  "name + province slug (+ @unit when the name does not say which unit below the province: cap uy co so#quang-nam@khoi cac co quan tinh)"
  key: ID!
  name: String!
  province: String
  "The unit below the province when the name does not say which ('Cấp ủy cơ sở' of 'Khối các cơ quan tỉnh', 'Đoàn Thanh niên thôn 1' of 'xã Hàm Thắng'); null otherwise"
  unit: String
  level: String
  levelRank: Int
  "party, state, front, mass, press, other"
  kind: String
  "The name's place in Vietnamese alphabetical order: sort lists by it (sort: [{ sortKey: ASC }]); names sort by code point, Ủy ban … after Văn phòng …"
  sortKey: String
  assignedBy: [Directive!]! @relationship(type: "ASSIGNED_TO", direction: IN, properties: "Assignment")
  issued: [Directive!]! @relationship(type: "ISSUED_BY", direction: IN, properties: "Issuing")
}

"Administrative level, as data: central → provincial → district → commune (the 2025 reform drops district)."
type Level @node @mutation(operations: []) {
  key: ID!
  rank: Int!
  name: String!
  nameEn: String
}
`;
