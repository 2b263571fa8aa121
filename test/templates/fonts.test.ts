/**
 * Each printed document inlines only the font faces its text needs
 * (templates/render.ts#inlineFontsCss): a face left out must be one no
 * character of the document falls in, however the character is written.
 */
import { describe, expect, it } from 'vitest';
import { inlinedFontFaces, inlineFontsCss } from '../../src/templates/render.ts';

const faces = inlinedFontFaces();
/** Which of the shipped faces (Latin 400, 700, italic; Latin Extended 400, 700; Arabic 400, 700) are inlined for `text`. */
const chosen = (text?: string) => {
  const css = inlineFontsCss(text);
  return faces.map((f) => css.includes(f));
};

describe('font faces chosen by the text', () => {
  it('takes the faces whose unicode-range holds a character of the text, and always basic Latin', () => {
    expect(faces).toHaveLength(7);
    expect(chosen('Threats traced to Karachi — “quoted” … €5')).toEqual([true, true, true, false, false, false, false]);
    expect(chosen('Łódź')).toEqual([true, true, true, true, true, false, false]);
    expect(chosen('کراچی')).toEqual([true, false, false, false, false, true, true]);
    expect(chosen('')).toEqual([true, false, false, false, false, false, false]);
    // A character beyond the Basic Multilingual Plane in the Arabic face's range (Rumi numerals).
    expect(chosen('x \u{10E60}')).toEqual([true, true, true, false, false, true, true]);
    // CSS may show a text in upper case (the cover's title): ÿ becomes Ÿ (U+0178), a Latin Extended letter.
    expect(chosen('Appellant ÿ')).toEqual([true, true, true, true, true, false, false]);
  });

  it('counts characters written as numeric references, and takes every face for an unknown named one', () => {
    expect(chosen('&#x101; &amp; &nbsp;')).toEqual([true, true, true, true, true, false, false]);
    expect(chosen('&#1603;')).toEqual([true, true, true, false, false, true, true]);
    expect(chosen('&scaron;')).toEqual([true, true, true, true, true, true, true]);
    expect(chosen()).toEqual([true, true, true, true, true, true, true]);
  });
});
