/** An empty area that says what goes here and what to do next. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

export function EmptyState({ icon, title, children, action }: { icon: IconName; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 className="empty-title">{title}</h2>
      <p className="empty-text">{children}</p>
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
