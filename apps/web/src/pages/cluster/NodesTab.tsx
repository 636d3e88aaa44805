import { ResourceTable, type TabProps } from './ResourceTable.js';

/** The cluster page's Nodes tab: the live Node objects with kubectl's columns. */
export function NodesTab(props: TabProps) {
  return <ResourceTable {...props} kind="Node" title="Nodes" />;
}
