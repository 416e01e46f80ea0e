import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { setUpI18n } from './i18n/index.js';
import { reloadWhenChunksAreGone } from './reload-on-new-version.js';

reloadWhenChunksAreGone();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// The first render waits for the reader's dictionary (a chunk of its own unless it is English).
void setUpI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
