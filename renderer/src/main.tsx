import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/app.css';
import { readSessionToken } from './api/sessionToken.ts';
import { App } from './App.tsx';

// Take the preview token out of the address bar before anything else reads or shows the URL.
readSessionToken();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
