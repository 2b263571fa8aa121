// Child process of ocr.test.ts: OCR of one image with the network blocked.
import { readFileSync } from 'node:fs';
import { createOcrEngine } from '../../src/ocr/engine.ts';
import { resolveLanguages } from '../../src/ocr/languages.ts';

const engine = await createOcrEngine({ languages: await resolveLanguages(['eng'], undefined), workers: 2 });
const result = await engine.recognize(new Uint8Array(readFileSync(process.argv[2]!)));
await engine.terminate();
process.stdout.write(result.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'));
