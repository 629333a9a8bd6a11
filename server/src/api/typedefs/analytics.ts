export const analyticsTypeDefs = `
enum CountDimension {
  TYPE
  PROVINCE
  LEVEL
}

type CountRow {
  key: String
  count: Int!
}

type LagRow {
  province: String
  level: String
  documents: Int!
  "How many of them have a lag (an issue date on both ends); min/median/max are over these."
  dated: Int!
  minDays: Int
  medianDays: Float
  maxDays: Int
}

"An organization assigned tasks under a root with no implementing document of its own."
type Gap {
  organization: String!
  key: ID!
  province: String
  level: String
  "Uids of the documents assigning it tasks."
  assignedBy: [ID!]!
  tasks: Int!
}

type Query {
  "Directive counts (stubs excluded unless includeStubs)."
  countsBy(dimension: CountDimension!, includeStubs: Boolean = false): [CountRow!]!
  "Implementation lag (days from the parent's issue date) per province and level under a root."
  implementationLag(code: String!, issuedOn: Date, province: String): [LagRow!]!
  "Organizations assigned tasks under a root that issued no implementing document found in the graph."
  gaps(code: String!, issuedOn: Date, province: String): [Gap!]!
}
`;
