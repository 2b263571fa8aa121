/**
 * The words a caption and the integrity list use for a photo's provenance:
 * the camera's own clock (never converted to another zone), the camera, and
 * the position only when it was kept. No image library here: the bundle
 * imports it.
 */
import type { Camera, GpsPosition } from '../../model/index.ts';

export interface CaptureFields {
  capturedAt?: string;
  camera?: Camera;
  gps?: GpsPosition;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-04T10:15:30+05:00" → "4 March 2026, 10:15 (+05:00)": the camera's own clock, never converted. */
export function displayCapturedAt(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?(.*)$/.exec(iso);
  if (!m) return iso;
  const tz = m[6] ? ` (${m[6]})` : '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}, ${m[4]}:${m[5]}${tz}`;
}

export function captureLines(capture: CaptureFields): string[] {
  const lines: string[] = [];
  if (capture.capturedAt) lines.push(`Taken ${displayCapturedAt(capture.capturedAt)}`);
  const camera = [capture.camera?.make, capture.camera?.model].filter(Boolean).join(' ');
  if (camera) lines.push(`Camera: ${camera}`);
  if (capture.gps) lines.push(`Position: ${capture.gps.latitude.toFixed(5)}, ${capture.gps.longitude.toFixed(5)}`);
  return lines;
}

