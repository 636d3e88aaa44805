import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Namespaces tab: the live Namespace objects with kubectl's columns. */
export function NamespacesTab(props: TabProps) {
  return <ResourceTable {...props} kind="Namespace" title="Namespaces" />;
}
