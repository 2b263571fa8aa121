/**
 * Commands raised by global shortcuts and handled by whichever view is showing
 * (find in the reader, build on a case page). A DOM event keeps views decoupled.
 */
export type Command = 'find' | 'build';

export function raise(command: Command): void {
  window.dispatchEvent(new CustomEvent(`sanad:${command}`));
}

export function onCommand(command: Command, handler: () => void): () => void {
  const listener = () => handler();
  window.addEventListener(`sanad:${command}`, listener);
  return () => window.removeEventListener(`sanad:${command}`, listener);
}
