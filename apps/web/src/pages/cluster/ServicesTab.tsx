import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Services tab: the live Service objects with kubectl's columns. */
export function ServicesTab(props: TabProps) {
  return <ResourceTable {...props} kind="Service" title="Services" />;
}
