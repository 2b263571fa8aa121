/**
 * Issue 8's import contract through the command line: `sanad import --json`
 * lists every source created, the e-mail first and each attachment with
 * `parent`; a Word statement and a WhatsApp export import and are searchable;
 * `sanad case add` of the e-mail brings its attachments right after it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sanad } from '../helpers/cli.ts';
import { textPdf } from '../ingest/fixtures.ts';
import { witnessStatementDocx } from '../ingest/formats/docx-fixtures.ts';
import { buildMsg, PROP } from '../ingest/formats/msg-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'sanad-cli-formats-'));
const ws = join(dir, 'ws');

beforeAll(async () => {
  const pdf = await (await textPdf(['First Information Report registered at Quetta police station'])).save();
  writeFileSync(
    join(dir, 'threat.msg'),
    buildMsg({
      props: { [PROP.subject]: { unicode: 'Final warning' }, [PROP.senderName]: { unicode: 'Unknown' }, [PROP.senderSmtp]: { unicode: 'warning@example.pk' }, [PROP.body]: { unicode: 'We know where your family lives.' } },
      attachments: [{ name: 'fir.pdf', bytes: pdf }],
    }),
  );
  writeFileSync(join(dir, 'statement.docx'), await witnessStatementDocx());
  writeFileSync(join(dir, 'chat.zip'), zipSync({ '_chat.txt': new TextEncoder().encode('[12/03/2024, 21:15:02] +92 300 1234567: Leave Quetta tonight.\n') }));
  expect((await sanad(ws, 'init')).code).toBe(0);
}, 60_000);

describe('sanad import of e-mail, Word and chat files', () => {
  it('lists the e-mail first and its attachment with parent, then the other files', async () => {
    const run = await sanad(ws, 'import', join(dir, 'threat.msg'), join(dir, 'statement.docx'), join(dir, 'chat.zip'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = run.json<Array<{ id: string; title: string; parent?: string }>>();
    expect(out.map((o) => o.title)).toEqual(['Final warning', 'fir', 'Witness statement of AB', 'WhatsApp chat']);
    expect(out[0]!.parent).toBeUndefined();
    expect(out[1]!.parent).toBe(out[0]!.id);
    expect(out.slice(2).every((o) => o.parent === undefined)).toBe(true);

    for (const [query, title] of [['registered', 'fir'], ['relocate', 'Witness statement of AB'], ['tonight', 'WhatsApp chat']] as const) {
      const found = await sanad(ws, 'search', query, '--json');
      expect(JSON.stringify(found.json()), query).toContain(title);
    }

    expect((await sanad(ws, 'case', 'new', 'ab-2026', '--title', 'AB v SSHD')).code).toBe(0);
    const added = await sanad(ws, 'case', 'add', 'ab-2026', out[0]!.id, '--json');
    expect(added.code, added.stderr).toBe(0);
    const shown = JSON.stringify(added.json());
    expect(shown.indexOf(out[0]!.id)).toBeGreaterThan(0);
    expect(shown.indexOf(out[1]!.id)).toBeGreaterThan(shown.indexOf(out[0]!.id));
  }, 300_000);
});
