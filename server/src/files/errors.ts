/** Typed errors for source files. */

export type SourceErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'legacy-encoding'
  | 'unknown-encoding'
  | 'bad-docx'
  | 'bad-pdf'
  | 'no-text-layer';

export class SourceError extends Error {
  readonly code: SourceErrorCode;
  readonly file: string;
  /** What is wrong, without the file's name (the message has both). */
  readonly reason: string;
  constructor(code: SourceErrorCode, file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'SourceError';
    this.code = code;
    this.file = file;
    this.reason = reason;
  }
}
