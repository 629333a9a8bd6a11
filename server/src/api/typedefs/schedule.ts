/** The tasks under a root by when they are due (graph/queries/schedule.ts). */
export const scheduleTypeDefs = `
"""
A task's period, read from its timing annotation: BY_YEAR, to be done by the end of a year ("thực hiện năm 2023",
"hoàn thành trong quý III năm 2024", a range "2024 – 2026" ending then); FROM_YEAR, begun in a year with no end ("thực
hiện từ năm 2023"); RECURRING ("nhiệm vụ thường xuyên", "hằng năm"); CONDITIONAL, waiting for something and naming no
year ("sau khi có văn bản chỉ đạo của Trung ương"); NONE, no timing or one naming no year.
"""
enum TaskPeriodKind {
  BY_YEAR
  FROM_YEAR
  RECURRING
  CONDITIONAL
  NONE
}

"Where a period stands on the day asked about (asOf): its year past, this year, a later year, or begun and running (recurring ones too)."
enum TaskPeriodStatus {
  ENDED
  THIS_YEAR
  LATER
  RUNNING
}

"The tasks of one period under a root."
type TaskPeriod {
  "The period's key, to list its tasks with scheduledTasks(period:): 'BY_YEAR:2023', 'FROM_YEAR:2024', 'RECURRING', 'CONDITIONAL', 'NONE'."
  period: String!
  kind: TaskPeriodKind!
  "BY_YEAR: the year the period ends; FROM_YEAR: the year it begins."
  year: Int
  "On asOf; null for CONDITIONAL and NONE."
  status: TaskPeriodStatus
  tasks: Int!
  "How many of the tasks wait for something ('sau khi có văn bản chỉ đạo của Trung ương') though they name a year."
  conditional: Int!
  organizations: Int!
  "Texts assigning them (the root and the texts implementing it)."
  documents: Int!
}

"A task given under a root, with its period's last day."
type ScheduledTask {
  "Uid of the assigning document."
  documentUid: ID!
  code: String
  typeName: String
  issuedOn: Date
  province: String
  level: String
  synthetic: Boolean!
  organization: String!
  organizationKey: ID!
  task: String!
  "The timing annotation as written: 'thực hiện năm 2023'."
  timing: String!
  "BY_YEAR: the last day of the period, as precisely as the text names it (a day, a month, a quarter, else 31 December)."
  dueOn: Date
}

type ScheduledTaskPage {
  "The period's tasks in all."
  total: Int!
  tasks: [ScheduledTask!]!
}

type Query {
  """
  Every task the root and the texts implementing it assign, counted by period (when it is due), earliest first: BY_YEAR
  by year, then FROM_YEAR by year, RECURRING, CONDITIONAL, NONE. asOf (default: the server's today) decides which
  periods have ENDED. provinces: only tasks of organizations of these provinces (any spelling; a province of the 2025
  map stands for those it took over).
  """
  taskSchedule(code: String!, issuedOn: Date, province: String, provinces: [String!], asOf: Date): [TaskPeriod!]!
  """
  The tasks of one period (a taskSchedule key), first (1–1000) from offset: by the day they are due, then by assigning
  text (level, province, issue date, code) and organization.
  """
  scheduledTasks(code: String!, issuedOn: Date, province: String, provinces: [String!], period: String!, first: Int = 100, offset: Int = 0): ScheduledTaskPage!
}
`;
