/**
 * Outlook .msg files for the tests, built here: an OLE compound file written
 * by the `cfb` package (SheetJS) holding the MAPI property streams of
 * [MS-OXMSG] that Outlook writes: a property stream per storage (fixed-size
 * values inline), one "__substg1.0_IIIITTTT" stream per string or binary
 * property, a storage per recipient and per attachment, and an attached
 * message as an embedded storage (PT_OBJECT 3701000D). The RTF body is
 * compressed in the LZFu format (literal runs only, which is valid).
 */
import CFB from 'cfb';

const PT_LONG = 0x0003;
const PT_SYSTIME = 0x0040;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;

type Value = { unicode: string } | { binary: Uint8Array } | { long: number } | { time: Date };
type Props = Record<number, Value>; // property id → value

export interface MsgSpec {
  props: Props;
  recipients?: Array<{ name: string; email: string; type: 'to' | 'cc' | 'bcc' }>;
  attachments?: Array<{ name: string; bytes: Uint8Array; mime?: string } | { name: string; message: MsgSpec }>;
}

export const PROP = {
  subject: 0x0037,
  senderName: 0x0c1a,
  senderEmail: 0x0c1f,
  senderSmtp: 0x5d01,
  headers: 0x007d,
  body: 0x1000,
  html: 0x1013,
  rtfCompressed: 0x1009,
  submitTime: 0x0039,
  deliveryTime: 0x0e06,
} as const;

function typeOf(v: Value): number {
  if ('unicode' in v) return PT_UNICODE;
  if ('binary' in v) return PT_BINARY;
  if ('long' in v) return PT_LONG;
  return PT_SYSTIME;
}

const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');

/** Adds a storage's streams under `prefix`; `header` is the property stream's header length (32 root, 24 embedded, 8 others). */
function addStorage(cfb: CFB.CFB$Container, prefix: string, props: Props, header: number, counts?: { recipients: number; attachments: number }): void {
  const entries: Buffer[] = [];
  for (const [idText, value] of Object.entries(props)) {
    const id = Number(idText);
    const type = typeOf(value);
    const tag = ((id << 16) | type) >>> 0;
    const entry = Buffer.alloc(16);
    entry.writeUInt32LE(tag, 0);
    entry.writeUInt32LE(0x06, 4);
    if ('long' in value) entry.writeUInt32LE(value.long, 8);
    else if ('time' in value) {
      const filetime = BigInt(value.time.getTime()) * 10000n + 116444736000000000n;
      entry.writeBigUInt64LE(filetime, 8);
    } else {
      const data = 'unicode' in value ? Buffer.concat([Buffer.from(value.unicode, 'utf16le'), Buffer.alloc(2)]) : Buffer.from(value.binary);
      entry.writeUInt32LE(data.length, 8);
      const stream = 'unicode' in value ? data.subarray(0, data.length - 2) : data;
      CFB.utils.cfb_add(cfb, `${prefix}__substg1.0_${hex(id, 4)}${hex(type, 4)}`, stream);
    }
    entries.push(entry);
  }
  const head = Buffer.alloc(header);
  if (counts && header >= 24) {
    head.writeUInt32LE(counts.recipients, 8);
    head.writeUInt32LE(counts.attachments, 12);
    head.writeUInt32LE(counts.recipients, 16);
    head.writeUInt32LE(counts.attachments, 20);
  }
  CFB.utils.cfb_add(cfb, `${prefix}__properties_version1.0`, Buffer.concat([head, ...entries]));
}

function addMessage(cfb: CFB.CFB$Container, prefix: string, spec: MsgSpec, header: number): void {
  const recipients = spec.recipients ?? [];
  const attachments = spec.attachments ?? [];
  addStorage(cfb, prefix, spec.props, header, { recipients: recipients.length, attachments: attachments.length });
  recipients.forEach((r, i) => {
    const type = { to: 1, cc: 2, bcc: 3 }[r.type];
    addStorage(cfb, `${prefix}__recip_version1.0_#${hex(i, 8)}/`, { 0x3001: { unicode: r.name }, 0x3003: { unicode: r.email }, 0x39fe: { unicode: r.email }, 0x0c15: { long: type } }, 8);
  });
  attachments.forEach((a, i) => {
    const at = `${prefix}__attach_version1.0_#${hex(i, 8)}/`;
    if ('message' in a) {
      addStorage(cfb, at, { 0x3707: { unicode: a.name }, 0x3704: { unicode: a.name }, 0x3001: { unicode: a.name }, 0x3705: { long: 5 } }, 8);
      addMessage(cfb, `${at}__substg1.0_3701000D/`, a.message, 24);
    } else {
      const props: Props = { 0x3707: { unicode: a.name }, 0x3704: { unicode: a.name }, 0x3701: { binary: a.bytes }, 0x3705: { long: 1 } };
      if (a.mime) props[0x370e] = { unicode: a.mime };
      addStorage(cfb, at, props, 8);
    }
  });
}

export function buildMsg(spec: MsgSpec): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  addMessage(cfb, '/', spec, 32);
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** PR_RTF_COMPRESSED bytes for `rtf` (LZFu, literal runs only). */
export function compressRtf(rtf: string): Uint8Array {
  const raw = Buffer.from(rtf, 'latin1');
  const chunks: Buffer[] = [];
  for (let i = 0; i < raw.length; i += 8) chunks.push(Buffer.concat([Buffer.from([0]), raw.subarray(i, i + 8)]));
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(16);
  head.writeUInt32LE(body.length + 12, 0);
  head.writeUInt32LE(raw.length, 4);
  head.writeUInt32LE(0x75465a4c, 8); // "LZFu"
  head.writeUInt32LE(0, 12);
  return new Uint8Array(Buffer.concat([head, body]));
}
