import { describe, expect, it } from 'vitest';
import { planOffline } from '../planOffline.js';
import { memoryGateway, plannerCluster } from '../testing/index.js';

// Out-of-scope and nonsense requests, and requests naming objects that do not exist: a refusal or a question, never
// a plan on an invented object.
const GUARD = [
  'make me a sandwich',
  "what's the weather in paris",
  'tell me a joke',
  'banana purple elephant',
  'asdf qwerty',
  'hello there',
  'thanks a lot',
  'exec into backend and run ls',
  'port-forward frontend 8080',
  'ssh into sim-worker-1',
  'open a shell in the backend pod',
  'copy a file out of the frontend pod',
  'install the prometheus helm chart',
  'upgrade kubernetes to the next minor version',
  'restart the flux capacitor',
  'scale the unicorn deployment to 3',
  'delete the pods using the most memory',
  'restart pods using the most memory',
  'label the moon with phase=full',
  'resize the galaxy volume to 20Gi',
  'roll back the database migration',
  'drain the swamp',
  'cordon the office',
  'delete everything',
  'set the image of ghost to nginx:1.27',
  'give the phantom service a cpu request of 250m',
  'expose the imaginary app on port 80',
  'show logs of the unicorn',
  'annotate nothing with a=b',
  'double the dragons',
];

describe('misparse guard: no plan on an invented object', () => {
  it.each(GUARD)('%s', async (say) => {
    const gateway = memoryGateway(plannerCluster());
    const outcome = await planOffline(say, { gateway });
    expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).not.toBe('plan');
    expect(gateway.writes).toEqual([]);
  });
});
