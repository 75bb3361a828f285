/** The app drawn into index.html's #root; loaded by main.tsx once the first questions are asked. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { earlyAnswers } from './api/client';
import { prefetchApi } from './api/queryClient';
import { App } from './app/App';

/**
 * Drawn once the gates' first answers (src/firstCalls.ts) are in, which they nearly always are by the time
 * the app's scripts have run: the first render is then the screen itself (the gates' spinners are never
 * drawn and their styles never made). A host slow to answer gets a second before the spinners show.
 */
export async function mount(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  await Promise.race([earlyAnswers(['recovery.status', 'auth.status']), new Promise((done) => setTimeout(done, 1_000))]);
  // StartGate's question (AuthGate takes its own answer)
  prefetchApi('recovery.status', undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
