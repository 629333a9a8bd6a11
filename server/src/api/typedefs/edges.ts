/** Relationship properties: every edge carries its evidence (quote + offsets into the source text). */
export const edgeTypeDefs = `
"IMPLEMENTS / CITES. Offsets point into the text of the document named by evidenceUid."
type Link @relationshipProperties {
  "Exact verb: thực hiện, căn cứ, triển khai, …"
  verb: String
  quote: String
  start: Int
  end: Int
  "True when the link is stated by a third text, not by the source document itself."
  inferred: Boolean!
  evidenceUid: String
  "Code as printed in the mention."
  mentionedCode: String
  mentions: Int
}

"ASSIGNED_TO: tasks given to an organization, with timing annotations (same order as tasks; empty string = none)."
type Assignment @relationshipProperties {
  tasks: [String!]!
  timings: [String!]!
  "Earliest and latest year named in the timings, when any."
  fromYear: Int
  toYear: Int
  quote: String
  start: Int
  end: Int
  order: Int
}

type Issuing @relationshipProperties {
  signerName: String
  signerCapacity: String
}
`;
