/** Test helper: runs the sanad CLI in-process and captures its output. */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: <T = unknown>() => T;
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function sanad(workspace: string, ...args: string[]): Promise<CliRun> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(['node', 'sanad', '--workspace', workspace, ...args], { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text, json: <T>() => JSON.parse(stdout.text) as T };
}
