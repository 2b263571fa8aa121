/**
 * Defence in depth inside the page (the Electron shell also denies these):
 * the renderer never opens windows and never follows a link off the app, so a
 * link inside an imported document cannot leak that a client's file was read.
 */
export function installNavigationGuard(): void {
  window.open = () => null;
  const here = window.location.origin;
  document.addEventListener(
    'click',
    (e) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const leaves = link.target === '_blank' || link.hasAttribute('download') || new URL(link.href, window.location.href).origin !== here;
      if (leaves) e.preventDefault();
    },
    true,
  );
  document.addEventListener('auxclick', (e) => (e.target as Element | null)?.closest?.('a[href]') && e.preventDefault(), true);
}
