import { describe, expect, it } from 'vitest';
import { normalise, quoteIsOnPage } from '../../src/anchor/index.ts';

/** The original text behind normalised chars [start, end). */
function back(original: string, start: number, end: number): string {
  const n = normalise(original);
  return original.slice(n.map[start], end === n.text.length ? n.map[n.text.length] : n.map[end]);
}

describe('normalise', () => {
  it('folds ligatures, curly quotes and dashes, and drops soft hyphens', () => {
    expect(normalise('the \uFB01rst of\uFB02ine').text).toBe('the first offline');
    expect(normalise('\u201CSafe\u201D isn\u2019t \u2018safe\u2019').text).toBe('"Safe" isn\'t \'safe\'');
    expect(normalise('2008\u20132014 \u2014 a\u2010b \u2212 c').text).toBe('2008-2014 - a-b - c');
    expect(normalise('Ha\u00ADzara').text).toBe('Hazara');
  });

  it('joins a word hyphenated at a line end but keeps other hyphens', () => {
    expect(normalise('internal reloca-\ntion risk').text).toBe('internal relocation risk');
    expect(normalise('internal reloca\u00AD\ntion risk').text).toBe('internal relocation risk');
    expect(normalise('Karachi-based groups').text).toBe('Karachi-based groups');
    expect(normalise('2008 -\n2014').text).toBe('2008 - 2014');
  });

  it('collapses every run of whitespace and trims, keeping case', () => {
    expect(normalise('  Threats   were\n\n traced\tto  Karachi \n').text).toBe('Threats were traced to Karachi');
  });

  it('folds Arabic presentation forms back to the Arabic block', () => {
    // "کراچی" as pdfjs may report it from a shaped font: presentation forms.
    const shaped = '\uFB8F\uFEAD\uFE8E\uFC98';
    expect(normalise(shaped).text).toMatch(/^[\u0600-\u06FF]+$/u);
  });

  it('maps every normalised character back to its original offset', () => {
    const original = '  the \uFB01rst  reloca-\ntion';
    const n = normalise(original);
    expect(n.text).toBe('the first relocation');
    expect(n.map).toHaveLength(n.text.length + 1);
    expect(back(original, 4, 9)).toBe('\uFB01rst');
    expect(back(original, 10, 20)).toBe('reloca-\ntion');
    expect(n.map[n.text.length]).toBe(original.length);
  });
});

describe('quoteIsOnPage', () => {
  it('matches across line breaks, ligatures, quotes and case', () => {
    const page = 'They said the \u201Cof\uFB01cial\u201D line was\nthat reloca-\ntion is SAFE.';
    expect(quoteIsOnPage(page, '"official" line was that relocation is safe')).toBe(true);
    expect(quoteIsOnPage(page, 'relocation is dangerous')).toBe(false);
    expect(quoteIsOnPage(page, '   ')).toBe(false);
  });
});
