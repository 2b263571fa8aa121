/**
 * Plain-words descriptions of why a JSON file could not be read, for
 * CorruptFileError messages: "line 4, column 3: Unexpected token '}'" for
 * broken syntax, "excerpts[3].page: expected a positive number" for data that
 * does not fit the schema.
 */
import type { z } from 'zod';

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** True when JSON.parse fails on `prefix` only because the text stops (or parses whole). */
function endsEarly(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    const message = (e as Error).message;
    const stated = /at position (\d+)/.exec(message);
    if (stated) return Number(stated[1]) >= prefix.length;
    return /end of (JSON )?input|Unterminated/i.test(message);
  }
}

/** Offset of the first character JSON.parse rejects: from V8's message, or by bisecting prefixes. */
function syntaxErrorPosition(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  if (/end of (JSON )?input/i.test(message)) return text.length;
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (endsEarly(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return bad - 1;
}

/** "line 4, column 3: Unexpected token '}'" (never quotes the file's content back). */
export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = syntaxErrorPosition(text, message);
  const short = message
    .replace(/,\s*(\.\.\.)?".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .trim();
  return `${lineAndColumn(text, position)}: ${short || 'not valid JSON'}`;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function sizeWords(issue: { origin?: unknown; minimum?: unknown; maximum?: unknown; inclusive?: unknown }, small: boolean): string {
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'number' || issue.origin === 'int') {
    if (small && limit === 0 && !inclusive) return 'expected a positive number';
    if (small && limit === 0) return 'expected a number not below 0';
    return `expected a number ${small ? (inclusive ? 'of at least' : 'above') : inclusive ? 'of at most' : 'below'} ${limit}`;
  }
  if (issue.origin === 'string') {
    if (small && limit === 1) return 'must not be empty';
    return `expected ${small ? 'at least' : 'at most'} ${limit} characters`;
  }
  return `expected ${small ? 'at least' : 'at most'} ${limit} item(s)`;
}

function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined && /received undefined/.test(issue.message)) return 'missing';
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}`;
    }
    case 'too_small':
      return sizeWords(issue, true);
    case 'too_big':
      return sizeWords(issue, false);
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** "excerpts[3].page: expected a positive number; title: must not be empty". */
export function describeSchemaIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => `${pathText(i.path)}: ${issueWords(i)}`);
  const more = error.issues.length - max;
  return parts.join('; ') + (more > 0 ? `; and ${more} more problem(s)` : '');
}
