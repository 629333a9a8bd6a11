/** Public API of the extractor. */
export type * from './types.js';
export { extractDocument, type ExtractOptions } from './document.js';
export { resolveCorpus } from './corpus.js';
export { normalizeCode, parseCode, codeLevel, codeType, codeIssuer, issuerLevel, type ParsedCode } from './codes.js';
export { parseDate, findDates, isoDate, isIsoDate } from './dates.js';
export { LEVELS, getLevel, levelRank, levelByRank, isLevelKey, compareLevels, type Level } from './levels.js';
export {
  PROVINCES, PROVINCES_PRE_2025, PROVINCES_POST_2025, foldDiacritics, slugify, findProvince, provinceBySlug, provinceSlug,
  type Province,
} from './provinces.js';
export { DOC_TYPES, docType, typeByName, categoryOf, typeCategory, typeNameOf, canonicalTypeKey, type DocType, type Category } from './patterns/types.js';
export { sourceText } from './normalize.js';
export { orgKind, parseTiming } from './assignments.js';
export { taskPeriod, periodReader, periodKey, parsePeriodKey, periodStatus, comparePeriods, type TaskPeriod, type PeriodKind, type PeriodStatus } from './task-period.js';
export { termSpans, withinSpans } from './terms.js';
export { issuingUnit } from './unit.js';
export { runsOnFrom, agreedWording } from './subject-choice.js';
export { remembered } from './memo.js';
export { recordWarnings, type RecordWarning } from './warnings.js';
