/**
 * A balanced page tree for the assembled bundle. pdf-lib appends every page
 * to the one root /Pages node; readers (pdfjs among them) look a page up by
 * walking the kids, so a flat tree of thousands of pages makes opening every
 * page quadratic. This regroups the leaves, in order, under intermediate
 * /Pages nodes of at most PAGE_TREE_FANOUT kids, level by level, before save.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFPageTree, PDFRef, type PDFDocument } from '@cantoo/pdf-lib';

/** Kids per intermediate node: one lookup touches at most this many per level. */
export const PAGE_TREE_FANOUT = 64;

interface Node {
  ref: PDFRef;
  count: number;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Rebuilds the tree under the root /Pages node so no node has more than
 * `fanout` kids. Page order, page objects and their refs are unchanged, so
 * links, bookmarks and labels that point at pages stay valid. Deterministic:
 * new nodes are registered in page order. Expects the pdf-lib shape, where
 * every page is a direct kid of the root (anything else is left as it is).
 */
export function balancePageTree(doc: PDFDocument, fanout = PAGE_TREE_FANOUT): void {
  const context = doc.context;
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  const root = doc.catalog.Pages();
  if (!(rootRef instanceof PDFRef)) return;
  const kids = root.Kids();
  if (kids.size() <= fanout) return;
  const leaves: Node[] = [];
  for (let i = 0; i < kids.size(); i++) {
    const ref = kids.get(i);
    if (!(ref instanceof PDFRef) || context.lookup(ref) instanceof PDFPageTree) return;
    leaves.push({ ref, count: 1 });
  }
  let level = leaves;
  while (level.length > fanout) {
    level = chunk(level, fanout).map((group) => {
      const node = PDFPageTree.withContext(context, rootRef);
      const ref = context.register(node);
      const count = group.reduce((n, kid) => n + kid.count, 0);
      node.set(PDFName.of('Kids'), context.obj(group.map((kid) => kid.ref)) as PDFArray);
      node.set(PDFName.of('Count'), PDFNumber.of(count));
      for (const kid of group) context.lookup(kid.ref, PDFDict).set(PDFName.of('Parent'), ref);
      return { ref, count };
    });
  }
  root.set(PDFName.of('Kids'), context.obj(level.map((kid) => kid.ref)) as PDFArray);
  root.set(PDFName.of('Count'), PDFNumber.of(leaves.length));
}

/**
 * Makes `doc.addPage` put the page straight at the end of the root /Pages
 * node. pdf-lib finds where page n goes by visiting the root's kids one by
 * one (a lookup each), so adding n pages to a flat tree costs n²/2 lookups:
 * about 5 s at 10,000 pages. The bundle's document is built by appending
 * pages to an empty tree, so while the root holds exactly the pages added
 * here, the new page is the next one, and pdf-lib's walk would put it at the
 * end as well; anything else (another index, a tree changed meanwhile, e.g.
 * balanced) goes through pdf-lib's own insertLeafNode.
 */
export function appendPagesDirectly(doc: PDFDocument): void {
  const catalog = doc.catalog;
  const insert = catalog.insertLeafNode.bind(catalog);
  let appended = 0;
  catalog.insertLeafNode = (leafRef: PDFRef, index: number): PDFRef => {
    const rootRef = catalog.get(PDFName.of('Pages'));
    const root = catalog.Pages();
    if (rootRef instanceof PDFRef && index === appended && root.Kids().size() === appended && root.Count().asNumber() === appended) {
      root.pushLeafNode(leafRef);
      appended++;
      return rootRef;
    }
    appended = -1;
    return insert(leafRef, index);
  };
}
