import { createClient } from '@ondevice/core';
import { OnDeviceProvider } from '@ondevice/react';
import '@ondevice/react/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './playground.css';

// One client for the whole app: the model loads once, inference runs in a Web Worker, and
// the backend is chosen by measuring the candidates on this device.
const client = createClient();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <OnDeviceProvider client={client}>
      <App />
    </OnDeviceProvider>
  </StrictMode>,
);
