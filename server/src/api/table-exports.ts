/**
 * The explorer's tables as CSV, for spreadsheets and briefings (`/export/<table>.csv`): every task assigned under a
 * root, the gap list whole, the implementation lag table. Headers and level names in the language asked for.
 */
import { typeByName } from '../extract/index.js';
import { periodReader, type TaskPeriod } from '../extract/task-period.js';
import { getLevel } from '../extract/levels.js';
import type { Gap, LagRow } from '../graph/queries/analytics.js';
import type { AssignmentRow } from '../graph/queries/assignments.js';
import type { OrganizationOverview } from '../graph/queries/organization-overview.js';
import type { ProvinceDirective } from '../graph/queries/province-overview.js';
import { csvChunks, type CsvValue } from './csv.js';

export type TableLang = 'vi' | 'en';
export const TABLES = ['assignments', 'gaps', 'lag'] as const;
export type TableName = (typeof TABLES)[number];

const HEADERS: Record<TableName, Record<TableLang, string[]>> = {
  assignments: {
    vi: ['Văn bản giao', 'Loại văn bản', 'Ngày ban hành', 'Tỉnh/thành', 'Cấp', 'Cơ quan được giao', 'Nhiệm vụ', 'Thời hạn', 'Mã định danh văn bản', 'Dữ liệu tổng hợp', 'Mã định danh cơ quan', 'Kỳ hạn', 'Hạn chót'],
    en: ['Assigning document', 'Document type', 'Issued on', 'Province', 'Level', 'Assigned organization', 'Task', 'Timing', 'Document uid', 'Synthetic', 'Organization key', 'Period', 'Due on'],
  },
  gaps: {
    vi: ['Cơ quan', 'Thuộc đơn vị', 'Tỉnh/thành', 'Cấp', 'Số nhiệm vụ', 'Văn bản giao nhiệm vụ', 'Mã định danh cơ quan'],
    en: ['Organization', 'Unit', 'Province', 'Level', 'Tasks', 'Assigned by', 'Organization key'],
  },
  lag: {
    vi: ['Tỉnh/thành', 'Cấp', 'Thực hiện văn bản cấp', 'Số văn bản', 'Số văn bản có ngày', 'Trung vị (ngày)', 'Ít nhất (ngày)', 'Nhiều nhất (ngày)'],
    en: ['Province', 'Level', 'Implementing a text of level', 'Documents', 'Dated documents', 'Median (days)', 'Minimum (days)', 'Maximum (days)'],
  },
};

const PROVINCE_HEADER: Record<TableLang, string[]> = {
  vi: ['Văn bản trung ương', 'Ngày ban hành', 'Trích yếu', 'Chỉ được nhắc đến', 'Số văn bản của tỉnh', 'Theo cấp', 'Trả lời đầu tiên', 'Ngày trả lời', 'Số ngày', 'Số cơ quan được giao', 'Số nhiệm vụ', 'Mã định danh văn bản', 'Dữ liệu tổng hợp'],
  en: ['Central directive', 'Issued on', 'Title', 'Only mentioned', "Province's texts", 'By level', 'First answer', 'Answered on', 'Days', 'Organizations assigned', 'Tasks', 'Document uid', 'Synthetic'],
};

const ORGANIZATION_HEADER: Record<TableLang, string[]> = {
  vi: ['Văn bản giao', 'Loại văn bản', 'Ngày ban hành', 'Tỉnh/thành', 'Cấp', 'Nhiệm vụ', 'Thời hạn', 'Kỳ hạn', 'Hạn chót', 'Văn bản triển khai của cơ quan', 'Ngày ban hành văn bản triển khai', 'Số ngày', 'Mã định danh văn bản', 'Dữ liệu tổng hợp'],
  en: ['Assigning document', 'Document type', 'Issued on', 'Province', 'Level', 'Task', 'Timing', 'Period', 'Due on', "The organization's answer", 'Answered on', 'Days', 'Document uid', 'Synthetic'],
};

const YES: Record<TableLang, string> = { vi: 'có', en: 'yes' };

function levelName(key: string | null, lang: TableLang): string | null {
  const level = getLevel(key);
  if (!level) return key;
  return lang === 'vi' ? level.name : level.nameEn;
}

