/**
 * Pure: a bulk plan → the CSV files of Neo4j's offline store importer (`neo4j-admin database import full`).
 * Property types match what the online writers store (JS numbers arrive as floats over Bolt, so they are
 * `double` here too; dates are `date`), so both bulk paths produce the same graph.
 */
import type { BulkPlan, DirectiveLabel } from './bulk-plan.js';

/** Separates list elements inside one CSV field (a control character no extracted text contains). */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'double' | 'boolean' | 'date' | 'string[]' | 'id';
interface Column<T> {
  /** Header entry, e.g. `:ID`, `title`, `levelRank:double`, `:START_ID`. */
  header: string;
  type: ColumnType;
  value: (row: T) => unknown;
}

export interface CsvFile {
  /** `nodes` or `relationships`, and the label(s) / type given on the command line. */
  kind: 'nodes' | 'relationships';
  target: string;
  name: string;
  header: string;
  /** Data lines (no header), each ending with a newline; produced in chunks so 200 MB never sits in one string. */
  chunks: () => Iterable<string>;
  /** After chunks() has run: whether a field holds a line break (the importer parses such files more slowly). */
  multiline: () => boolean;
}

/** Values the CSV cannot carry, set by one statement after the imported database first starts. */
export interface Fixup {
  cypher: string;
  rows: Array<Record<string, unknown>>;
}

export interface CsvImport {
  files: CsvFile[];
  fixups: Fixup[];
}

/** How a row's node or relationship is found again (binding `x`), for its fix-ups. */
interface Locator<T> {
  match: string;
  key: (row: T) => Record<string, unknown>;
}

/**
 * A list the importer cannot read back from CSV: [] and [""] (an empty field means "no property", and one
 * delimiter already means two elements). Such values are left out of the files and set after the first start.
 */
export const unrepresentable = (list: string[]): boolean => list.length === 0 || (list.length === 1 && list[0] === '');

/** One CSV field: strings always quoted ("" inside), null/undefined empty (no property), lists joined. */
export function csvField(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'string[]') {
    const list = value as string[];
    if (unrepresentable(list)) return '';
    for (const s of list) if (s.includes(ARRAY_DELIMITER)) throw new Error(`a list element contains the CSV array delimiter U+001F: ${JSON.stringify(s.slice(0, 60))}`);
    return quote(list.join(ARRAY_DELIMITER));
  }
  if (type === 'string') return quote(String(value));
  if (type === 'double') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`not a finite number: ${String(value)}`);
    return String(n);
  }
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type === 'id' && !Number.isSafeInteger(value)) throw new Error(`not a node id: ${String(value)}`);
  return String(value); // id: an integer; date: ISO yyyy-mm-dd
}

