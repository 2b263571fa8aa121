import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/index.ts';
import { sanitizeHtml } from '../../src/ingest/sanitize.ts';

describe('sanitizeHtml', () => {
  it('removes active content and remote images but keeps text, data: images and links', () => {
    const out = sanitizeHtml(
      '<p onclick="steal()">Keep <a href="javascript:alert(1)">this</a> and <a href="https://hrw.org">that</a></p>' +
        '<script>bad()</script><iframe src="https://x.example"></iframe><object data="x.swf"></object>' +
        '<img src="https://tracker.example.com/p.gif" alt="pixel"><img src="data:image/png;base64,AAAA">' +
        '<p style="background:url(https://x.example/bg.png)">styled</p><p>کراچی</p>',
    );
    expect(out).not.toMatch(/script|iframe|object|onclick|javascript:|tracker\.example|url\(/);
    expect(out).toContain('<a href="https://hrw.org"');
    expect(out).toContain('src="data:image/png;base64,AAAA"');
    expect(out).toContain('[image: pixel]');
    expect(out).toContain('<p dir="auto">کراچی</p>');
  });
});

describe('detectFormat', () => {
  it('trusts magic bytes first, then the extension for text formats', () => {
    expect(detectFormat('a.txt', new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ format: 'pdf', ext: 'pdf' });
    expect(detectFormat('photo', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ format: 'image', ext: 'jpg' });
    expect(detectFormat('page.HTM', new TextEncoder().encode('<html>'))).toEqual({ format: 'html', ext: 'html' });
    expect(detectFormat('mail.eml', new TextEncoder().encode('From: a'))).toEqual({ format: 'email', ext: 'eml' });
    expect(detectFormat('notes.md', new TextEncoder().encode('# x'))).toEqual({ format: 'markdown', ext: 'md' });
    expect(detectFormat('doc.docx', new TextEncoder().encode('PK\u0003\u0004'))).toBeUndefined();
    expect(detectFormat('binary.txt', new Uint8Array([0x41, 0, 0x42]))).toBeUndefined();
  });
});
