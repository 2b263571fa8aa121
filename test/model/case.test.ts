import { describe, expect, it } from 'vitest';
import { appellantDisplayName, initialsOf } from '../../src/model/index.ts';

describe('appellant display name', () => {
  it('uses initials when anonymised, skipping words without letters', () => {
    expect(initialsOf('Ali Bakhsh Hazara (fictional)')).toBe('A.B.H.F.');
    expect(initialsOf('ali  hussain')).toBe('A.H.');
    expect(initialsOf('علی حسین')).toBe('ع.ح.');
    expect(initialsOf('  ')).toBe('the Appellant');
  });
  it('shows the name unless anonymised', () => {
    expect(appellantDisplayName({ appellant: { name: 'Ali Hussain', anonymise: false } })).toBe('Ali Hussain');
    expect(appellantDisplayName({ appellant: { name: 'Ali Hussain', anonymise: true } })).toBe('A.H.');
  });
});
