import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { onContractEvent, onEventsReconnected } from './api/client.ts';
import { readSessionToken } from './api/sessionToken.ts';
import { connectEvents } from './query/connectEvents.ts';
import { queryClient } from './query/queryClientInstance.ts';
import { App } from './App.tsx';

// Take the preview token out of the address bar before anything else reads or shows the URL.
readSessionToken();
connectEvents(queryClient, { onEvent: onContractEvent, onReconnect: onEventsReconnected });

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
