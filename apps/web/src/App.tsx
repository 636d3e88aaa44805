import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { isUnauthenticated } from './api/errorText.js';
import { shouldRetry } from './api/shouldRetry.js';
import { createApiClient, TRPCProvider } from './api/trpc.js';
import { SessionGate } from './auth/SessionGate.js';
import { Layout } from './components/Layout.js';
import { LiveEventsProvider } from './events/LiveEventsProvider.js';
import { AuditPage } from './pages/AuditPage.js';
import { AlertsPage } from './pages/alerts/AlertsPage.js';
import { AnomaliesPage } from './pages/anomalies/AnomaliesPage.js';
import { AskPage } from './pages/ask/AskPage.js';
import { ClusterPage } from './pages/ClusterPage.js';
import { ChatPage } from './pages/chat/ChatPage.js';
import { CostPage } from './pages/cost/CostPage.js';
import { DeliveryPage } from './pages/delivery/DeliveryPage.js';
import { RunsDoraPage } from './pages/delivery-runs/RunsDoraPage.js';
import { TestsPage } from './pages/delivery-runs/TestsPage.js';
import { FindingsPage } from './pages/FindingsPage.js';
import { GeneratePage } from './pages/generate/GeneratePage.js';
import { GpusPage } from './pages/gpus/GpusPage.js';
import { SelfHealingPage } from './pages/healing/SelfHealingPage.js';
import { IncidentPage } from './pages/incidents/IncidentPage.js';
import { IncidentsPage } from './pages/incidents/IncidentsPage.js';
import { LogsPage } from './pages/logs/LogsPage.js';
import { ClustersPage } from './pages/manage-clusters/ClustersPage.js';
import { MetricsPage } from './pages/metrics/MetricsPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ReviewsPage } from './pages/ReviewsPage.js';
import { DocsPage } from './pages/reports/DocsPage.js';
import { ReportsPage } from './pages/reports/ReportsPage.js';
import { SecurityPage } from './pages/security/SecurityPage.js';
import { TracesPage } from './pages/traces/TracesPage.js';
import { ValidatePage } from './pages/ValidatePage.js';

/**
 * The dashboard: API client and query cache, sign-in gate, live events, and the pages. Routes live in the URL's hash
 * (`/#/audit`), so the server needs no fallback route for deep links.
 */
export function App() {
  const [queryClient] = useState(() => {
    const isSession = (key: readonly unknown[]) => JSON.stringify(key).includes('"session"');
    const client: QueryClient = new QueryClient({
      // A session that ended (idle timeout, sign-out elsewhere) sends the page back to the sign-in form.
      queryCache: new QueryCache({
        onError: (error, query) => {
          if (isUnauthenticated(error) && !isSession(query.queryKey)) {
            void client.invalidateQueries({ predicate: (q) => isSession(q.queryKey) });
          }
        },
      }),
      defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false, retry: shouldRetry } },
    });
    return client;
  });
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
                  <Route path="clusters" element={<ClustersPage />} />
                  <Route path="clusters/:id" element={<ClusterPage />} />
                  <Route path="ask" element={<AskPage />} />
                  <Route path="chat" element={<ChatPage />} />
                  <Route path="reviews" element={<ReviewsPage />} />
                  <Route path="findings" element={<FindingsPage />} />
                  <Route path="validate" element={<ValidatePage />} />
                  <Route path="generate" element={<GeneratePage />} />
                  <Route path="alerts" element={<AlertsPage />} />
                  <Route path="anomalies" element={<AnomaliesPage />} />
                  <Route path="healing" element={<SelfHealingPage />} />
                  <Route path="security" element={<SecurityPage />} />
                  <Route path="cost" element={<CostPage />} />
                  <Route path="delivery" element={<DeliveryPage />} />
                  <Route path="reports" element={<ReportsPage />} />
                  <Route path="runs" element={<RunsDoraPage />} />
                  <Route path="tests" element={<TestsPage />} />
                  <Route path="docs" element={<DocsPage />} />
                  <Route path="incidents" element={<IncidentsPage />} />
                  <Route path="incidents/:id" element={<IncidentPage />} />
                  <Route path="logs" element={<LogsPage />} />
                  <Route path="traces" element={<TracesPage />} />
                  <Route path="metrics" element={<MetricsPage />} />
                  <Route path="gpus" element={<GpusPage />} />
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
