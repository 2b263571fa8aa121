/** The left navigation: the four areas with their shortcuts, and the workspace summary. */
import type { WorkspaceInfo } from '../../../src/api/views.ts';
import { AREAS, type Area } from '../lib/nav.ts';
import { plural, shortcut } from '../lib/format.ts';
import { Icon } from './Icon.tsx';

interface Props {
  current: Area;
  info: WorkspaceInfo | undefined;
  onSelect: (area: Area) => void;
}

export function Sidebar({ current, info, onSelect }: Props) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">س</span>
        <span className="brand-name">Sanad</span>
      </div>
      <ul className="nav-list">
        {AREAS.map(({ area, label, key }) => (
          <li key={area}>
            <button
              type="button"
              className={`nav-item${current === area ? ' is-active' : ''}`}
              aria-current={current === area ? 'page' : undefined}
              onClick={() => onSelect(area)}
              title={`${label} (${shortcut(key)})`}
            >
              <Icon name={area} />
              <span className="nav-label">{label}</span>
              <kbd className="nav-kbd">{shortcut(key)}</kbd>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        {info && (
          <>
            <div className="ws-stats">
              {plural(info.sources, 'source')} · {plural(info.excerpts, 'excerpt')} · {plural(info.cases, 'case')}
            </div>
            <div className="ws-dir" title={info.dir}>
              {info.dir.split(/[\\/]/).filter(Boolean).slice(-2).join('/')}
            </div>
          </>
        )}
        <div className="offline-badge" title="Sanad never connects to the internet: client data stays on this computer.">
          <span className="dot" aria-hidden="true" /> Offline · data stays on this computer
        </div>
      </div>
    </nav>
  );
}
