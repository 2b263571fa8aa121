// Lint rules that hold the architecture in place: the core (src/) never reaches
// for Electron, React, the renderer or the DOM, so it runs the same in the CLI,
// the tests and the app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const coreBoundary = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src/ is the core: keep Electron in electron/ behind an adapter.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/ is the core: UI code belongs in renderer/.' },
    { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'src/ must not import the renderer.' },
    { group: ['**/electron/**'], message: 'src/ must not import the Electron shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-renderer', 'out', 'release', 'coverage', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreBoundary],
      // The DOM does not exist in the core: forbid its globals outright.
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/ runs without a DOM.' },
        { name: 'document', message: 'src/ runs without a DOM.' },
        { name: 'navigator', message: 'src/ runs without a DOM.' },
        { name: 'localStorage', message: 'src/ runs without a DOM.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron'], message: 'The renderer talks to the core only through window.sanad (the preload API).' },
        { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer is sandboxed: no Node modules.' },
      ] }],
    },
  },
  {
    // The renderer's build script runs in Node, not in the sandboxed page.
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
