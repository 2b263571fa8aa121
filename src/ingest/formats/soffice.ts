/**
 * Converts office files to PDF with LibreOffice, when it is installed:
 * headless, with a fresh temporary profile (so it never collides with the
 * user's open LibreOffice and leaves nothing behind), a time limit, and a
 * profile whose proxy points at a closed local port, so a linked image in a
 * document cannot make it reach the network.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConversionFailedError, ConverterMissingError } from '../../errors.ts';

const CANDIDATES = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** The soffice program: $SANAD_SOFFICE if set, else `soffice`/`libreoffice` on PATH, else the usual install places. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SANAD_SOFFICE !== undefined) return existsSync(env.SANAD_SOFFICE) ? env.SANAD_SOFFICE : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return CANDIDATES.find((c) => existsSync(c));
}

/** Seconds a conversion may take ($SANAD_SOFFICE_TIMEOUT, default 180). */
function timeoutMs(): number {
  const s = Number(process.env.SANAD_SOFFICE_TIMEOUT);
  return (Number.isFinite(s) && s > 0 ? s : 180) * 1000;
}

const OFFLINE_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

/** Converts `bytes` (named `name`, stored with extension `ext`) to PDF. */
export async function convertToPdf(name: string, bytes: Uint8Array, ext: string, kind: string): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new ConverterMissingError(name, kind);
  const work = await mkdtemp(join(tmpdir(), 'sanad-soffice-'));
  try {
    const profile = join(work, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), OFFLINE_PROFILE);
    const input = join(work, `input.${ext}`);
    await writeFile(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      '--convert-to', 'pdf', '--outdir', work, input,
    ];
    const env = { ...process.env, http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', no_proxy: '', NO_PROXY: '' };
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: timeoutMs(), killSignal: 'SIGKILL', env, windowsHide: true }, (error, _stdout, stderr) => {
        if (error) {
          const detail = error.killed ? `it took longer than ${timeoutMs() / 1000} s` : String(stderr).trim().split('\n').pop() || error.message;
          reject(new ConversionFailedError(name, detail, error));
        } else resolve();
      });
    });
    try {
      return new Uint8Array(await readFile(join(work, 'input.pdf')));
    } catch (error) {
      throw new ConversionFailedError(name, 'it produced no PDF; the file may be damaged or password-protected', error);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
