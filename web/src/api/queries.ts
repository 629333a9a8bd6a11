/**
 * Every GraphQL query string the web app sends, in one place (so they are easy to align with the SDL
 * in server/src/api/typedefs). Notebook users can copy them from the details panel.
 */

export const ROOTS_QUERY = /* GraphQL */ `
query Roots($first: Int) {
  roots(first: $first) { id code title type issuedOn province level synthetic cascadeSize }
}`;

export const SEARCH_QUERY = /* GraphQL */ `
query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { id kind label code title type province issuedOn score snippet }
}`;

const CASCADE_NODE_FIELDS = 'id kind label code type typeName title level levelRank province unit issuedOn stub synthetic depth lagDays parent assignees implementersFolded';
/**
 * What the explorer draws of every node. Titles (the longest field), `synthetic` and `parent` are left out: the
 * details panel loads the selected directive's own record (DIRECTIVE_QUERY) and the header the root's; on the
 * national root this is a fifth of the answer's bytes.
 */
const VIEW_NODE_FIELDS = 'id kind label code type typeName level levelRank province unit issuedOn stub depth lagDays assignees implementersFolded';
const EDGE_FIELDS = 'id source target kind inferred lagDays statements';
const EVIDENCE_FIELDS = 'verb evidenceUid quote start end tasks timings';

const cascadeQuery = (nodeFields: string, edgeFields: string) => /* GraphQL */ `
query Cascade($code: String!, $issuedOn: Date, $province: String, $depth: Int, $direction: CascadeDirection, $relations: [RelationKind!], $provinces: [String!], $foldOrganizationsAbove: Int, $foldLevelsAbove: Int) {
  cascade(code: $code, issuedOn: $issuedOn, province: $province, depth: $depth, direction: $direction, relations: $relations, provinces: $provinces, foldOrganizationsAbove: $foldOrganizationsAbove, foldLevelsAbove: $foldLevelsAbove) {
    truncated
    foldedAssignments
    foldedLevels
    foldedImplementers
    root { ${CASCADE_NODE_FIELDS} }
    nodes { ${nodeFields} }
    edges { ${edgeFields} }
  }
}`;

/** The cascade with every edge's evidence: what "copy GraphQL query" hands to notebook users. */
export const CASCADE_QUERY = cascadeQuery(CASCADE_NODE_FIELDS, `${EDGE_FIELDS} ${EVIDENCE_FIELDS}`);

/**
 * What the explorer loads: the cascade without its evidence — verbs, stating documents, quotes, task lists (40 %
 * less to send and parse on a provincial programme); the details panel asks for the evidence of the edges it
 * shows (EDGE_EVIDENCE_QUERY).
 */
export const CASCADE_VIEW_QUERY = cascadeQuery(VIEW_NODE_FIELDS, EDGE_FIELDS);

/** More organisations than this in a cascade: the explorer draws them folded into their directives until asked. */
export const FOLD_ORGANIZATIONS_ABOVE = 400;

/**
 * More texts than this implementing a root: the server keeps the highest levels that fit and says on each text kept how
 * many texts of the lower levels implement it (a national resolution: its provinces' programmes and their departments'
 * texts, "+92" plans of communes on each programme) until asked for every level.
 */
export const FOLD_LEVELS_ABOVE = 600;

/**
 * The variables sent with a cascade query: the root by code, then its date and province when known (the server's
 * response cache writes the same for the cascades it answers ahead: server/src/api/cascade-ahead.ts). `foldAbove`:
 * the server leaves the organisations out when there are more than this many (graph/fold.ts); `foldLevelsAbove`: the
 * server leaves the texts of the lower levels out when more than this many implement the root.
 */
export function cascadeVariables(
  ref: { code: string; issuedOn?: string | null; province?: string | null },
  depth: number,
  direction: 'DOWN' | 'UP' | 'BOTH',
  relations?: string[],
  provinces?: string[],
  foldAbove?: number,
  foldLevelsAbove?: number,
) {
  return {
    code: ref.code,
    issuedOn: ref.issuedOn || undefined,
    province: ref.province || undefined,
    depth,
    direction,
    relations,
    provinces: provinces?.length ? provinces : undefined,
    foldOrganizationsAbove: foldAbove,
    foldLevelsAbove,
  };
}

export const EDGE_EVIDENCE_QUERY = /* GraphQL */ `
query EdgeEvidence($ids: [ID!]!) {
  edgeEvidence(ids: $ids) { id ${EVIDENCE_FIELDS} }
}`;

export const DIRECTIVE_QUERY = /* GraphQL */ `
query Directive($uid: ID!) {
  directives(where: { uid: { eq: $uid } }) {
    uid code issuedOn type typeName title province level stub synthetic sourceFile text
    signerName signerCapacity recipients issuerName
  }
}`;