/** A document type's name in the table's language ("Kế hoạch" → "Plan"); as stored when the type is not known. */
function typeName(name: string | null, lang: TableLang): string | null {
  if (lang === 'vi' || !name) return name;
  return typeByName(name)?.nameEn ?? name;
}

/** A task's period as the explorer names it ("Trong năm 2023", "Thường xuyên"); nothing when the timing names none. */
function periodName(p: TaskPeriod, lang: TableLang): string {
  const vi = lang === 'vi';
  if (p.kind === 'BY_YEAR') return vi ? `Trong năm ${p.year}` : `During ${p.year}`;
  if (p.kind === 'FROM_YEAR') return vi ? `Từ năm ${p.year}` : `From ${p.year} on`;
  if (p.kind === 'RECURRING') return vi ? 'Thường xuyên' : 'Ongoing';
  if (p.kind === 'CONDITIONAL') return vi ? 'Khi có văn bản chỉ đạo' : 'Once guidance is issued';
  return '';
}

/** A table as CSV pieces (csv.ts csvChunks), to be sent one after the other. */
export type CsvPieces = Generator<string>;

/** One line per task (an organisation given no listed task: one line without it), with its period and due day (extract/task-period.ts). */
export function assignmentsCsv(rows: readonly AssignmentRow[], lang: TableLang): CsvPieces {
  const periodOf = periodReader();
  function* lines(): Generator<CsvValue[]> {
    for (const r of rows) {
      const head = [r.code ?? typeName(r.typeName, lang), typeName(r.typeName, lang), r.issuedOn, r.province, levelName(r.level, lang), r.organization];
      const tail = [r.uid, r.synthetic ? YES[lang] : '', r.organizationKey];
      if (!r.tasks.length) yield [...head, '', '', ...tail, '', ''];
      for (const t of r.tasks) {
        const period = periodOf(t.timing);
        yield [...head, t.text, t.timing, ...tail, periodName(period, lang), period.dueOn];
      }
    }
  }
  return csvChunks(HEADERS.assignments[lang], lines());
}

export function gapsCsv(gaps: readonly Gap[], lang: TableLang): CsvPieces {
  return csvChunks(
    HEADERS.gaps[lang],
    gaps.map((g) => [g.organization, g.unit, g.province, levelName(g.level, lang), g.tasks, g.assignedBy.join('; '), g.key]),
  );
}

/** A province's page as a table: one line per central directive its texts implement. */
export function provinceCsv(rows: readonly ProvinceDirective[], lang: TableLang): CsvPieces {
  return csvChunks(
    PROVINCE_HEADER[lang],
    rows.map((r) => [
      r.code,
      r.issuedOn,
      r.title,
      r.stub ? YES[lang] : '',
      r.texts,
      r.levels.map((l) => `${levelName(l.level, lang) ?? '?'} ${l.texts}`).join('; '),
      r.first?.code ?? '',
      r.first?.issuedOn ?? '',
      r.first?.lagDays ?? '',
      r.organizations,
      r.tasks,
      r.uid,
      r.synthetic ? YES[lang] : '',
    ]),
  );
}

/** An organisation's page as a table: one line per task given to it, with its period, due day and the organisation's answer. */
export function organizationCsv(org: OrganizationOverview, lang: TableLang): CsvPieces {
  const periodOf = periodReader();
  function* lines(): Generator<CsvValue[]> {
    for (const a of org.assignments) {
      const head = [a.code ?? typeName(a.typeName, lang), typeName(a.typeName, lang), a.issuedOn, a.province, levelName(a.level, lang)];
      const answer = [a.answer ? (a.answer.code ?? a.answer.uid) : '', a.answer?.issuedOn ?? '', a.answer?.lagDays ?? '', a.uid, a.synthetic ? YES[lang] : ''];
      for (const t of a.tasks) {
        const period = periodOf(t.timing);
        yield [...head, t.text, t.timing, periodName(period, lang), period.dueOn, ...answer];
      }
    }
  }
  return csvChunks(ORGANIZATION_HEADER[lang], lines());
}

export function lagCsv(rows: readonly LagRow[], lang: TableLang): CsvPieces {
  return csvChunks(
    HEADERS.lag[lang],
    rows.map((r) => [r.province, levelName(r.level, lang), levelName(r.parentLevel, lang), r.documents, r.dated, r.medianDays, r.minDays, r.maxDays]),
  );
}
