import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Ingresses tab: the live Ingress objects with kubectl's columns. */
export function IngressesTab(props: TabProps) {
  return <ResourceTable {...props} kind="Ingress" title="Ingresses" />;
}