const quote = (s: string) => `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;

const col = <T>(header: string, type: ColumnType, value: (row: T) => unknown): Column<T> => ({ header: type === 'string' || type === 'id' || header.includes(':') ? header : `${header}:${type}`, type, value });
const str = <T>(key: keyof T & string) => col<T>(key, 'string', (r) => r[key]);
const dbl = <T>(key: keyof T & string) => col<T>(key, 'double', (r) => r[key]);

function fixups<T>(columns: Column<T>[], rows: T[], at: Locator<T>): Fixup[] {
  return columns
    .filter((c) => c.type === 'string[]')
    .map((c) => ({
      cypher: `UNWIND $rows AS row ${at.match} SET x.${c.header.split(':')[0]} = row.value`,
      rows: rows.filter((r) => Array.isArray(c.value(r)) && unrepresentable(c.value(r) as string[])).map((r) => ({ ...at.key(r), value: c.value(r) })),
    }))
    .filter((f) => f.rows.length > 0);
}

function newlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) n++;
  return n;
}

/** A column's field of a row, its type looked at once per file rather than once per value. */
function fieldOf<T>(c: Column<T>): (row: T) => string {
  const get = c.value;
  if (c.type === 'string') {
    return (r) => {
      const v = get(r);
      return v === null || v === undefined ? '' : quote(String(v));
    };
  }
  return (r) => csvField(get(r), c.type);
}

function file<T>(kind: CsvFile['kind'], target: string, name: string, columns: Column<T>[], rows: T[]): CsvFile {
  let multiline = false;
  const [first, ...rest] = columns.map(fieldOf);
  return {
    multiline: () => multiline,
    kind,
    target,
    name,
    header: columns.map((c) => c.header).join(',') + '\n',
    *chunks() {
      for (let i = 0; i < rows.length; i += 500) {
        let out = '';
        const end = Math.min(rows.length, i + 500);
        for (let r = i; r < end; r++) {
          const row = rows[r]!;
          out += first!(row);
          for (const field of rest) out += ',' + field(row);
          out += '\n';
        }
        // Each line ends with one newline: any more (or a carriage return) lie inside fields.
        if (!multiline && (out.includes('\r') || newlines(out) > end - i)) multiline = true;
        yield out;
      }
    },
  };
}

type Full = BulkPlan['directives']['Document'][number];
type Stub = BulkPlan['stubs']['Document'][number];
type Org = BulkPlan['organizations'][number];
type Link = BulkPlan['links']['IMPLEMENTS'][number];
type Assignment = BulkPlan['assignments'][number];
type Issuer = BulkPlan['issuers'][number];

/**
 * Node ids are the store's own record ids (`--id-type=actual`): the nodes numbered 0, 1, 2… in the order their files
 * are given, the relationships naming their ends by those numbers. The importer then keeps no id map to fill, sort
 * and search (string ids: ≈ a quarter of its relationship stage went to looking ends up).
 */
interface NodeIds {
  directives: Map<string, number>;
  organizations: Map<string, number>;
}

function numberNodes(plan: BulkPlan, labels: DirectiveLabel[]): NodeIds {
  let next = 0;
  // Two nodes with one identity would both be imported (the importer no longer compares ids): refused here.
  const number = (ids: Map<string, number>, key: string) => {
    if (ids.has(key)) throw new Error(`two nodes share the identity ${JSON.stringify(key)}`);
    ids.set(key, next++);
  };
  const directives = new Map<string, number>();
  for (const l of labels) for (const d of plan.directives[l]) number(directives, d.uid);
  for (const l of labels) for (const d of plan.stubs[l]) number(directives, d.uid);
  const organizations = new Map<string, number>();
  for (const o of plan.organizations) number(organizations, o.key);
  return { directives, organizations };
}

function nodeId(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`no node file holds ${JSON.stringify(key)}, which an edge names`);
  return id;
}

function columnsFor(ids: NodeIds) {
  const directive = <T>(header: string, uid: (row: T) => string) => col<T>(header, 'id', (r) => nodeId(ids.directives, uid(r)));
  const organization = <T>(header: string, key: (row: T) => string) => col<T>(header, 'id', (r) => nodeId(ids.organizations, key(r)));
  const sharedDirective = <T extends Stub | Full>(): Column<T>[] => [
    directive<T>(':ID', (r) => r.uid),
    str<T>('uid'),
    ...(['code', 'type', 'typeName', 'title', 'province', 'unit', 'level'] as const).map((k) => str<T>(k)),
    dbl<T>('levelRank'),
    str<T>('issuerName'),
    col<T>('synthetic', 'boolean', (r) => r.synthetic),
    str<T>('searchText'),
    col<T>('issuedOn', 'date', (r) => r.issuedOn),
  ];
  const link: Column<Link>[] = [
    directive<Link>(':START_ID', (r) => r.from),
    directive<Link>(':END_ID', (r) => r.to),
    str<Link>('verb'),
    str<Link>('quote'),
    dbl<Link>('start'),
    dbl<Link>('end'),
    col<Link>('inferred', 'boolean', (r) => r.inferred),
    str<Link>('mentionedCode'),
    dbl<Link>('mentions'),
    str<Link>('evidenceUid'),
  ];
  return {
    full: [
      ...sharedDirective<Full>(),
      ...(['sourceFile', 'codeSource', 'text', 'contentHash', 'signerName', 'signerCapacity'] as const).map((k) => str<Full>(k)),
      col<Full>('recipients', 'string[]', (r) => r.recipients),
      str<Full>('place'),
      dbl<Full>('assigneeCount'),
      col<Full>('stub', 'boolean', () => false),
    ],
    stub: [...sharedDirective<Stub>(), col<Stub>('stub', 'boolean', () => true)],
    organization: [
      organization<Org>(':ID', (r) => r.key),
      str<Org>('key'),
      ...(['name', 'province', 'level'] as const).map((k) => str<Org>(k)),
      dbl<Org>('levelRank'),
      str<Org>('kind'),
      str<Org>('unit'),
      str<Org>('searchText'),
      str<Org>('sortKey'),
    ],
    link,
    assignment: [
      directive<Assignment>(':START_ID', (r) => r.uid),
      organization<Assignment>(':END_ID', (r) => r.orgKey),
      col<Assignment>('tasks', 'string[]', (r) => r.tasks),
      col<Assignment>('timings', 'string[]', (r) => r.timings),
      dbl<Assignment>('fromYear'),
      dbl<Assignment>('toYear'),
      str<Assignment>('quote'),
      dbl<Assignment>('start'),
      dbl<Assignment>('end'),
      dbl<Assignment>('order'),
      col<Assignment>('evidenceUid', 'string', (r) => r.uid),
    ],
    issuer: [
      directive<Issuer>(':START_ID', (r) => r.uid),
      organization<Issuer>(':END_ID', (r) => r.key),
      col<Issuer>('evidenceUid', 'string', (r) => r.uid),
      str<Issuer>('signerName'),
      str<Issuer>('signerCapacity'),
    ],
  };
}

const DIRECTIVE: Locator<Full> = { match: 'MATCH (x:Directive {uid: row.uid})', key: (r) => ({ uid: r.uid }) };
const ASSIGNMENT: Locator<Assignment> = {
  match: 'MATCH (:Directive {uid: row.uid})-[x:ASSIGNED_TO {order: row.order}]->(:Organization {key: row.orgKey})',
  key: (r) => ({ uid: r.uid, orgKey: r.orgKey, order: r.order }),
};

/** The files of one import, in the order the importer is given them, and the values they cannot carry. */
export function importCsvFiles(plan: BulkPlan): CsvImport {
  const labels: DirectiveLabel[] = ['Document', 'Regulation'];
  const c = columnsFor(numberNodes(plan, labels));
  return {
    // Node files in the order numberNodes numbered them.
    files: [
      ...labels.map((l) => file('nodes', `Directive:${l}`, `directives-${l.toLowerCase()}`, c.full, plan.directives[l])),
      ...labels.map((l) => file('nodes', `Directive:${l}`, `stubs-${l.toLowerCase()}`, c.stub, plan.stubs[l])),
      file('nodes', 'Organization', 'organizations', c.organization, plan.organizations),
      file('relationships', 'IMPLEMENTS', 'implements', c.link, plan.links.IMPLEMENTS),
      file('relationships', 'CITES', 'cites', c.link, plan.links.CITES),
      file('relationships', 'ASSIGNED_TO', 'assignments', c.assignment, plan.assignments),
      file('relationships', 'ISSUED_BY', 'issuers', c.issuer, plan.issuers),
    ],
    fixups: [
      ...labels.flatMap((l) => fixups(c.full, plan.directives[l], DIRECTIVE)),
      ...fixups(c.assignment, plan.assignments, ASSIGNMENT),
    ],
  };
}
