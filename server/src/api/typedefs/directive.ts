/**
 * Directive: the interface shared by implementing Documents (CTr, KH, HD, CV, TB, …) and normative
 * Regulations (NQ, QĐ, QĐi, KL, CT, laws). Both concrete types are generated from one field list.
 */
const scalarFields = `
  "Identity: normalized code + issue date (+ province slug for non-central issuers, + /unit slug for a district's, bloc's or commune's text), or doc:<hash> when the text prints no code."
  uid: ID!
  "Normalized code, e.g. 28-NQ/TW (null when unknown)."
  code: String
  issuedOn: Date
  "Type key: NQ, CTr, KH, HD, QĐ, QĐi, KL, CT, TB, CV, ĐA, …"
  type: String
  typeName: String
  title: String
  province: String
  "The issuing unit below the province (a district, bloc or commune: xã Hàm Thắng), part of the identity; null for provincial and central texts."
  unit: String
  "Administrative level key (see levels): central, provincial, district, commune, …"
  level: String
  levelRank: Int
  issuerName: String
  "True when only mentioned by other texts; completed when its own text is ingested."
  stub: Boolean!
  "True for generated documents (npm run generate); never set on real texts."
  synthetic: Boolean!
  sourceFile: String
  "Where the code came from: header, annex, corpus (identified by other documents' mentions)."
  codeSource: String
  "How many organizations its own text assigns tasks to (distinct); null for a stub or a text stored before this was kept."
  assigneeCount: Int
`;

const detailFields = `
  "Full source text (NFC); edge offsets point into it."
  text: String
  signerName: String
  signerCapacity: String
  recipients: [String!]
  place: String
`;

const relationFields = (concrete: boolean) => {
  const rel = (type: string, direction: 'IN' | 'OUT', target: string, properties: string) =>
    concrete ? `@relationship(type: "${type}", direction: ${direction}, properties: "${properties}")` : '@declareRelationship';
  return `
  "Directives this one implements (opening 'Thực hiện …' / 'Căn cứ …', or inferred from other texts)."
  implements: [Directive!]! ${rel('IMPLEMENTS', 'OUT', 'Directive', 'Link')}
  implementedBy: [Directive!]! ${rel('IMPLEMENTS', 'IN', 'Directive', 'Link')}
  cites: [Directive!]! ${rel('CITES', 'OUT', 'Directive', 'Link')}
  citedBy: [Directive!]! ${rel('CITES', 'IN', 'Directive', 'Link')}
  "Organizations assigned tasks by this directive."
  assignedTo: [Organization!]! ${rel('ASSIGNED_TO', 'OUT', 'Organization', 'Assignment')}
  issuedBy: [Organization!]! ${rel('ISSUED_BY', 'OUT', 'Organization', 'Issuing')}`;
};

const concrete = (name: string, label: string, doc: string) => `
"${doc}"
type ${name} implements Directive @node(labels: ["${label}", "Directive"]) @mutation(operations: []) {
${scalarFields}
${detailFields}
${relationFields(true)}
}`;

export const directiveTypeDefs = `
interface Directive {
${scalarFields}
${detailFields}
${relationFields(false)}
}
${concrete('Document', 'Document', 'An implementing text: programme (CTr), plan (KH), guidance (HD), official letter (CV), notice (TB), …')}
${concrete('Regulation', 'Regulation', 'A normative text: resolution (NQ), regulation/decision (QĐ, QĐi), conclusion (KL), directive (CT), law, decree.')}
`;
