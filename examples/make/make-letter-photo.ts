/**
 * Makes examples/case/threat-letter-photo.jpg: a "photo" of the handwritten
 * threat letter of the demo case (Urdu and Pashto), drawn as an HTML page
 * styled like lined paper on a table and captured with Chromium. The image is
 * committed, so the demo never needs this script; run it after editing:
 *
 *   npx tsx examples/make/make-letter-photo.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/print/chromium.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const LETTER_PHOTO = join(here, '..', 'case', 'threat-letter-photo.jpg');

/** The letter's lines; threat-letter-translation.txt translates them in this order. */
export const LETTER_LINES: ReadonlyArray<{ lang: 'ur' | 'ps'; text: string }> = [
  { lang: 'ur', text: 'علی بخش، تم نے ہمارے خلاف بولنا بند نہیں کیا۔' },
  { lang: 'ur', text: 'ہم جانتے ہیں تم کہاں رہتے ہو اور تمہارا خاندان کہاں رہتا ہے۔' },
  { lang: 'ur', text: 'کوئٹہ چھوڑ دو یا جو آنے والا ہے اس کے لیے تیار رہو۔' },
  { lang: 'ur', text: 'کراچی ہو یا لاہور، ہمارے لوگ ہر جگہ ہیں۔' },
  { lang: 'ur', text: 'ہم نے تمہیں کراچی سے لکھا تھا اور وہاں بھی تمہیں ڈھونڈ لیں گے۔' },
  { lang: 'ps', text: 'دا وروستۍ خبرداري ده.' },
  { lang: 'ps', text: 'موږ په هر ځای کې یو.' },
  { lang: 'ur', text: 'سپاہِ حق' },
];

export function letterHtml(): string {
  const lines = LETTER_LINES.map((l, i) => `<p lang="${l.lang}" class="${i === LETTER_LINES.length - 1 ? 'sig' : ''}">${l.text}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;width:1200px;height:1500px;overflow:hidden}
body{background:radial-gradient(circle at 30% 20%,#6b5a45,#3e3326 70%)}
.paper{position:absolute;left:110px;top:90px;width:960px;height:1300px;transform:rotate(-1.6deg);
  background:repeating-linear-gradient(#f3ecd9 0 78px,#9fb3c8 78px 80px),#f3ecd9;
  box-shadow:12px 18px 30px rgba(0,0,0,.55);padding:185px 70px 60px 60px;box-sizing:border-box;
  filter:sepia(.15) contrast(1.02)}
.paper::before{content:"";position:absolute;inset:0;background:linear-gradient(100deg,rgba(255,255,255,.0) 40%,rgba(255,255,255,.18) 55%,rgba(0,0,0,.08) 80%)}
.fold{position:absolute;left:0;right:0;top:640px;height:3px;background:rgba(0,0,0,.12)}
p{margin:0;direction:rtl;text-align:right;font-family:'Noto Nastaliq Urdu','Noto Naskh Arabic',serif;
  font-size:31px;line-height:80px;color:#1c2a66;transform:rotate(.4deg)}
p[lang="ps"]{font-family:'Noto Naskh Arabic',serif;font-size:38px;color:#22306e}
p.sig{margin-top:80px;text-align:left;font-size:40px}
.note{position:absolute;left:20px;bottom:14px;font:15px 'Noto Sans',sans-serif;color:#d8cbb3}
</style></head><body><div class="paper"><div class="fold"></div>${lines}</div>
<div class="note">SAMPLE made for the Sanad project: a fictional letter, not a real document.</div></body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, javaScriptEnabled: false });
    await page.setContent(letterHtml(), { waitUntil: 'load' });
    const jpeg = await page.screenshot({ type: 'jpeg', quality: 72, fullPage: false });
    writeFileSync(LETTER_PHOTO, jpeg);
    process.stdout.write(`${LETTER_PHOTO}\n`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
