/**
 * Typed errors for everything a caseworker can run into. Each message is one
 * sentence that names the file (when there is one) and says what to do; the
 * CLI prints `message` as is and the app shows it in a notice.
 */
export class SanadError extends Error {
  /** Stable machine-readable code, e.g. `ENCRYPTED_SOURCE`. */
  readonly code: string;
  /** The file the problem is about, when there is one (never a secret). */
  readonly file: string | undefined;

  constructor(code: string, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file;
  }
}

export class WorkspaceNotFoundError extends SanadError {
  constructor(dir: string) {
    super('WORKSPACE_NOT_FOUND', `No Sanad workspace at ${dir}: run "sanad init" there first, or pass --workspace DIR.`, { file: dir });
  }
}

export class WorkspaceLockedError extends SanadError {
  constructor(dir: string, holder: string, advice = 'close it and try again') {
    super('WORKSPACE_LOCKED', `The workspace ${dir} is open in another Sanad process (${holder}): ${advice}.`, { file: dir });
  }
}

export class CorruptFileError extends SanadError {
  /** What is wrong, in words ("line 4, column 3: Unexpected token"). */
  readonly problem: string;
  /** `backup`: a `.bak` of the file exists, so the message offers it. */
  constructor(file: string, problem: string, cause?: unknown, options: { backup?: boolean } = {}) {
    const remedy = options.backup ? `restore it from ${file}.bak or fix it by hand` : 'fix it by hand or restore it from your own backup';
    super('CORRUPT_FILE', `${file} is not a valid Sanad file (${problem}): ${remedy}; Sanad has not changed it.`, { file, cause });
    this.problem = problem;
  }
}

export class NotFoundError extends SanadError {
  constructor(what: string, id: string, hint: string) {
    super('NOT_FOUND', `No ${what} "${id}" in this workspace: ${hint}.`);
  }
}

export class InvalidInputError extends SanadError {
  constructor(message: string, file?: string) {
    super('INVALID_INPUT', message, file === undefined ? {} : { file });
  }
}

export class UnsupportedFileError extends SanadError {
  constructor(file: string) {
    super('UNSUPPORTED_FILE', `${file} is not a format Sanad imports: save it as PDF, Word (.docx), text, Markdown, HTML, an image (JPEG, PNG, HEIC, WebP, GIF, TIFF), .eml or .msg and import that.`, { file });
  }
}

export class EmptyFileError extends SanadError {
  constructor(file: string) {
    super('EMPTY_FILE', `${file} is empty: check that the download or copy finished, then import it again.`, { file });
  }
}

export class EncryptedSourceError extends SanadError {
  constructor(file: string) {
    super('ENCRYPTED_SOURCE', `${file} is protected by a password: open it in a PDF reader with the password, save an unprotected copy, and import that.`, { file });
  }
}

/** What to do about a damaged PDF (the default), or a damaged photo or scan. */
const REMEDY = {
  pdf: 'download it again or re-save it from a PDF reader, then import it',
  image: 'copy it from the phone or camera again, or open it in an image viewer and save a new copy, then import it',
} as const;

export class DamagedSourceError extends SanadError {
  constructor(file: string, detail: string, cause?: unknown, kind: keyof typeof REMEDY = 'pdf') {
    super('DAMAGED_SOURCE', `${file} is damaged and could not be repaired (${detail}): ${REMEDY[kind]}.`, { file, cause });
  }
}

export class SourceTooComplexError extends SanadError {
  constructor(file: string, detail: string) {
    super('SOURCE_TOO_COMPLEX', `${file} was refused because ${detail}: it may be damaged or built to crash PDF readers; print it to a new PDF from a PDF reader and import that.`, { file });
  }
}

export class SourceTooLargeError extends SanadError {
  constructor(file: string, bytes: number, limit: number) {
    const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
    super('SOURCE_TOO_LARGE', `${file} is ${mb(bytes)}, more than Sanad imports in one file (${mb(limit)}): split it into parts in a PDF reader and import those.`, { file });
  }
}

export class QuoteNotFoundError extends SanadError {
  readonly closest: { page: number; text: string } | undefined;
  constructor(sourceTitle: string, quote: string, closest?: { page: number; text: string }) {
    const near = closest ? ` The closest passage is on page ${closest.page}: "${closest.text}".` : '';
    super('QUOTE_NOT_FOUND', `The quote "${quote}" is not in "${sourceTitle}": check the wording against the source.${near}`);
    this.closest = closest;
  }
}

export class BundleError extends SanadError {
  constructor(message: string) {
    super('BUNDLE', message);
  }
}

export class VerificationError extends SanadError {
  readonly failures: string[];
  constructor(file: string, failures: string[]) {
    super('VERIFICATION_FAILED', `${file} failed verification with ${failures.length} problem(s): ${failures.slice(0, 3).join('; ')}${failures.length > 3 ? '; …' : ''}. Do not file it; rebuild and report the problem.`, { file });
    this.failures = failures;
  }
}

export function isSanadError(e: unknown): e is SanadError {
  return e instanceof SanadError;
}

export class NewerVersionFileError extends CorruptFileError {
  constructor(file: string, version: number, known: number) {
    super(file, `schema version ${version}`);
    this.message = `${file} was made by a newer version of Sanad (file version ${version}, this Sanad reads up to ${known}): update Sanad to open it; Sanad has not changed it.`;
  }
}

export class ReadOnlyWorkspaceError extends SanadError {
  constructor(dir: string) {
    super('WORKSPACE_READ_ONLY', `The workspace ${dir} was opened read-only or is already closed: open it again for writing (close the other Sanad window first) to save changes.`, { file: dir });
  }
}

export class FileNotChosenError extends SanadError {
  constructor(file: string) {
    super('FILE_NOT_CHOSEN', `Sanad imports only files you chose in the Import dialog or dropped on its window, and ${file} was neither: choose it with File > Import or drop it on the window.`, { file });
  }
}

export class BuildCancelledError extends SanadError {
  constructor(stage: string) {
    super('ABORTED', `The bundle build was cancelled during ${stage}: nothing was written; start the build again when ready.`);
  }
}

export class ConverterMissingError extends SanadError {
  constructor(file: string, kind: string) {
    super('CONVERTER_MISSING', `${file} is a ${kind}, which Sanad converts with LibreOffice, and LibreOffice is not installed: install LibreOffice (or set SANAD_SOFFICE to its soffice program), or save the file as PDF or .docx and import that.`, { file });
  }
}

export class ConversionFailedError extends SanadError {
  constructor(file: string, detail: string, cause?: unknown) {
    super('CONVERSION_FAILED', `${file} could not be converted by LibreOffice (${detail}): open it in LibreOffice or Word, save it as PDF or .docx, and import that.`, { file, cause });
  }
}

export class OcrLanguageMissingError extends SanadError {
  constructor(lang: string, dir: string) {
    super('OCR_LANGUAGE_MISSING', `No OCR data for the language "${lang}": put ${lang}.traineddata (e.g. from Debian's tesseract-ocr-${lang} package) into ${dir}, then run the OCR again.`, { file: dir });
  }
}

export class OcrCancelledError extends SanadError {
  constructor(file?: string) {
    super('OCR_CANCELLED', `OCR${file ? ` of ${file}` : ''} was cancelled: nothing was changed; import or run "sanad ocr" again when ready.`, file === undefined ? {} : { file });
  }
}
