export const previewTypeDefs = `
"How far the graph already knows a previewed text."
enum PreviewStatus {
  "Nothing in the graph has this identity (code, date, province; or this content, for a text without a code)."
  NEW
  "Other texts mention it: the graph has it as a stub, which storing this text fills."
  MENTIONED
  "The graph holds this very text."
  SAME_TEXT
  "The graph holds a text of this identity with other content (another version): storing replaces it."
  OTHER_TEXT
}

"A directive of the graph, as a preview names it."
type StoredDirective {
  id: ID!
  code: String
  issuedOn: Date
  title: String
  type: String
  province: String
  level: String
  "Known only from other texts' mentions."
  stub: Boolean!
  synthetic: Boolean!
}

"A mention of another text in the previewed one: what storing the text would link it to."
type PreviewReference {
  code: String!
  "The date the mention gives, else null."
  issuedOn: Date
  "The date the mention stands for: its own, or the only one the text gives this code."
  resolvedIssuedOn: Date
  verb: String!
  "What the mentioned text is about (the 'về …' phrase), when the mention says."
  subject: String
  quote: String!
  start: Int!
  end: Int!
  "How many mentions of the text it stands for."
  mentions: Int!
  "The directive of the graph this mention would link to (an undated one only when the graph holds exactly one of its code in the text's province), else null."
  inGraph: StoredDirective
}

"A link between two other texts that the previewed text states ('Chương trình … số 12-NQ/TU … triển khai Nghị quyết số 15-NQ/TW'): stored as an inferred IMPLEMENTS edge."
type PreviewStatedLink {
  from: String!
  fromIssuedOn: Date
  to: String!
  toIssuedOn: Date
  verb: String!
  quote: String!
  start: Int!
  end: Int!
}

type PreviewTask {
  text: String!
  "The timing annotation as written ('nhiệm vụ thường xuyên', 'thực hiện năm 2023'), else null."
  timing: String
  quote: String!
  start: Int!
  end: Int!
}

type PreviewAssignment {
  organization: String!
  "The organisation's key in the graph (name, province, unit)."
  organizationKey: String!
  province: String
  level: String
  kind: String!
  quote: String!
  start: Int!
  end: Int!
  tasks: [PreviewTask!]!
  "How many texts of the graph already assign this organisation tasks (0: the organisation is new to the graph)."
  assignedByTexts: Int!
}

"What the extractor reads in a text, matched against the graph. Nothing is stored."
type DocumentPreview {
  fileName: String!
  "The text as read (decoded, NFC): every start and end below is an offset into it."
  text: String!
  "The id the text would have in the graph."
  id: ID!
  code: String
  "The code the text prints, or the one the graph identifies it by (a programme that other texts name)."
  resolvedCode: String
  type: String
  typeName: String
  title: String
  issuedOn: Date
  province: String
  level: String
  issuer: String
  signer: String
  signerCapacity: String
  place: String
  inGraph: PreviewStatus!
  "Texts of the graph that implement this one (at most 50, oldest first)."
  implementedBy: [StoredDirective!]!
  implementedByCount: Int!
  implements: [PreviewReference!]!
  cites: [PreviewReference!]!
  statedLinks: [PreviewStatedLink!]!
  assignments: [PreviewAssignment!]!
  "What the extractor did not find: NO_CODE, NO_DATE, NO_PROVINCE (neither central nor of a province), NO_IMPLEMENTS, NO_ASSIGNMENTS."
  warnings: [String!]!
}

type Query {
  "Reads a text as ingestDocument would (give text, or the file's bytes as contentBase64: .txt, .md, .docx, .pdf) and shows what storing it would add and where it would join the graph. Stores nothing; no token needed."
  previewDocument(fileName: String!, text: String, contentBase64: String): DocumentPreview!
}
`;
