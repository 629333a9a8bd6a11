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
  "The level of the texts these implement: a province's programme implementing a central resolution (central) and its departments' guidance implementing that programme (provincial) are rows of their own."
  parentLevel: String
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
  "The organization's unit below the province when its name does not say which (Organization.unit): two blocs' 'Cấp ủy cơ sở' are two gaps."
  unit: String
  key: ID!
  province: String
  level: String
  "Uids of the documents assigning it tasks."
  assignedBy: [ID!]!
  tasks: Int!
}

"""
An organization given tasks under a root by one text: the text, the organization, each task with its timing (the lines
of /export/assignments.csv).
"""
type TaskAssignment {
  "Uid of the assigning document."
  documentUid: ID!
  code: String
  typeName: String
  issuedOn: Date
  province: String
  level: String
  "The assigning document is a generated load-test text."
  synthetic: Boolean!
  organization: String!
  "The organization's key (Organization.key, as in gaps): organizations of one name in two provinces are two."
  organizationKey: ID!
  tasks: [String!]!
  "The timing of each task, in the same order (empty when the text gives none): 'nhiệm vụ thường xuyên', 'thực hiện năm 2023'."
  timings: [String!]!
  "The period of each task, in the same order, as taskSchedule names it: 'BY_YEAR:2023', 'RECURRING', 'NONE'."
  periods: [String!]!
  "The due day of each task, in the same order: the last day of the day, month, quarter or year its timing names (BY_YEAR), else null."
  dueOn: [Date]!
}

"One page of the gap list and how many gaps there are in all."
type GapPage {
  "All the gaps under the root (among the given keys, when keys were given)."
  total: Int!
  gaps: [Gap!]!
}

type Query {
  "Directive counts (stubs excluded unless includeStubs)."
  countsBy(dimension: CountDimension!, includeStubs: Boolean = false): [CountRow!]!
  "Implementation lag (days from the parent's issue date) per province and level under a root."
  implementationLag(code: String!, issuedOn: Date, province: String): [LagRow!]!
  "Organizations assigned tasks under a root that issued no implementing document found in the graph."
  gaps(code: String!, issuedOn: Date, province: String): [Gap!]!
  """
  The gap list a page at a time, in the order of gaps (level, then name), with its total: a national resolution has
  tens of thousands. first: 1–5000; keys: only these organizations (at most 5000), e.g. those a drawing shows;
  provinces: only organizations of these provinces (names as the graph holds them, at most 100), total included.
  """
  gapPage(code: String!, issuedOn: Date, province: String, first: Int = 200, offset: Int = 0, keys: [ID!], provinces: [String!]): GapPage!
  """
  Every organization given tasks by the root or a text implementing it, with the tasks: by assigning text (level,
  province, issue date, code), then organization in Vietnamese alphabetical order.
  """
  taskAssignments(code: String!, issuedOn: Date, province: String): [TaskAssignment!]!
}
`;
