/**
 * Breaking a stale lock: 20 processes race for a lock whose holder is dead,
 * round after round, and exactly one of them wins each time (the winner
 * stays alive holding it, so a second winner would be two writers at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '../../src/store/index.ts';
import { tempDir } from './helpers.ts';

const RACER = fileURLToPath(new URL('./fixtures/lock-racer.ts', import.meta.url));
const RACERS = 20;
const ROUNDS = 12;

let dir: string;
let cleanup: () => Promise<void>;
const racers: ChildProcess[] = [];

function next<T>(child: ChildProcess, pick: (m: Record<string, unknown>) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (pick(m as Record<string, unknown>)) {
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`racer ${child.pid} exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir);
  for (let i = 0; i < RACERS; i++) {
    const child = fork(RACER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    racers.push(child);
  }
  await Promise.all(racers.map((c) => next(c, (m) => m.ready === true)));
}, 120_000);

afterAll(async () => {
  for (const c of racers) if (c.connected) c.send({ quit: true });
  await Promise.all(racers.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  await cleanup();
});

describe('20 processes racing a dead holder’s lock', () => {
  it(`exactly one holder in each of ${ROUNDS} rounds, and no breaker file left behind`, async () => {
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
      await writeFile(path.join(dir, '.sanad.lock'), JSON.stringify({ pid: deadPid, host: os.hostname(), since: new Date().toISOString() }));
      const answers = racers.map((c) => next<{ got: boolean; code?: string }>(c, (m) => m.round === round));
      for (const c of racers) c.send({ round, ws: dir });
      const results = await Promise.all(answers);
      const won = results.map((r, i) => (r.got ? i : -1)).filter((i) => i >= 0);
      winners.push(won.length);
      expect(results.filter((r) => !r.got).every((r) => r.code === 'WORKSPACE_LOCKED'), JSON.stringify(results)).toBe(true);
      for (const i of won) {
        const released = next(racers[i]!, (m) => m.released === round);
        racers[i]!.send({ release: round });
        await released;
      }
    }
    expect(winners).toEqual(Array(ROUNDS).fill(1));
    expect((await readdir(dir)).filter((n) => n.startsWith('.sanad.lock'))).toEqual([]);
  }, 120_000);
});
