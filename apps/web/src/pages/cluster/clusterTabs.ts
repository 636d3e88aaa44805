import type { ComponentType } from 'react';
import { EventsTab } from './EventsTab.js';
import { FindingsTab } from './FindingsTab.js';
import { IngressesTab } from './IngressesTab.js';
import { MetricsTab } from './MetricsTab.js';
import { NamespacesTab } from './NamespacesTab.js';
import { NodesTab } from './NodesTab.js';
import { PodsTab } from './PodsTab.js';
import { PvcsTab } from './PvcsTab.js';
import type { TabProps } from './ResourceTable.js';
import { ServicesTab } from './ServicesTab.js';
import { WorkloadsTab } from './WorkloadsTab.js';

/** One tab of the cluster page: its id (in the URL), its label and its component. */
export interface ClusterTab {
  id: string;
  label: string;
  component: ComponentType<TabProps>;
}

/** The cluster page's tabs in order; a new view of a cluster is one more file and one more entry here. */
export const CLUSTER_TABS: ClusterTab[] = [
  { id: 'pods', label: 'Pods', component: PodsTab },
  { id: 'workloads', label: 'Workloads', component: WorkloadsTab },
  { id: 'nodes', label: 'Nodes', component: NodesTab },
  { id: 'namespaces', label: 'Namespaces', component: NamespacesTab },
  { id: 'services', label: 'Services', component: ServicesTab },
  { id: 'ingresses', label: 'Ingresses', component: IngressesTab },
  { id: 'pvcs', label: 'PVCs', component: PvcsTab },
  { id: 'events', label: 'Events', component: EventsTab },
  { id: 'findings', label: 'Findings', component: FindingsTab },
  { id: 'metrics', label: 'Metrics', component: MetricsTab },
];
