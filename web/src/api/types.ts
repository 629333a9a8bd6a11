/** Shapes of the GraphQL results the web app reads (see server/src/api/typedefs). */

export type Relation = 'IMPLEMENTS' | 'CITES' | 'ASSIGNED_TO';
export const ALL_RELATIONS: readonly Relation[] = ['IMPLEMENTS', 'CITES', 'ASSIGNED_TO'];

export interface RootDirective {
  id: string;
  code: string | null;
  title: string | null;
  type: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  /** A generated load-test text (its title and content made up): badged as the details panel badges it. */
  synthetic: boolean;
  cascadeSize: number;
}

export interface SearchHit {
  id: string;
  kind: 'DIRECTIVE' | 'ORGANIZATION';
  label: string;
  code: string | null;
  title: string | null;
  type: string | null;
  province: string | null;
  issuedOn: string | null;
  score: number;
  snippet: string | null;
}

export interface CascadeNode {
  id: string;
  kind: 'DIRECTIVE' | 'ORGANIZATION';
  label: string;
  code: string | null;
  type: string | null;
  typeName: string | null;
  /** Absent from the explorer's own query except on the root (CASCADE_VIEW_QUERY): the details panel loads it. */
  title?: string | null;
  level: string | null;
  levelRank: number | null;
  province: string | null;
  issuedOn: string | null;
  stub: boolean;
  /** Absent from the explorer's own query except on the root, like `title` and `parent`. */
  synthetic?: boolean;
  depth: number;
  lagDays: number | null;
  parent?: string | null;
  /** In a cascade whose organisations the server folded: how many organisations it assigns tasks to (else null). */
  assignees?: number | null;
  /** In a cascade whose lower levels the server folded: how many texts of those levels implement it directly (else null). */
  implementersFolded?: number | null;
  /** The unit below the province: of a district's, bloc's or commune's text ("xã Phú Lạc"); of an organisation whose name does not say. */
  unit?: string | null;
}

export interface CascadeEdge {
  id: string;
  source: string;
  target: string;
  kind: Relation;
  inferred: boolean;
  lagDays: number | null;
  /** How many relationships the edge stands for: the link's own statement and the same link stated by other texts. */
  statements?: number;
  /** Evidence: absent from the explorer's cascade, loaded per edge (EdgeEvidence) when shown in detail. */
  verb?: string | null;
  evidenceUid?: string | null;
  quote?: string | null;
  start?: number | null;
  end?: number | null;
  tasks?: string[] | null;
  timings?: string[] | null;
}

export interface EdgeEvidence {
  id: string;
  verb: string | null;
  evidenceUid: string | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  tasks: string[] | null;
  timings: string[] | null;
}

export interface Cascade {
  /** The server stopped expanding at its node limit: more directives exist below. */
  truncated: boolean;
  root: CascadeNode | null;
  nodes: CascadeNode[];
  edges: CascadeEdge[];
  /** Directive–organisation pairs left out because the server folded the organisations (0 when it did not). */
  foldedAssignments?: number;
  /** Levels whose texts the server left out (foldLevelsAbove), highest first; empty when none. */
  foldedLevels?: string[];
  /** Texts of those levels implementing a text of the answer directly, summed. */
  foldedImplementers?: number;
}

export interface DirectiveDetails {
  uid: string;
  code: string | null;
  issuedOn: string | null;
  type: string | null;
  typeName: string | null;
  title: string | null;
  province: string | null;
  level: string | null;
  stub: boolean;
  synthetic: boolean;
  sourceFile: string | null;
  text: string | null;
  signerName: string | null;
  signerCapacity: string | null;
  recipients: string[] | null;
  issuerName: string | null;
}

export interface Gap {
  organization: string;
  /** The unit below the province when the name does not say which, else null. */
  unit: string | null;
  key: string;
  province: string | null;
  level: string | null;
  tasks: number;
}

export interface GapPage {
  /** All the gaps (among the keys asked for, when some were). */
  total: number;
  gaps: Gap[];
}

/** The tasks of one period under a root (API taskSchedule): by a year, from a year, recurring, conditional, none. */
export interface TaskPeriod {
  /** The period's key: "BY_YEAR:2023", "FROM_YEAR:2024", "RECURRING", "CONDITIONAL", "NONE". */
  period: string;
  kind: 'BY_YEAR' | 'FROM_YEAR' | 'RECURRING' | 'CONDITIONAL' | 'NONE';
  year: number | null;
  /** On the server's today: ENDED, THIS_YEAR, LATER, RUNNING; null for CONDITIONAL and NONE. */
  status: 'ENDED' | 'THIS_YEAR' | 'LATER' | 'RUNNING' | null;
  tasks: number;
  /** Tasks waiting for something ("sau khi có văn bản chỉ đạo của Trung ương") though they name a year. */
  conditional: number;
  organizations: number;
  documents: number;
}

/** A task of a period (API scheduledTasks). */
export interface ScheduledTask {
  documentUid: string;
  code: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  organization: string;
  organizationKey: string;
  task: string;
  timing: string;
  /** The period's last day as the text names it (BY_YEAR), else null. */
  dueOn: string | null;
}

export interface ScheduledTaskPage {
  total: number;
  tasks: ScheduledTask[];
}

export interface LagRow {
  province: string | null;
  level: string | null;
  /** The level of the texts these implement: a level's texts implementing their own level's are a row apart. */
  parentLevel: string | null;
  documents: number;
  /** Documents with an issue date on both ends: min / median / max are over these. */
  dated: number;
  minDays: number | null;
  medianDays: number | null;
  maxDays: number | null;
}

