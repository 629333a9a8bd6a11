export const cascadeTypeDefs = `
enum CascadeDirection {
  "From the root to the texts that implement or cite it, and their assignees"
  DOWN
  "From the root to what it implements or cites"
  UP
  BOTH
}

enum RelationKind {
  IMPLEMENTS
  CITES
  ASSIGNED_TO
}

enum CascadeNodeKind {
  DIRECTIVE
  ORGANIZATION
}

"A node shaped for Cytoscape (data.id = id)."
type CascadeNode {
  id: ID!
  kind: CascadeNodeKind!
  label: String!
  code: String
  type: String
  typeName: String
  title: String
  level: String
  levelRank: Int
  province: String
  issuedOn: Date
  stub: Boolean!
  synthetic: Boolean!
  "File the text was ingested from (null for stubs and organizations)."
  sourceFile: String
  "Hops from the root (0 = root)."
  depth: Int!
  "Days between the issue date of the parent it implements and its own (null when unknown)."
  lagDays: Int
  "Uid of the directive this node was reached from."
  parent: ID
  "In a cascade whose organizations were folded (foldOrganizationsAbove): how many organizations this directive assigns tasks to (left out of the answer). Null otherwise."
  assignees: Int
  "In a cascade whose lower levels were folded (foldLevelsAbove): how many texts of the levels left out implement this directive directly (0 when none do). Null otherwise."
  implementersFolded: Int
  "The unit below the province (its label names it too): of a district's, bloc's or commune's directive ('xã Phú Lạc': two communes' 15-KH/ĐU of one day are two directives); of an organization whose name does not say which ('Khối các cơ quan tỉnh' for a bloc's 'Cấp ủy cơ sở'). Null otherwise."
  unit: String
}

type CascadeEdge {
  id: ID!
  source: ID!
  target: ID!
  kind: RelationKind!
  inferred: Boolean!
  verb: String
  quote: String
  start: Int
  end: Int
  evidenceUid: String
  "Issue-date difference target→source in days, on IMPLEMENTS edges."
  lagDays: Int
  tasks: [String!]
  timings: [String!]
  "How many relationships of this kind between the two texts the edge stands for: a link is stated by the text itself and often again by texts below it (inferred), and a cascade lists it once — the text's own statement when there is one. An assignment is one relationship per section of a text that gives an organization tasks: more than 1 when one text does so in several places (the edge's tasks are those of the first; the others' through statementIds and edgeEvidence). 1 in edgeEvidence answers."
  statements: Int!
  "The ids of those relationships, this edge's first (their evidence through edgeEvidence)."
  statementIds: [ID!]!
}

type Cascade {
  "True when the answer stopped at maxNodes directives or maxNodes assignments (ask for more, or start from a lower directive)."
  truncated: Boolean!
  root: CascadeNode
  nodes: [CascadeNode!]!
  edges: [CascadeEdge!]!
  "Assignments left out — directive–organization pairs, the ASSIGNED_TO edges the answer would hold — because the cascade assigns tasks to more organizations than foldOrganizationsAbove (0 when none were): the sum of the directives' assignees."
  foldedAssignments: Int!
  "Administrative levels whose texts were left out because the cascade holds more texts than foldLevelsAbove (highest first; empty when none were)."
  foldedLevels: [String!]!
  "Texts of the folded levels that implement a text of the answer directly, summed over the texts of the answer (0 when no level was folded)."
  foldedImplementers: Int!
}

type Query {
  """
  The cascade around a directive: with direction DOWN, what implements it (IMPLEMENTS, recursively up to depth),
  what cites it, and the organizations the documents assign tasks to. Accepts code variants ("28 - NQ/TW",
  "28-nq/tw"); a congress's resolution, which no text numbers, by the code the graph gives it ("Đại hội XIII/TW", the
  Party's national congress; "Đại hội XIV/TU" with a province, a province's) or as typed ("dai hoi 13"); issuedOn and
  province pick one of several documents sharing a code. A directive's id (uid) names exactly one: a district's, bloc's or commune's text is best named so, as other units of its province may have texts
  of the same code and day ("15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac").
  """
  cascade(
    code: String!
    issuedOn: Date
    province: String
    depth: Int = 4
    direction: CascadeDirection = DOWN
    relations: [RelationKind!] = [IMPLEMENTS, CITES, ASSIGNED_TO]
    "Directives listed at most per direction, citing texts included (1–50000); assignments to organizations are capped at the same number, nearest the root first."
    maxNodes: Int = 2000
    "Follow only directives of these provinces (central ones too; at most 100 names): one province's part of a national cascade that maxNodes would cut."
    provinces: [String!]
    "Leave the organizations and their ASSIGNED_TO edges out when the directives assign tasks to more organizations than this (what a drawing that folds them into their directives needs: a national cascade's answer is then half as large); each directive then says how many it assigns. Default: never."
    foldOrganizationsAbove: Int
    """
    When more than this many texts implement the root (DOWN, within depth), keep only the highest administrative
    levels whose texts fit (levelRank; counted on the first foldLevelsAbove + 1 texts of a breadth-first walk) and
    leave the texts of the lower levels out; each directive then says how many texts of those levels implement it
    directly (implementersFolded); the citations listed are those between the texts kept and those of the root by
    texts of the levels kept. A national resolution
    then answers with its provinces' programmes and their departments' texts instead of maxNodes texts cut
    breadth-first. Default: never (1–50000).
    """
    foldLevelsAbove: Int
  ): Cascade!
  """
  The evidence of cascade edges — verb, stating document, quote, offsets, task lists — by their ids (at most 5000;
  unknown ids are left out): lets a client load a large cascade without it and fetch that of the edges it shows in
  detail. lagDays is null.
  """
  edgeEvidence(ids: [ID!]!): [CascadeEdge!]!
}
`;
