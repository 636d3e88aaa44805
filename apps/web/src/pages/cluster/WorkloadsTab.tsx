import { ResourceTable, type TabProps } from './ResourceTable.js';

const WORKLOADS = [
  { kind: 'Deployment', title: 'Deployments' },
  { kind: 'StatefulSet', title: 'StatefulSets' },
  { kind: 'DaemonSet', title: 'DaemonSets' },
  { kind: 'Job', title: 'Jobs' },
  { kind: 'CronJob', title: 'CronJobs' },
];

/** The cluster page's Workloads tab: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs, one table each. */
export function WorkloadsTab(props: TabProps) {
  return (
    <>
      {WORKLOADS.map((w) => (
        <ResourceTable key={w.kind} {...props} kind={w.kind} title={w.title} />
      ))}
    </>
  );
}
