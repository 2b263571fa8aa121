import { describe, expect, it } from 'vitest';
import { chronologyView } from '../../src/bundle/parts/chronology.ts';
import { rangeText } from '../../src/bundle/parts/common.ts';
import { contentsView } from '../../src/bundle/parts/contents.ts';
import { coverView } from '../../src/bundle/parts/cover.ts';
import { renderPartHtml } from '../../src/bundle/parts/index.ts';
import { hashLines } from '../../src/bundle/parts/integrity.ts';
import { compareIssues } from '../../src/bundle/parts/issues.ts';
import { scheduleView } from '../../src/bundle/parts/schedule.ts';
import { FULL_NAME, LETTER, TRANSLATION, partContext, ref } from './fixture.ts';

describe('view models of the generated parts', () => {
  it('orders issues by DEFAULT_TAGS, then others alphabetically', () => {
    const view = scheduleView(partContext());
    expect(view.issues.map((i) => i.issue)).toEqual(['Threat patterns', 'Internal relocation risk', 'Karachi-traced threats', 'Medical evidence']);
    expect(view.issues[0]!.rows.map((r) => r.label)).toEqual(['E2', 'E4', 'E5', 'E9', 'E12']);
    expect(['Zoning', 'asylum', 'Credibility', 'Perpetrators'].sort(compareIssues)).toEqual(['Perpetrators', 'Credibility', 'asylum', 'Zoning']);
  });

  it('formats page ranges with volumes', () => {
    expect(rangeText(ref('17', 17), ref('40', 40))).toBe('17–40');
    expect(rangeText(ref('17', 17), ref('17', 17))).toBe('17');
    expect(rangeText(ref('17', 17, 2), ref('40', 40, 2))).toBe('Vol 2, 17–40');
    expect(rangeText(ref('230', 230, 1), ref('235', 235, 2))).toBe('Vol 1, 230 – Vol 2, 235');
  });

  it('lists documents in the index with links to their first page, without divider rows', () => {
    const view = contentsView(partContext({ volumes: true }));
    const rows = view.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.title)).not.toContain('Section C');
    const hrw = rows.find((r) => r.title === 'We are the Walking Dead')!;
    expect(hrw.pages).toEqual({ text: 'Vol 1, C2–C13', href: 'https://page.sanad.invalid/16', pieces: ['Vol 1, C2–C13'] });
    expect(hrw.dateText).toBe('29 June 2014');
    expect(rows.find((r) => r.title.startsWith('Hazara community'))!.pages.text).toBe('Vol 1, C14 – Vol 2, C17');
  });

  it('sorts the chronology by event date, partial dates first in their period', () => {
    const view = chronologyView(partContext());
    expect(view.rows.map((r) => r.label)).toEqual(['E9', 'E12', 'E4', 'E11', 'E1', 'E7']);
    expect(view.rows[2]!.dateText).toBe('10 January 2013');
  });

  it('never puts the full name of an anonymised appellant in any part', () => {
    const ctx = partContext({ anonymise: true });
    expect(coverView(ctx).appellant).toBe('A.H.C.');
    const parts = ['cover', 'index', 'schedule', 'chronology', 'integrity'] as const;
    for (const part of parts) expect(renderPartHtml({ part }, ctx, 'A4')).not.toMatch(/Changezi|Hussain/);
    const us = partContext({ tribunal: 'us-eoir', anonymise: true });
    expect(renderPartHtml({ part: 'certificate-of-service' }, us, 'Letter')).not.toContain(FULL_NAME.split(' ')[2]!);
    expect(renderPartHtml({ part: 'translation-certificate', translation: TRANSLATION, original: LETTER }, ctx, 'A4')).not.toContain('Changezi');
  });

  it('escapes every text through Handlebars', () => {
    const ctx = partContext();
    ctx.excerpts[0]!.quote = '<script>alert(1)</script> & "more"';
    const html = renderPartHtml({ part: 'schedule' }, ctx, 'A4');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
  });

  it('splits a SHA-256 into two lines of four groups', () => {
    const sha = '0123456789abcdef'.repeat(4);
    expect(hashLines(sha)).toEqual(['01234567 89abcdef 01234567 89abcdef', '01234567 89abcdef 01234567 89abcdef']);
  });
});
