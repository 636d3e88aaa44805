import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Events tab: Kubernetes events newest first (type, reason, object, message, count, last seen). */
export function EventsTab(props: TabProps) {
  return <ResourceTable {...props} kind="Event" title="Events" />;
}