/** A province of the 2025 map (API `provinces(newMapOnly: true)`) with the provinces of the old map it took over. */
export interface ProvinceInfo {
  name: string;
  tookOver: string[];
}

/** A province of either map (API `provinces`). */
export interface ProvinceEntry {
  name: string;
  newMap: boolean;
  mergedInto: string | null;
  tookOver: string[];
}

/** A central directive a province's texts implement, and the province's part in it (API provinceOverview). */
/** A text answering another, with the days it took (null when either is undated). */
export interface FirstAnswer {
  uid: string;
  code: string | null;
  issuedOn: string | null;
  lagDays: number | null;
  stub: boolean;
}

export type PeriodStatus = 'ENDED' | 'THIS_YEAR' | 'LATER' | 'RUNNING';

/** An organisation's page (API organizationOverview): the texts giving it tasks, and its own. */
export interface OrganizationOverview {
  key: string;
  name: string;
  province: string | null;
  unit: string | null;
  level: string | null;
  kind: string | null;
  tasks: number;
  answered: number;
  assignments: Array<{
    uid: string;
    code: string | null;
    title: string | null;
    type: string | null;
    typeName: string | null;
    issuedOn: string | null;
    province: string | null;
    level: string | null;
    stub: boolean;
    synthetic: boolean;
    tasks: Array<{ text: string; timing: string | null; period: string; status: PeriodStatus | null; conditional: boolean; dueOn: string | null }>;
    /** The organisation's earliest own text implementing it; null: a gap. */
    answer: FirstAnswer | null;
  }>;
  issued: Array<{ uid: string; code: string | null; title: string | null; type: string | null; typeName: string | null; issuedOn: string | null; level: string | null; stub: boolean; synthetic: boolean; implements: string[] }>;
}

export interface ProvinceDirective {
  uid: string;
  code: string | null;
  title: string | null;
  issuedOn: string | null;
  /** Only mentioned (no full text in the graph). */
  stub: boolean;
  /** A generated load-test text. */
  synthetic: boolean;
  texts: number;
  levels: Array<{ level: string | null; texts: number }>;
  first: FirstAnswer | null;
  organizations: number;
  tasks: number;
}

/** Identifies a cascade root: code (+ issue date and province to pick one of several). */
export interface RootRef {
  code: string;
  issuedOn?: string | null;
  province?: string | null;
}

/**
 * How the explorer names a directive to open: its code with the date and province that tell it from others, or —
 * a text without a printed code ("Hướng dẫn · Bình Thuận"), or a district's, bloc's or commune's text, whose code and
 * day other units of the province repeat (its id ends with its unit: "15-KH/ĐU@2023-05-10#binh-thuan/xa-phu-lac") —
 * its id, which `cascade(code:)` takes as well.
 */
export function directiveRef(d: { id: string; code: string | null; issuedOn: string | null; province: string | null }): RootRef {
  const ofUnit = /#[^/]*\//.test(d.id);
  return d.code && !ofUnit ? { code: d.code, issuedOn: d.issuedOn, province: d.province } : { code: d.id };
}

/** What storing a file wrote (`ingestDocument`). */
export interface StoredFile {
  uid: string;
  nodesWritten: number;
  relationshipsWritten: number;
}

/** A directive of the graph as a preview names it. */
export interface StoredDirective {
  id: string;
  code: string | null;
  issuedOn: string | null;
  title: string | null;
  type: string | null;
  province: string | null;
  level: string | null;
  stub: boolean;
  synthetic: boolean;
}

export interface PreviewReference {
  code: string;
  issuedOn: string | null;
  resolvedIssuedOn: string | null;
  verb: string;
  subject: string | null;
  quote: string;
  start: number;
  end: number;
  mentions: number;
  inGraph: StoredDirective | null;
}

export interface PreviewAssignment {
  organization: string;
  organizationKey: string;
  province: string | null;
  level: string | null;
  kind: string;
  quote: string;
  start: number;
  end: number;
  assignedByTexts: number;
  tasks: Array<{ text: string; timing: string | null; quote: string; start: number; end: number }>;
}

export type PreviewStatus = 'NEW' | 'MENTIONED' | 'SAME_TEXT' | 'OTHER_TEXT';
export type PreviewWarning = 'NO_CODE' | 'NO_DATE' | 'NO_PROVINCE' | 'NO_IMPLEMENTS' | 'NO_ASSIGNMENTS';

/** What the server reads in a file and where it would join the graph (`previewDocument`). */
export interface DocumentPreview {
  fileName: string;
  text: string;
  id: string;
  code: string | null;
  resolvedCode: string | null;
  type: string | null;
  typeName: string | null;
  title: string | null;
  issuedOn: string | null;
  province: string | null;
  level: string | null;
  issuer: string | null;
  signer: string | null;
  signerCapacity: string | null;
  place: string | null;
  inGraph: PreviewStatus;
  implementedBy: StoredDirective[];
  implementedByCount: number;
  implements: PreviewReference[];
  cites: PreviewReference[];
  statedLinks: Array<{ from: string; fromIssuedOn: string | null; to: string; toIssuedOn: string | null; verb: string; quote: string; start: number; end: number }>;
  assignments: PreviewAssignment[];
  warnings: PreviewWarning[];
}
