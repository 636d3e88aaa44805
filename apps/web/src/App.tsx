import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { createApiClient, TRPCProvider } from './api/trpc.js';
import { SessionGate } from './auth/SessionGate.js';
import { Layout } from './components/Layout.js';
import { LiveEventsProvider } from './events/LiveEventsProvider.js';
import { AskPage } from './pages/AskPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { FindingsPage } from './pages/FindingsPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ReviewsPage } from './pages/ReviewsPage.js';
import { ValidatePage } from './pages/ValidatePage.js';

/**
 * The dashboard: API client and query cache, sign-in gate, live events, and the pages. Routes live in the URL's hash
 * (`/#/audit`), so the server needs no fallback route for deep links.
 */
export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false } } }),
  );
  const [trpcClient] = useState(() => createApiClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <SessionGate>
          <LiveEventsProvider>
            <HashRouter>
              <Routes>
                <Route element={<Layout />}>
                  <Route index element={<OverviewPage />} />
                  <Route path="ask" element={<AskPage />} />
                  <Route path="reviews" element={<ReviewsPage />} />
                  <Route path="findings" element={<FindingsPage />} />
                  <Route path="validate" element={<ValidatePage />} />
                  <Route path="audit" element={<AuditPage />} />
                </Route>
              </Routes>
            </HashRouter>
          </LiveEventsProvider>
        </SessionGate>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
