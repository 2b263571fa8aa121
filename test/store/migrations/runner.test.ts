import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CorruptFileError, NewerVersionFileError } from '../../../src/errors.ts';
import { parseStored, readJson } from '../../../src/store/json-file.ts';
import { runMigrations, type Migration } from '../../../src/store/migrations.ts';
import { tempDir } from '../helpers.ts';

/** A test-only file kind: notes whose v1 had `body`, v2 renamed it to `text`, v3 added `pinned`. */
const fixture: Migration<'note'>[] = [
  { kind: 'note', from: 2, to: 3, describe: 'adds pinned', up: (raw) => ({ ...(raw as object), pinned: false }) },
  {
    kind: 'note',
    from: 1,
    to: 2,
    describe: 'renames body to text',
    up: (raw) => {
      const { body, ...rest } = raw as { body: string };
      return { ...rest, text: body };
    },
  },
];

const run = (raw: unknown, current = 3, registry: Migration<'note'>[] = fixture) =>
  runMigrations(raw, { kind: 'note', current, file: 'note.json', registry });

describe('the migration runner', () => {
  it('applies the steps in order up to the current version, whatever their order in the registry', () => {
    expect(run({ schemaVersion: 1, body: 'hello' })).toEqual({ schemaVersion: 3, text: 'hello', pinned: false });
    expect(run({ schemaVersion: 2, text: 'hi' })).toEqual({ schemaVersion: 3, text: 'hi', pinned: false });
    expect(run({ schemaVersion: 3, text: 'x', pinned: true })).toEqual({ schemaVersion: 3, text: 'x', pinned: true });
  });

  it('does not change the object it was given', () => {
    const raw = { schemaVersion: 1, body: 'hello' };
    run(raw);
    expect(raw).toEqual({ schemaVersion: 1, body: 'hello' });
  });

  it('a file from a newer Sanad asks for an update', () => {
    expect(() => run({ schemaVersion: 4 })).toThrow(NewerVersionFileError);
    expect(() => run({ schemaVersion: 4 })).toThrow(/note\.json was made by a newer version of Sanad .*update Sanad/);
  });

  it('reports a missing or odd schemaVersion, a gap in the chain and a failing step as a corrupt file', () => {
    expect(() => run({ body: 'x' })).toThrow(/schemaVersion: missing/);
    expect(() => run({ schemaVersion: '1' })).toThrow(/schemaVersion: expected a whole number/);
    expect(() => run([1, 2])).toThrow(/expected a JSON object/);
    expect(() => run({ schemaVersion: 1, body: 'x' }, 3, [fixture[0]!])).toThrow(/no upgrade from note version 1/);
    const failing: Migration<'note'> = { kind: 'note', from: 1, to: 2, up: () => { throw new Error('body is not text'); } };
    expect(() => run({ schemaVersion: 1 }, 2, [failing])).toThrow(CorruptFileError);
    expect(() => run({ schemaVersion: 1 }, 2, [failing])).toThrow(/upgrading from version 1 to 2 failed: body is not text/);
  });
});

describe('migrations while reading a stored file', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  // A stand-in "tags" schema at version 2, where colour became optional and `hidden` appeared.
  const TagsV2 = z.object({
    schemaVersion: z.literal(2),
    tags: z.array(z.object({ id: z.string(), name: z.string(), hidden: z.boolean() })),
  });
  const tagsV1toV2: Migration = {
    kind: 'tags',
    from: 1,
    to: 2,
    up: (raw) => {
      const file = raw as { tags: Array<{ id: string; name: string }> };
      return { ...file, tags: file.tags.map((t) => ({ id: t.id, name: t.name, hidden: false })) };
    },
  };

  it('reads a version 1 file through the chain, validates the result, and never writes while reading', async () => {
    const file = path.join(dir, 'tags.json');
    const v1 = '{\n  "schemaVersion": 1,\n  "tags": [{ "id": "t-credibility", "name": "Credibility", "colour": "#cdb4db" }]\n}\n';
    await writeFile(file, v1);
    const read = await readJson(file, 'tags', TagsV2, [tagsV1toV2]);
    expect(read).toEqual({ schemaVersion: 2, tags: [{ id: 't-credibility', name: 'Credibility', hidden: false }] });
    expect(await readFile(file, 'utf8')).toBe(v1);
  });

  it('a migrated result that fails the new schema is a corrupt file naming the field', () => {
    const text = JSON.stringify({ schemaVersion: 1, tags: [{ id: 7, name: 'x' }] });
    expect(() => parseStored(text, 'tags.json', 'tags', TagsV2, [tagsV1toV2])).toThrow(/tags\.json .*\(tags\[0\]\.id: expected text\)/);
  });
});
