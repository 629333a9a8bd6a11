export const searchTypeDefs = `
enum SearchHitKind {
  DIRECTIVE
  ORGANIZATION
}

type SearchHit {
  id: ID!
  kind: SearchHitKind!
  label: String!
  code: String
  title: String
  type: String
  province: String
  issuedOn: Date
  score: Float!
  "A short extract around the match."
  snippet: String
  "A directive known only from other texts' mentions (no text of its own in the graph); false for organizations."
  stub: Boolean!
  "A generated load-test text (npm run generate); false for organizations."
  synthetic: Boolean!
  "Administrative level (central, provincial, district, commune) when known."
  level: String
}

"A root: a directive that others implement but that implements nothing in the graph."
type RootDirective {
  id: ID!
  code: String
  title: String
  type: String
  issuedOn: Date
  province: String
  level: String
  "Known only from other texts' mentions: no text of its own in the graph yet."
  stub: Boolean!
  "A generated load-test text (npm run generate): its title and content are made up."
  synthetic: Boolean!
  "Directives reached downwards (implements + cites, any depth up to 6)."
  cascadeSize: Int!
}

type Query {
  "Full-text search over codes, titles and organization names; with or without diacritics, any case. A whole code (28-NQ/TW) or a type and a number (nghị quyết 28, NQ số 28) puts the directives it names first, higher levels and newer texts first."
  search(text: String!, first: Int = 20): [SearchHit!]!
  "Directives at the top of a cascade, largest first."
  roots(first: Int = 20): [RootDirective!]!
}
`;
