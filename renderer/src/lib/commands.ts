/**
 * Commands raised by global shortcuts and menu items, handled by whichever
 * view is showing (find in the reader, build on a case page). A cancelable DOM
 * event keeps views decoupled: a view that handles the command cancels the
 * event, so the shell knows whether anyone did.
 */
export type Command = 'find' | 'build';

/** Raises a command; true when a showing view handled it. */
export function raise(command: Command): boolean {
  return !window.dispatchEvent(new CustomEvent(`sanad:${command}`, { cancelable: true }));
}

export function onCommand(command: Command, handler: () => void): () => void {
  const listener = (e: Event) => {
    e.preventDefault();
    handler();
  };
  window.addEventListener(`sanad:${command}`, listener);
  return () => window.removeEventListener(`sanad:${command}`, listener);
}
