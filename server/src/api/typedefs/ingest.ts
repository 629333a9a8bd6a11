export const ingestTypeDefs = `
type IngestedReference {
  code: String!
  issuedOn: Date
  quote: String!
  start: Int!
  end: Int!
  verb: String
}

type IngestedAssignment {
  organization: String!
  tasks: [String!]!
  timings: [String!]!
}

"The stored record of an ingested text."
type IngestResult {
  uid: ID!
  code: String
  resolvedCode: String
  type: String
  typeName: String
  title: String
  issuedOn: Date
  province: String
  level: String
  implements: [IngestedReference!]!
  cites: [IngestedReference!]!
  assignments: [IngestedAssignment!]!
  "Nodes and relationships written."
  nodesWritten: Int!
  relationshipsWritten: Int!
}

type Mutation {
  "Extract a text and store it (requires a JWT with role editor): give text (decoded), or the file's bytes as contentBase64 (.txt, .md, .docx, .pdf, read as the CLI reads them). previewDocument shows the same without storing."
  ingestDocument(fileName: String!, text: String, contentBase64: String): IngestResult!
}
`;
