/**
 * The extraction contract: what `extractDocument` / `resolveCorpus` produce and what the graph writer,
 * the API and the CLIs consume. Plain data only (JSON-serialisable), no I/O.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into `ExtractedRecord.text`, the source text as
 * decoded from the file, BOM removed and NFC-normalised (nothing else changed). Invariant, tested:
 * `record.text.slice(start, end) === quote` for every piece of evidence.
 */

/** Administrative level key; the list of levels is data (see levels.ts), not a fixed enum. */
export type LevelKey = string;

export interface Evidence {
  /** Exact text at [start, end) of the record's text. */
  quote: string;
  start: number;
  end: number;
}

export interface Reference extends Evidence {
  /** Normalized code, e.g. "28-NQ/TW", "58-CTr/TU", "3588/KH-UBND", "15/2023/NĐ-CP". */
  code: string;
  /** Code exactly as printed in the text, e.g. "28 - NQ/TW". */
  raw: string;
  /** ISO date YYYY-MM-DD when the mention gives one, else null. */
  issuedOn: string | null;
  /** Document type key ("NQ", "CTr", …) when known from the code or the words before it. */
  type: string | null;
  /** Issuing body named in the mention ("Ban Chấp hành Trung ương Đảng"), else null. */
  issuer: string | null;
  /** "khóa" (term) when given, e.g. "XIII". */
  term: string | null;
  /** Province the referenced document belongs to (null for central issuers, or unknown). */
  province: string | null;
  /** Level of the referenced document's issuer: from the code, or from the unit the mention names ("…/KH-UBND của UBND xã …"). */
  level: LevelKey | null;
  /**
   * (Added, optional) The unit below the province whose body issued the referenced document ("xã Hàm Thắng", "huyện Tuy
   * Phong", "Khối các cơ quan tỉnh"), part of its identity: named by the mention, or the citing text's own unit for a
   * code of that unit's committee (unit.ts mentionUnit); null for provincial and central texts, or when nobody says.
   */
  unit?: string | null;
  /** The verb that links the citing text to it: "thực hiện", "căn cứ", "triển khai", "cites"… */
  verb: string;
  /**
   * (Added, optional) Date the mention stands for: its own date, else the only date the same document
   * gives this code, else (after resolveCorpus) the only dated candidate in the corpus; null if unknown.
   */
  resolvedIssuedOn?: string | null;
  /** (Added, optional) Where resolvedIssuedOn came from. */
  dateSource?: 'mention' | 'document' | 'corpus' | null;
  /** (Added, optional) How many mentions in the document this (deduplicated) reference stands for. */
  mentions?: number;
  /**
   * (Added, optional) What the referenced document is about: the "về …" phrase after the mention
   * ("tiếp tục đổi mới phương thức lãnh đạo, …"), whitespace collapsed; null when the mention gives none.
   */
  subject?: string | null;
  /**
   * (Added by resolveCorpus, optional) The subject the corpus's texts agree on for this document, when they agree on one
   * (subject-choice.ts): this mention's own, another text's shorter wording where this one ran on into its sentence, or
   * the full one where this mention gave none or shortened it. What the document's node shows as its title.
   */
  resolvedSubject?: string | null;
  /** (Added by resolveCorpus, optional) The issuer's name the corpus's texts agree on for this document, as for the subject. */
  resolvedIssuer?: string | null;
  /**
   * (Added, optional) The type as the text names it, when that says more than the code: a …-QĐ/TW is a "Quy định" or a
   * "Quyết định" ("Quy định số 101-QĐ/TW"); null when the mention names no type, or another.
   */
  typeName?: string | null;
}

/** One end of a stated link: code, date and province, and the unit below the province as on Reference (optional). */
export interface LinkEnd {
  code: string;
  issuedOn: string | null;
  province: string | null;
  unit?: string | null;
  /**
   * (Added, optional) The level, when it is not the code's own: a code every level writes ("…/KH-UBND") whose mention
   * names a unit below the province is at that unit's level, as on Reference.
   */
  level?: LevelKey | null;
}

export interface InferredLink extends Evidence {
  /** The document the text says implements `to` (normalized code + optional date). */
  from: LinkEnd;
  to: LinkEnd;
  verb: string;
}