/**
 * The gap list a page at a time with its total (a national resolution has ≈ 30 000 gaps), or — with `keys` — only
 * the organisations the graph draws, to highlight them.
 */
export const TASK_SCHEDULE_QUERY = /* GraphQL */ `
query TaskSchedule($code: String!, $issuedOn: Date, $province: String, $provinces: [String!]) {
  taskSchedule(code: $code, issuedOn: $issuedOn, province: $province, provinces: $provinces) { period kind year status tasks conditional organizations documents }
}`;

export const SCHEDULED_TASKS_QUERY = /* GraphQL */ `
query ScheduledTasks($code: String!, $issuedOn: Date, $province: String, $provinces: [String!], $period: String!, $first: Int, $offset: Int) {
  scheduledTasks(code: $code, issuedOn: $issuedOn, province: $province, provinces: $provinces, period: $period, first: $first, offset: $offset) {
    total
    tasks { documentUid code issuedOn province level organization organizationKey task timing dueOn }
  }
}`;

export const GAP_PAGE_QUERY = /* GraphQL */ `
query GapPage($code: String!, $issuedOn: Date, $province: String, $first: Int, $offset: Int, $keys: [ID!], $provinces: [String!]) {
  gapPage(code: $code, issuedOn: $issuedOn, province: $province, first: $first, offset: $offset, keys: $keys, provinces: $provinces) {
    total
    gaps { organization unit key province level tasks }
  }
}`;

export const LAG_QUERY = /* GraphQL */ `
query Lag($code: String!, $issuedOn: Date, $province: String) {
  implementationLag(code: $code, issuedOn: $issuedOn, province: $province) { province level parentLevel documents dated minDays medianDays maxDays }
}`;

/**
 * The provinces of the 2025 map with those of the old map each took over (Lâm Đồng: Bình Thuận, Đắk Nông): the province
 * filter covers them as the API's `provinces` arguments do (graph/provinces.ts).
 */
export const PROVINCES_QUERY = /* GraphQL */ `
query Provinces {
  provinces(newMapOnly: true) { name tookOver }
}`;

/** Both maps' provinces, for the start page's choice of a province. */
export const ALL_PROVINCES_QUERY = /* GraphQL */ `
query AllProvinces {
  provinces { name newMap mergedInto tookOver }
}`;

export const PROVINCE_OVERVIEW_QUERY = /* GraphQL */ `
query ProvinceOverview($province: String!) {
  provinceOverview(province: $province) {
    uid code title issuedOn stub synthetic texts levels { level texts } first { uid code issuedOn lagDays stub } organizations tasks
  }
}`;

export const ORGANIZATION_OVERVIEW_QUERY = /* GraphQL */ `
query OrganizationOverview($key: ID!) {
  organizationOverview(key: $key) {
    key name province unit level kind tasks answered
    assignments {
      uid code title type typeName issuedOn province level stub synthetic
      tasks { text timing period status conditional dueOn }
      answer { uid code issuedOn lagDays stub }
    }
    issued { uid code title type typeName issuedOn level stub synthetic implements }
  }
}`;

export const COUNTS_QUERY = /* GraphQL */ `
query Counts($dimension: CountDimension!) {
  countsBy(dimension: $dimension) { key count }
}`;

/** A query plus its variables, formatted for pasting into a notebook or GraphiQL. */
export function formatForCopy(query: string, variables: Record<string, unknown>, endpoint: string): string {
  const clean = Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return `# POST ${endpoint}\n${query.trim()}\n\n# variables\n${JSON.stringify(clean, null, 2)}\n`;
}

const STORED = 'id code issuedOn title type province level stub synthetic';
const PREVIEW_REFERENCE = `code issuedOn resolvedIssuedOn verb subject quote start end mentions inGraph { ${STORED} }`;
/** A file read by the server as ingestDocument would read it, matched against the graph; nothing stored. */
export const PREVIEW_QUERY = /* GraphQL */ `
query PreviewDocument($fileName: String!, $contentBase64: String) {
  previewDocument(fileName: $fileName, contentBase64: $contentBase64) {
    fileName text id code resolvedCode type typeName title issuedOn province level issuer signer signerCapacity place
    inGraph implementedByCount implementedBy { ${STORED} }
    implements { ${PREVIEW_REFERENCE} }
    cites { ${PREVIEW_REFERENCE} }
    statedLinks { from fromIssuedOn to toIssuedOn verb quote start end }
    assignments { organization organizationKey province level kind quote start end assignedByTexts tasks { text timing quote start end } }
    warnings
  }
}`;

/** A file stored as the preview read it (an editor's token required). */
export const INGEST_FILE_MUTATION = /* GraphQL */ `
mutation IngestFile($fileName: String!, $contentBase64: String) {
  ingestDocument(fileName: $fileName, contentBase64: $contentBase64) { uid nodesWritten relationshipsWritten }
}`;
