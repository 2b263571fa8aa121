/**
 * @napi-rs/canvas (a native module) is loaded only when a page is rendered:
 * pdfjs requires it as it loads, and src/pdf/canvas.ts gives it stand-ins.
 * Checked in a fresh process (a test worker may have loaded it already).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { afterAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-canvas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('extracts text without loading the canvas module, and renders with it', async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('Threats traced to Karachi', { x: 20, y: 150, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.drawRectangle({ x: 20, y: 20, width: 100, height: 60, color: rgb(0, 0, 0) });
  const file = join(dir, 'page.pdf');
  writeFileSync(file, await doc.save());
  const src = (p: string) => JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, 'src', 'pdf', p)).href);
  const probe = `
    const { openPdf } = await import(${src('pdfjs.ts')});
    const { extractPageText } = await import(${src('text.ts')});
    const { canvasModule } = await import(${src('canvas.ts')});
    // The native part is js-binding.js (geometry.js, plain JavaScript, holds DOMMatrix).
    const cache = (await import('node:module')).createRequire(import.meta.url).cache;
    const canvasLoaded = () => Object.keys(cache).some((k) => /@napi-rs[\\/]canvas[\\/]js-binding\\.js$/.test(k));
    const { readFileSync } = await import('node:fs');
    const doc = await openPdf(readFileSync(${JSON.stringify(file)}));
    const text = (await extractPageText(doc, 1)).text;
    const afterText = canvasLoaded();
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    const canvas = canvasModule().createCanvas(viewport.width, viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
    // The rectangle's middle (x 70, y 50 from the bottom) is black; the corner above the text is not.
    const px = (x, y) => Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3));
    process.stdout.write(JSON.stringify({ text, afterText, afterRender: canvasLoaded(), dark: px(70, 150), light: px(290, 5), matrix: new DOMMatrix([1, 0, 0, 1, 5, 6]).f }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: PACKAGE_ROOT, encoding: 'utf8' }));
  expect(out.text).toContain('Threats traced to Karachi');
  expect(out.afterText).toBe(false);
  expect(out.afterRender).toBe(true);
  expect(out.dark).toEqual([0, 0, 0]);
  expect(out.light).toEqual([255, 255, 255]);
  expect(out.matrix).toBe(6);
});
