/** Entry point: fonts bundled locally, styles, and the app inside its providers. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import './styles/app.css';
import { App } from './App.tsx';
import { NoticesProvider } from './lib/notices.tsx';
import { installNavigationGuard } from './lib/guard.ts';

installNavigationGuard();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <NoticesProvider>
        <App />
      </NoticesProvider>
    </StrictMode>,
  );
}
