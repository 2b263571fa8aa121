/**
 * Provenance a photo carries in its EXIF data: when it was taken and with
 * which camera. GPS is read only when the caseworker asks for it (import
 * option --keep-gps): a position can locate a family still at risk, so by
 * default it is dropped and never stored.
 */
import exifr from 'exifr';
import type { Camera, GpsPosition } from '../../model/index.ts';

export interface Capture {
  capturedAt?: string;
  camera?: Camera;
  gps?: GpsPosition;
  /** EXIF orientation (1–8) as stored, before it was applied. */
  orientation?: number;
}

/** "2026:03:04 10:15:30" (+ "+05:00") → "2026-03-04T10:15:30+05:00"; undefined when not a date. */
export function exifDate(value: unknown, offset?: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const tz = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${tz}`;
}

function clean(value: unknown): string | undefined {
  return typeof value === 'string' && value.replace(/\0/g, '').trim() ? value.replace(/\0/g, '').trim() : undefined;
}

export async function readCapture(bytes: Uint8Array, options: { keepGps?: boolean } = {}): Promise<Capture> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      tiff: true,
      exif: true,
      gps: options.keepGps === true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      reviveValues: false,
      translateValues: false,
    }) as Record<string, unknown> | undefined;
  } catch {
    return {};
  }
  if (!tags) return {};
  const out: Capture = {};
  const at = exifDate(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ?? exifDate(tags.CreateDate, tags.OffsetTimeDigitized);
  if (at) out.capturedAt = at;
  const make = clean(tags.Make);
  const model = clean(tags.Model);
  if (make || model) out.camera = { ...(make ? { make } : {}), ...(model ? { model } : {}) };
  if (typeof tags.Orientation === 'number') out.orientation = tags.Orientation;
  if (options.keepGps) {
    const gps = await exifr.gps(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).catch(() => undefined);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) out.gps = { latitude: gps.latitude, longitude: gps.longitude };
  }
  return out;
}
