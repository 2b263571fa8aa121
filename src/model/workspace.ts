/** The workspace marker file: identifies a folder as a Sanad workspace. */
import { z } from 'zod';
import { TribunalId } from './case.ts';

export const WorkspaceFile = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('sanad-workspace'),
  createdAt: z.string(),
  /** How files are arranged on disk (src/store/migrations.ts LAYOUT_VERSION); 1 when absent. */
  layoutVersion: z.number().int().positive().optional(),
  settings: z
    .object({
      defaultTribunal: TribunalId.default('uk-ftt-iac'),
      stalenessMonths: z.number().int().positive().default(24),
    })
    .default({ defaultTribunal: 'uk-ftt-iac', stalenessMonths: 24 }),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;
