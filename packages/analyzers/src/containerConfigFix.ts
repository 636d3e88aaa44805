import type { ProposedFix } from '@opspilot/core';

const MISSING_KEY = /couldn't find key (\S+) in (ConfigMap|Secret) ([^/\s]+)\/([^\s:]+)/;
const NO_EXECUTABLE = /exec: "([^"]+)": (?:executable file not found in \$PATH|stat \S+: no such file or directory)/;

/**
 * The fix a container's start error calls for, read from the kubelet's message: a key a ConfigMap or Secret lacks is
 * added to that object (or the reference corrected); a command the image does not hold is corrected in the template.
 * Undefined when the message names nothing to fix (the caller keeps its generic advice).
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/
 */
export function containerConfigFix(message: string, workload: string, container: string): ProposedFix | undefined {
  const key = MISSING_KEY.exec(message);
  if (key) {
    const [, name = '', kind = '', ns = '', object = ''] = key;
    const field = kind === 'Secret' ? 'stringData' : 'data';
    const body = { [field]: { [name]: '<value>' } };
    return {
      description: `${kind} ${object} has no key ${name}, which container ${container} reads: add the key to the ${kind} (replace <value>), or correct the key in the reference of ${workload}`,
      command: `kubectl patch ${kind.toLowerCase()} ${object} -n ${ns} --type merge -p '${JSON.stringify(body)}'`,
    };
  }
  const exec = NO_EXECUTABLE.exec(message);
  if (exec) {
    return {
      description: `The image of container ${container} has no ${exec[1]}: correct the command (or args) of ${workload}, or use an image that contains it`,
      command: `kubectl get ${workload} -o jsonpath='{.spec.template.spec.containers[?(@.name=="${container}")].command}'`,
    };
  }
  return undefined;
}
