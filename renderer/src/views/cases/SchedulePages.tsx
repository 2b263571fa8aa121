/**
 * Live length of the country information evidence schedule, printed from the
 * saved bundle a moment after each change, so the caseworker sees the
 * 12-page limit coming before the build rather than after it.
 */
import { useEffect, useState } from 'react';
import type { ScheduleLength } from '../../../../src/api/views.ts';
import { invoke } from '../../lib/api.ts';
import type { Draft } from './bundleDraft.ts';

const DELAY_MS = 1500;

export function SchedulePages({ slug, draft }: { slug: string; draft: Draft }) {
  const [length, setLength] = useState<ScheduleLength | undefined>();
  const [error, setError] = useState<string | undefined>();
  const key = JSON.stringify(draft.sections.map((s) => s.items.map((k) => k.item)));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      invoke('bundle.schedulePages', { slug })
        .then((r) => live && (setLength(r), setError(undefined)))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [slug, key]);
  if (error) return <p className="muted small" role="status">Schedule length unavailable: {error}</p>;
  if (!length || length.pages === 0) return null;
  const { pages, limit, excerpts } = length;
  const over = limit !== undefined && pages > limit;
  const near = limit !== undefined && !over && pages >= limit - 1;
  const cls = over ? 'badge badge-danger' : near ? 'badge badge-warning' : 'badge';
  return (
    <p className="schedule-pages" role="status" aria-live="polite">
      <span className={cls}>
        Schedule: {pages} page{pages === 1 ? '' : 's'}
        {limit !== undefined ? ` of ${limit}` : ''}
      </span>{' '}
      <span className="muted small">
        {excerpts} extract{excerpts === 1 ? '' : 's'}.
        {over && ' Over the limit: trim extracts or apply for permission before filing.'}
        {near && ' Close to the limit: further extracts may need the tribunal’s permission.'}
      </span>
    </p>
  );
}
