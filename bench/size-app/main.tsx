// The smallest real app: a client, the provider and the progress widget. bench/run.ts builds it
// and measures the JS the page loads before any model work starts.
import { createClient } from '@ondevice/core';
import { ModelProgress, OnDeviceProvider } from '@ondevice/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const client = createClient();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <OnDeviceProvider client={client}>
      <ModelProgress />
    </OnDeviceProvider>
  </StrictMode>,
);
