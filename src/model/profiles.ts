/**
 * Tribunal profiles: what each forum requires of a bundle (paper, numbering,
 * generated parts, size limits). Sources: the product brief's research summary.
 */
import type { GeneratedPart, Pagination } from './bundle.ts';
import type { TribunalId } from './case.ts';

export interface TribunalProfile {
  id: TribunalId;
  name: string;
  court: string;
  paper: 'A4' | 'Letter';
  pagination: Pagination;
  /** Largest file the tribunal accepts, in megabytes (undefined: no limit). */
  maxFileMB: number | undefined;
  /** Schedule page limit before permission is needed (undefined: none). */
  schedulePageLimit: number | undefined;
  /** Generated parts a new bundle starts with, in order. */
  frontMatter: GeneratedPart[];
  backMatter: GeneratedPart[];
  /** Exhibit tabs (US practice) instead of section dividers. */
  exhibitTabs: boolean;
}

export const PROFILES: Record<TribunalId, TribunalProfile> = {
  'uk-ftt-iac': {
    id: 'uk-ftt-iac',
    name: 'UK First-tier Tribunal (IAC)',
    court: 'First-tier Tribunal (Immigration and Asylum Chamber)',
    paper: 'A4',
    pagination: 'continuous',
    maxFileMB: undefined,
    schedulePageLimit: 12,
    frontMatter: ['cover', 'index', 'schedule', 'chronology'],
    backMatter: ['integrity'],
    exhibitTabs: false,
  },
  'uk-ut-iac': {
    id: 'uk-ut-iac',
    name: 'UK Upper Tribunal (IAC)',
    court: 'Upper Tribunal (Immigration and Asylum Chamber)',
    paper: 'A4',
    pagination: 'continuous',
    maxFileMB: 50,
    schedulePageLimit: 12,
    frontMatter: ['cover', 'index', 'schedule', 'chronology'],
    backMatter: ['integrity'],
    exhibitTabs: false,
  },
  'us-eoir': {
    id: 'us-eoir',
    name: 'US Immigration Court (EOIR)',
    court: 'United States Department of Justice, Executive Office for Immigration Review, Immigration Court',
    paper: 'Letter',
    pagination: 'continuous',
    maxFileMB: 25,
    schedulePageLimit: undefined,
    frontMatter: ['cover', 'index', 'schedule', 'chronology'],
    backMatter: ['integrity', 'certificate-of-service'],
    exhibitTabs: true,
  },
};
