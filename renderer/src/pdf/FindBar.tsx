/** Find in the document: pdf.js's find controller, with next/previous and a match count. */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../components/Icon.tsx';

interface Bus {
  dispatch: (name: string, data: object) => void;
  on: (name: string, listener: (e: { matchesCount?: { current: number; total: number } }) => void) => void;
  off: (name: string, listener: (e: { matchesCount?: { current: number; total: number } }) => void) => void;
}

export function FindBar({ eventBus, onClose }: { eventBus: Bus; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [count, setCount] = useState<{ current: number; total: number } | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    const listener = (e: { matchesCount?: { current: number; total: number } }) => e.matchesCount && setCount(e.matchesCount);
    eventBus.on('updatefindmatchescount', listener);
    eventBus.on('updatefindcontrolstate', listener);
    return () => {
      eventBus.off('updatefindmatchescount', listener);
      eventBus.off('updatefindcontrolstate', listener);
    };
  }, [eventBus]);

  const find = (type: '' | 'again', findPrevious = false, q = query) =>
    eventBus.dispatch('find', { source: null, type, query: q, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious, matchDiacritics: false });

  const close = () => {
    eventBus.dispatch('findbarclose', { source: null });
    onClose();
  };

  return (
    <div className="find-bar" role="search">
      <Icon name="search" />
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          find('', false, e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find('again', e.shiftKey);
          if (e.key === 'Escape') close();
        }}
      />
      <span className="muted find-count" aria-live="polite">
        {query && count ? (count.total ? `${count.current} of ${count.total}` : 'No matches') : ''}
      </span>
      <button type="button" className="icon-btn" aria-label="Previous match" onClick={() => find('again', true)}>
        <Icon name="chevronUp" />
      </button>
      <button type="button" className="icon-btn" aria-label="Next match" onClick={() => find('again')}>
        <Icon name="chevronDown" />
      </button>
      <button type="button" className="icon-btn" aria-label="Close find" onClick={close}>
        <Icon name="close" />
      </button>
    </div>
  );
}