export interface Timing {
  /** Timing annotation as written, e.g. "nhiệm vụ thường xuyên", "thực hiện năm 2023". */
  text: string;
  /** Parsed year range when present. */
  fromYear: number | null;
  toYear: number | null;
  /** "recurring" | "year" | "range" | "conditional" | "date" | "other" */
  kind: string;
}

export interface Task extends Evidence {
  text: string;
  /** The first (main) timing annotation of the task, or null. */
  timing: Timing | null;
  /** (Added, optional) Every timing annotation of the task, in text order (timing === timings[0]). */
  timings?: Timing[];
}

export interface Assignment extends Evidence {
  /** Organization name as it appears, with prefixes such as "Đề nghị" removed. */
  organization: string;
  /** Province of the organization (usually the document's). */
  province: string | null;
  level: LevelKey | null;
  /** "party" | "state" | "front" | "mass" | "press" | "other" */
  kind: string;
  tasks: Task[];
  /**
   * (Added, optional) The unit below the province the organisation belongs to, when its name does not say and the
   * document belongs to one ("Cấp ủy cơ sở" of a bloc's plan: "Khối các cơ quan tỉnh"); null otherwise (unit.ts).
   */
  unit?: string | null;
}

/** A unit below the province: a bloc of party organisations, a district-level unit, a commune (unit.ts). */
export interface Unit {
  kind: 'bloc' | 'district' | 'commune';
  /** "Khối các cơ quan tỉnh", "huyện Hàm Thuận Bắc", "thị xã La Gi", "xã Hàm Thắng". */
  name: string;
  /** The name without its unit word: "các cơ quan tỉnh", "Hàm Thuận Bắc". */
  proper: string;
  level: LevelKey;
  /** The district-level unit a commune belongs to, when the text names it. */
  within?: Unit | null;
}

export interface Issuer {
  name: string | null;
  province: string | null;
  level: LevelKey | null;
  /** (Added, optional) As Assignment.unit: the unit below the province, when the name does not say. */
  unit?: string | null;
}

export interface Signer {
  name: string | null;
  /** "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", … */
  capacity: string | null;
  /** (Added, optional) The signature block as printed. */
  evidence?: Evidence;
}

export interface Alias extends Evidence {
  alias: string;
  /** Normalized code the alias stands for, when any. */
  code: string | null;
}

export interface Footnote extends Evidence {
  label: string;
  text: string;
}

export interface ExtractedRecord {
  file: string;
  /** Type key: "NQ", "CTr", "KH", "HD", "QĐ", "QĐi", "KL", "CT", "TB", "CV", "ĐA", "Luật", "NĐ", "TT", … */
  type: string | null;
  /** Vietnamese name of the type: "Hướng dẫn", "Chương trình hành động", … */
  typeName: string | null;
  /** "document" (implementing texts) or "regulation" (normative texts). */
  category: 'document' | 'regulation';
  title: string | null;
  /** Own code printed in the text, normalized, else null. */
  code: string | null;
  /** Own code, or the code the corpus identifies the document with (see resolveCorpus), else null. */
  resolvedCode: string | null;
  /** Where resolvedCode came from. */
  codeSource: 'header' | 'annex' | 'corpus' | null;
  issuedOn: string | null;
  /**
   * (Added, optional) Date of the document identified by resolvedCode: issuedOn for header/annex codes,
   * the date the corpus gives that code for codeSource 'corpus'; null when unknown.
   */
  resolvedIssuedOn?: string | null;
  /** (Added, optional) Province of the document (same as issuer.province). */
  province?: string | null;
  place: string | null;
  /**
   * (Added, optional) The unit below the province the document belongs to (header, issuer or title): its bare names
   * are completed with it ("Ban Thường vụ Đảng ủy Khối" → "… Khối các cơ quan tỉnh"); null for provincial and central texts.
   */
  unit?: Unit | null;
  issuer: Issuer;
  signer: Signer | null;
  implements: Reference[];
  cites: Reference[];
  inferred: InferredLink[];
  assignments: Assignment[];
  recipients: string[];
  aliases: Alias[];
  footnotes: Footnote[];
  /** True for generated (synthetic) documents; never set for real texts. */
  synthetic: boolean;
  /** sha256 hex of `text`, used as identity when the document has no code. */
  contentHash: string;
  /** Source text (BOM removed, NFC) — offsets refer to it. */
  text: string;
}
