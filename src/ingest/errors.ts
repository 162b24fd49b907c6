/** Stable error codes for reports that cannot be read. */
export type ReportErrorCode = 'EMPTY_FILE' | 'NO_BODY' | 'NO_DATE_LINE' | 'BAD_DATE' | 'NOT_TEXT' | 'TOO_LARGE' | 'READ_FAILED' | 'BAD_JSON' | 'BAD_HEADER';

/** An error about one report file; `code` is stable, `message` names the file. */
export class ReportError extends Error {
  readonly code: ReportErrorCode;
  readonly file: string;
  /** The part of the report that is wrong (`url` for a bad `url:` header line), when it is one part. */
  readonly field: string | null;

  constructor(code: ReportErrorCode, file: string, detail: string, field: string | null = null) {
    super(`${file}: ${detail}`);
    this.name = 'ReportError';
    this.code = code;
    this.file = file;
    this.field = field;
  }
}

export function isReportError(error: unknown): error is ReportError {
  return error instanceof ReportError;
}
