import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's PersistentVolumeClaims tab: the live PersistentVolumeClaim objects with kubectl's columns. */
export function PvcsTab(props: TabProps) {
  return <ResourceTable {...props} kind="PersistentVolumeClaim" title="PersistentVolumeClaims" />;
}
