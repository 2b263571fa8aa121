/**
 * Records the numbered paragraph on an excerpt whenever it is anchored
 * (created or re-anchored), from the source's page text.
 */
import { paragraphOf } from '../cite/paragraphs.ts';
import type { Excerpt, PageText } from '../model/index.ts';

export function withParagraph(excerpt: Excerpt, pages: readonly PageText[]): Excerpt {
  const paragraph = paragraphOf(pages, excerpt.page, excerpt.position.start);
  const { paragraph: _old, ...rest } = excerpt;
  return paragraph === undefined ? rest : { ...rest, paragraph };
}
