import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Pods tab: the live Pod objects with kubectl's columns. */
export function PodsTab(props: TabProps) {
  return <ResourceTable {...props} kind="Pod" title="Pods" />;
}
