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

"A text an organisation issued."
type OrganizationText {
  uid: String!
  code: String
  title: String
  "The type's key ('KH') and its Vietnamese name ('Kế hoạch')."
  type: String
  typeName: String
  issuedOn: Date
  level: String
  stub: Boolean!
  "A generated load-test text (npm run generate), never a real one."
  synthetic: Boolean!
  "The codes of the texts it implements directly (a text without a code by its uid)."
  implements: [String!]!
}

"A task given to an organisation, with its period."
type OrganizationTask {
  text: String!
  "The timing annotation as written ('thực hiện năm 2023'); null when the text gives none."
  timing: String
  "The period's key, as taskSchedule names it: 'BY_YEAR:2023', 'FROM_YEAR:2024', 'RECURRING', 'CONDITIONAL', 'NONE'."
  period: String!
  "On asOf; null for CONDITIONAL and NONE."
  status: TaskPeriodStatus
  "It waits for something ('sau khi có văn bản chỉ đạo …') though it may name a year."
  conditional: Boolean!
  "BY_YEAR: the period's last day, as precisely as the text names it."
  dueOn: Date
}

"A text that gives an organisation tasks, those tasks, and the organisation's answer."
type OrganizationAssignment {
  uid: String!
  code: String
  title: String
  type: String
  typeName: String
  issuedOn: Date
  province: String
  level: String
  "Only mentioned by other texts: its tasks are what another text says it gave (a table of tasks, a stated link)."
  stub: Boolean!
  synthetic: Boolean!
  "Every task it gives the organisation, in the text's order (all the places naming it)."
  tasks: [OrganizationTask!]!
  "The organisation's earliest own text implementing this one, directly or down a chain of texts, with the days it took; null when none does (a gap)."
  answer: FirstAnswer
}

"An organisation across every directive: what it was given, by whom, when due, and what it answered."
type OrganizationOverview {
  key: ID!
  name: String!
  province: String
  unit: String
  level: String
  kind: String
  "The texts giving it tasks, newest first (undated last)."
  assignments: [OrganizationAssignment!]!
  "The texts it issued, newest first."
  issued: [OrganizationText!]!
  "Its tasks in all."
  tasks: Int!
  "How many of the assigning texts it answered with a text of its own."
  answered: Int!
}

type Query {
  """
  An organisation's page: every text giving it tasks (across every directive), each task with its period and due day as
  of asOf (today in Vietnam by default), the organisation's answer to each text (its earliest own text implementing it,
  directly or down a chain) and the texts it issued. key: Organization.key, as gaps, gapPage, taskAssignments and search
  give it. An unknown key is NOT_FOUND.
  """
  organizationOverview(key: ID!, asOf: Date): OrganizationOverview!
}

"Administrative level, as data: central → provincial → district → commune (the 2025 reform drops district)."
type Level @node @mutation(operations: []) {
  key: ID!
  rank: Int!
  name: String!
  nameEn: String
}
`;
