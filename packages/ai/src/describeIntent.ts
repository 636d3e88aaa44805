import type { Intent, TargetPhrase } from './intent/intent.js';

const target = (t: TargetPhrase) =>
  `${t.kind ? `${t.kind.toLowerCase()} ` : ''}"${t.name}"${t.namespace ? ` in ${t.namespace}` : ''}`;

/** One line saying what the planner understood, shown with questions and refusals. */
export function describeIntent(intent: Intent): string {
  switch (intent.action) {
    case 'scale':
      return `scale ${target(intent.target)}`;
    case 'restart':
      return `restart ${target(intent.target)}`;
    case 'rollback':
      return `roll back ${target(intent.target)}${intent.toRevision ? ` to revision ${intent.toRevision}` : ''}`;
    case 'setImage':
      return `change the image of ${target(intent.target)} to ${intent.image ?? intent.tag}`;
    case 'setEnv':
      return `set ${Object.keys(intent.env).join(', ')} on ${target(intent.target)}`;
    case 'setResources':
      return `change the resources of ${target(intent.target)}`;
    case 'expose':
      return `expose ${target(intent.target)} on port ${intent.port}`;
    case 'create':
      return `create ${intent.kind} ${intent.name}`;
    case 'delete':
      return `delete ${target(intent.target)}`;
    case 'node':
      return `${intent.op} node "${intent.target.name}"`;
    case 'metadata':
      return `${Object.values(intent.values).every((v) => v === null) ? 'remove' : 'set'} ${intent.field} on ${target(intent.target)}`;
    case 'logs':
      return `read the logs of ${target(intent.target)}`;
    case 'list':
      return `list ${intent.kind.toLowerCase()}s${intent.namespace ? ` in ${intent.namespace}` : ''}`;
    case 'get':
      return `${intent.describe ? 'describe' : 'show'} ${target(intent.target)}`;
    case 'analyze':
      return intent.target ? `diagnose ${target(intent.target)}` : 'look for problems';
    case 'switchTraffic':
      return `switch service "${intent.target.name}" to ${intent.to}`;
    case 'resizeVolume':
      return `resize claim "${intent.target.name}" to ${intent.size}`;
  }
}
