/**
 * Where OCR language data comes from, without any network: English ships in
 * the package (@tesseract.js-data/eng); every other language is a
 * `.traineddata` file the user drops into the workspace's `ocr/` folder
 * (Debian's tesseract-ocr-urd, -pus, -fas, -ara… provide them).
 */
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { OcrLanguageMissingError, InvalidInputError } from '../errors.ts';
import { packageDir } from '../paths.ts';

export interface OcrLanguage {
  code: string;
  /** The traineddata file (gzip or plain: tesseract.js detects it). */
  path: string;
}

/** "eng+urd" → ["eng", "urd"], refusing anything that is not a tesseract language code. */
export function parseLanguages(spec: string): string[] {
  const codes = spec.split('+').map((c) => c.trim()).filter((c) => c.length > 0);
  if (codes.length === 0 || codes.some((c) => !/^[a-z][a-z0-9_]{1,30}$/i.test(c))) {
    throw new InvalidInputError(`"${spec}" is not a list of OCR languages: write tesseract codes joined by "+", e.g. eng+urd.`);
  }
  return [...new Set(codes)];
}

async function firstReadable(paths: string[]): Promise<string | undefined> {
  for (const p of paths) {
    try {
      await access(p, constants.R_OK);
      return p;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Finds each language's data: the workspace's `ocr/` folder first (a newer model wins), then the shipped English. */
export async function resolveLanguages(codes: string[], ocrDir: string | undefined): Promise<OcrLanguage[]> {
  const out: OcrLanguage[] = [];
  for (const code of codes) {
    const local = ocrDir ? [join(ocrDir, `${code}.traineddata`), join(ocrDir, `${code}.traineddata.gz`)] : [];
    const shipped = code === 'eng' ? [join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int', 'eng.traineddata.gz')] : [];
    const path = await firstReadable([...local, ...shipped]);
    if (!path) throw new OcrLanguageMissingError(code, ocrDir ?? "the workspace's ocr/ folder");
    out.push({ code, path });
  }
  return out;
}
