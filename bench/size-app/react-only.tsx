// Baseline of the size measurement: the same app shell with React alone, so the difference to
// main.tsx is what @ondevice/core and @ondevice/react add.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <div role="progressbar" aria-label="Model" />
  </StrictMode>,
);
