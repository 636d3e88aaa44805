import { dailyValue, usageProfileOf } from '../behaviour/usageProfile.js';
import { containerNetwork } from '../exec/networkCommand.js';
import type { KubeObject } from '../store/kubeObject.js';
import { attachedExit } from './attachedShell.js';
import { containerConfigError } from './containerConfigError.js';
import { containerFate, crashLoop, type Fate, probeTarget } from './containerFate.js';
import { containerEnv, memoryLimitMi } from './containerProcess.js';
import type { ControllerContext } from './controllerContext.js';
import type { ImageProfile } from './imageCatalog.js';
import { imageRegistryOf } from './imageRegistry.js';
import { initContainerStatuses, waitingForInit } from './initContainers.js';
import { unversioned } from './ownership.js';
import { podEnv } from './podEnv.js';
import { staticFiles } from './podFiles.js';
import { mountFailure } from './podVolumes.js';
import { type ProbeTally, syncProbeEvents } from './probeEvents.js';
import type { ProbeTarget } from './probeResult.js';
import { livenessFailures, livenessKill, probeTimings, readiness } from './probeSchedule.js';
import { schedulePod } from './scheduler.js';
import { afterStartup, startupOutcome } from './startupProbe.js';

type Json = Record<string, unknown>;
const PULL_MS = 500;
/** How often the kubelet retries a container whose env names a missing Secret or ConfigMap (key). */
const CONFIG_RETRY_MS = 2000;

/** Whether the kubelet restarts a container that exited with `exitCode` under the pod's restart policy. */
function restarts(policy: string, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/** The fate of an attached shell that ended `runMs` into its run with `exitCode`. */
function shellEnd(exitCode: number, runMs: number): Fate {
  return exitCode === 0
    ? { kind: 'completes', runMs }
    : { kind: 'terminates', reason: 'Error', exitCode, message: '', runMs };
}

/** The text of a startup probe's first failure (what its `Unhealthy` events say). */
function startupFailureText(probe: unknown, target: ProbeTarget): { startupMessage?: string } {
  const failed = livenessKill({ ...(probe as Json), failureThreshold: 1 }, target);
  return failed ? { startupMessage: failed.message } : {};
}

/** Whether the kubelet killed the container for a failing liveness or startup probe. */
function probeKill(fate: Fate): boolean {
  return fate.kind === 'terminates' && (fate.reason === 'LivenessProbeFailed' || fate.reason === 'StartupProbeFailed');
}

/** The phase of a started pod: Succeeded or Failed once every container has terminated for good. */
function podPhase(statuses: Json[], anyStarted: boolean): string {
  const finished = statuses.length > 0 && statuses.every((s) => (s.state as Json).terminated !== undefined);
  if (finished)
    return statuses.every((s) => ((s.state as Json).terminated as Json).exitCode === 0) ? 'Succeeded' : 'Failed';
  return anyStarted ? 'Running' : 'Pending';
}

function condition(type: string, status: boolean, now: string, extra: Json = {}): Json {
  return { type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now, ...extra };
}

function keepTransition(previous: Json[] | undefined, next: Json[]): Json[] {
  return next.map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  });
}

/** Computes a scheduled pod's container statuses at the current time, and when it next changes. */
function containerStatuses(
  ctx: ControllerContext,
  pod: KubeObject,
  scheduledAt: number,
  podIP: string,
): { statuses: Json[]; nextMs?: number; probes: ProbeTally[]; mountProblem?: string } {
  const view = { store: ctx.store, registry: ctx.registry, now: () => ctx.clock.now() };
  const mountProblem = mountFailure(view, pod);
  const containers = ((pod.spec as Json).containers as Json[] | undefined) ?? [];
  const restartPolicy = String((pod.spec as Json).restartPolicy ?? 'Always');
  const elapsed = ctx.clock.now().getTime() - scheduledAt;
  const at = (ms: number) => new Date(scheduledAt + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let nextMs: number | undefined;
  const later = (ms: number) => {
    nextMs = nextMs === undefined ? ms : Math.min(nextMs, ms);
  };
  const probes: ProbeTally[] = [];
  const statuses = containers.map((declared) => {
    let c = declared;
    const image = String(c.image ?? '');
    const base = { name: c.name, image, imageID: '', started: false, ready: false, restartCount: 0 };
    const pulled = imageRegistryOf(ctx.store).pull(image);
    if (!pulled.ok) {
      if (pulled.reason === 'InvalidImageName')
        return { ...base, state: { waiting: { reason: pulled.reason, message: pulled.message } } };
      if (elapsed < PULL_MS) later(PULL_MS - elapsed);
      const backoff = elapsed >= PULL_MS * 2;
      if (!backoff) later(PULL_MS * 2 - elapsed);
      return {
        ...base,
        state: {
          waiting: backoff
            ? {
                reason: 'ImagePullBackOff',
                message: `Back-off pulling image "${image}": ErrImagePull: ${pulled.message}`,
              }
            : { reason: 'ErrImagePull', message: pulled.message },
        },
      };
    }
    const profile = pulled.profile;
    if (mountProblem) {
      later(CONFIG_RETRY_MS);
      return { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
    }
    const configError = containerConfigError(ctx.store, ctx.registry, pod, c);
    if (configError && elapsed >= PULL_MS) {
      later(CONFIG_RETRY_MS);
      return { ...base, state: { waiting: { reason: 'CreateContainerConfigError', message: configError } } };
    }
    if (elapsed < profile.startupMs) {
      later(profile.startupMs - elapsed);
      return { ...base, state: { waiting: { reason: 'ContainerCreating' } } };
    }
    const running = elapsed - profile.startupMs;
    // Only an interpreted command or exec probe reads the environment (resolving it lists the namespace's Services).
    const interpreted =
      c.command || c.args || [c.readinessProbe, c.livenessProbe, c.startupProbe].some((p) => (p as Json)?.exec);
    const env = interpreted ? podEnv(view, pod, String(c.name)) : containerEnv(c, pod.metadata.name);
    const network = containerNetwork(view, pod, String(c.name));
    const inputs = { env, files: staticFiles(view, pod, String(c.name)), podIP, network };
    // Liveness and readiness probes wait for the startup probe to pass; until then the container is not started.
    const startup = c.startupProbe ? startupOutcome(probeTarget(c, profile, inputs)) : undefined;
    const startedFrom = startup && 'passedMs' in startup ? startup.passedMs : 0;
    if (startedFrom > 0) c = afterStartup(c, startedFrom);
    const ended = attachedExit(ctx.store, pod, String(c.name));
    // An interactive shell fed through attach ends when its client sends `exit` or closes stdin.
    const fate: Fate =
      ended && !restarts(restartPolicy, ended.exitCode)
        ? shellEnd(ended.exitCode, Math.max(0, ended.atMs - scheduledAt - profile.startupMs))
        : containerFate(c, withDailyMemory(profile, pod, scheduledAt), inputs);
    const target = probeTarget(c, profile, inputs);
    const readyAt = (runMs: number) => readiness(c.readinessProbe, target, runMs);
    const imageID = `${pulled.ref.canonical.replace(/[:@].*$/, '')}@sha256:${'0'.repeat(64)}`;
    if (fate.kind === 'runs') {
      const started = running >= startedFrom;
      if (!started) later(profile.startupMs + startedFrom - elapsed);
      const state = started || c.readinessProbe ? readyAt(running) : { ready: false, failures: 0, nextMs: startedFrom };
      if (c.startupProbe) {
        const failures = livenessFailures(c.startupProbe, target, Math.min(running, startedFrom));
        if (failures > 0)
          probes.push({
            container: String(c.name),
            readinessFailures: 0,
            livenessFailures: 0,
            livenessKills: 0,
            startupFailures: failures,
            ...startupFailureText(c.startupProbe, target),
          });
      }
      if (c.readinessProbe) {
        if (Number.isFinite(state.nextMs)) later(profile.startupMs + state.nextMs - elapsed);
        probes.push({
          container: String(c.name),
          readinessFailures: state.failures,
          ...(state.message ? { readinessMessage: state.message } : {}),
          livenessFailures: 0,
          livenessKills: 0,
        });
      }
      return {
        ...base,
        imageID,
        started,
        ready: state.ready,
        state: { running: { startedAt: at(profile.startupMs) } },
      };
    }
    const exitCode = fate.kind === 'completes' ? 0 : fate.exitCode;
    const reason = fate.kind === 'completes' ? 'Completed' : probeKill(fate) ? 'Error' : fate.reason;
    const message = fate.kind === 'terminates' && fate.message ? fate.message : undefined;
    const runMs = fate.runMs ?? (probeKill(fate) ? 30_000 : 1_000);
    if (!restarts(restartPolicy, exitCode)) {
      if (running < runMs) {
        later(profile.startupMs + runMs - elapsed);
        return {
          ...base,
          imageID,
          started: true,
          ready: readyAt(running).ready,
          state: { running: { startedAt: at(profile.startupMs) } },
        };
      }
      return {
        ...base,
        imageID,
        state: {
          terminated: {
            exitCode,
            reason,
            message,
            startedAt: at(profile.startupMs),
            finishedAt: at(profile.startupMs + runMs),
          },
        },
      };
    }
    const loop = crashLoop(running, runMs);
    later(profile.startupMs + loop.nextAtMs - elapsed);
    const lastRun = loop.lastRun;
    const lastState = lastRun
      ? {
          terminated: {
            exitCode,
            reason,
            message,
            startedAt: at(profile.startupMs + lastRun.startMs),
            finishedAt: at(profile.startupMs + lastRun.endMs),
          },
        }
      : {};
    if (fate.kind === 'terminates' && probeKill(fate)) {
      const startupKill = fate.reason === 'StartupProbeFailed';
      const probe = startupKill ? c.startupProbe : c.livenessProbe;
      const kills = loop.restarts + (loop.running ? 0 : 1);
      const { delayMs, periodMs, failureThreshold } = probeTimings(probe);
      const inRun = running - loop.runStartMs;
      const current = loop.running ? livenessFailures(probe, target, inRun) : 0;
      if (loop.running)
        later(
          profile.startupMs +
            loop.runStartMs +
            delayMs +
            periodMs * (Math.max(0, Math.floor((inRun - delayMs) / periodMs)) + 1) -
            elapsed,
        );
      const tally = kills * failureThreshold + current;
      const text = fate.message.replace(/^(Liveness|Startup) probe failed: /, '');
      probes.push(
        startupKill
          ? {
              container: String(c.name),
              readinessFailures: 0,
              livenessFailures: 0,
              livenessKills: 0,
              startupFailures: tally,
              startupMessage: text,
              startupKills: kills,
            }
          : {
              container: String(c.name),
              readinessFailures: 0,
              livenessFailures: tally,
              livenessMessage: text,
              livenessKills: kills,
            },
      );
    }
    return {
      ...base,
      imageID,
      restartCount: loop.restarts,
      lastState,
      started: loop.running,
      ready: loop.running && fate.kind === 'completes' ? readyAt(running - loop.runStartMs).ready : false,
      state: loop.running
        ? { running: { startedAt: at(profile.startupMs + loop.runStartMs) } }
        : fate.kind === 'terminates' && fate.reason === 'StartError' && loop.restarts === 0
          ? { waiting: { reason: 'RunContainerError', message: fate.message } }
          : {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off ${Math.round((loop.nextAtMs - running) / 1000)}s restarting failed container=${c.name} pod=${pod.metadata.name}`,
              },
            },
    };
  });
  return { statuses, nextMs, probes, ...(mountProblem ? { mountProblem } : {}) };
}

/**
 * Records the kernel's OOM kill of a container on its node, as the node problem detector's kernel monitor does
 * (`OOMKilling`), aggregated per container.
 */
function oomKilling(ctx: ControllerContext, pod: KubeObject, container: string): void {
  const nodeName = (pod.spec as Json).nodeName;
  const node = ctx.store.list(ctx.type('Node')).items.find((n) => n.metadata.name === nodeName);
  if (!node) return;
  const spec = (((pod.spec as Json).containers as Json[] | undefined) ?? []).find((c) => c.name === container);
  const limitMi = spec ? (memoryLimitMi(spec) ?? 0) : 0;
  // The image's own process maps all it needs at once (the kernel's total-vm); a command's or a growing process's
  // need is not known beyond the limit it reached.
  const profile =
    spec && !spec.command && !spec.args ? imageRegistryOf(ctx.store).lookup(String(spec.image)) : undefined;
  const neededMi = Math.max(limitMi, profile?.memoryGrowthMiPerMinute ? 0 : (profile?.memoryMi ?? 0));
  const kb = (mi: number) => Math.round(mi * 1024);
  ctx.event(
    node,
    'Warning',
    'OOMKilling',
    `Memory cgroup out of memory: Killed process of container ${container} in pod ${pod.metadata.namespace}/${pod.metadata.name} (total-vm:${kb(neededMi)}kB, anon-rss:${kb(limitMi)}kB, file-rss:0kB)`,
    'kernel-monitor',
  );
}

/**
 * Drives pods like a scheduler plus kubelet would: schedules them (or explains why not), pulls images from the
 * catalogue, starts containers, crash-loops those that fail, and keeps the Ready condition, podIP and events up to date.
 */
export function reconcilePods(ctx: ControllerContext): void {
  const podType = ctx.type('Pod');
  const nodes = ctx.store.list(ctx.type('Node')).items;
  const pods = ctx.store.list(podType).items;
  const volumes = {
    claims: ctx.store.list(ctx.type('PersistentVolumeClaim')).items,
    classes: ctx.store.list(ctx.type('StorageClass')).items,
  };
  const namespaces = ctx.store.list(ctx.type('Namespace')).items;
  const now = ctx.timestamp();
  for (const pod of pods) {
    if (!ctx.begin(pod)) continue;
    if (pod.metadata.deletionTimestamp) continue;
    const spec = pod.spec as Json;
    const status = (pod.status ?? {}) as Json;
    const previousConditions = status.conditions as Json[] | undefined;
    const next = structuredClone(pod);
    const nextStatus: Json = { ...status };
    if (!spec.nodeName) {
      const placed = schedulePod(pod, nodes, pods, volumes, namespaces);
      if ('message' in placed) {
        const conditions = keepTransition(previousConditions, [
          condition('PodScheduled', false, now, { reason: 'Unschedulable', message: placed.message }),
        ]);
        if (JSON.stringify(previousConditions) !== JSON.stringify(conditions)) {
          ctx.store.update(
            podType,
            { ...unversioned(pod), status: { ...status, phase: 'Pending', conditions } },
            { subresource: 'status' },
          );
          ctx.event(pod, 'Warning', 'FailedScheduling', placed.message, 'default-scheduler');
        }
        continue;
      }
      (next.spec as Json).nodeName = placed.node;
      const updated = ctx.store.update(podType, unversioned(next));
      ctx.event(
        pod,
        'Normal',
        'Scheduled',
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${placed.node}`,
        'default-scheduler',
      );
      pods.splice(pods.indexOf(pod), 1, updated);
      nextStatus.conditions = [condition('PodScheduled', true, now)];
      nextStatus.startTime = now;
      Object.assign(next, { spec: updated.spec, metadata: updated.metadata });
    }
    const scheduledCondition = ((nextStatus.conditions as Json[]) ?? []).find(
      (c) => c.type === 'PodScheduled' && c.status === 'True',
    );
    const scheduledAt = Date.parse(String(scheduledCondition?.lastTransitionTime ?? nextStatus.startTime ?? now));
    const node = nodes.find((n) => n.metadata.name === (next.spec as Json).nodeName);
    const nodeIndex = Math.max(0, nodes.indexOf(node!));
    const podIP = String(
      status.podIP ?? `10.244.${nodeIndex}.${(parseInt(String(next.metadata.uid).slice(0, 4), 16) % 250) + 2}`,
    );
    const init = initContainerStatuses(next, scheduledAt, (alone, start) =>
      containerStatuses(ctx, alone, start, podIP),
    );
    const initializing = init.doneAt === undefined;
    const { statuses, nextMs, probes, mountProblem } = initializing
      ? { statuses: waitingForInit(next), nextMs: undefined, probes: [], mountProblem: undefined }
      : containerStatuses(ctx, next, init.doneAt ?? scheduledAt, podIP);
    if (nextMs !== undefined) ctx.requeueAfter(Math.max(1, nextMs));
    if (init.nextMs !== undefined) ctx.requeueAfter(Math.max(1, init.nextMs));
    syncProbeEvents(ctx, pod, probes);
    if (mountProblem && ctx.eventCount(pod, 'FailedMount', mountProblem) === 0)
      ctx.event(pod, 'Warning', 'FailedMount', mountProblem, 'kubelet');
    const allReady = statuses.length > 0 && statuses.every((s) => s.ready);
    const anyStarted = statuses.some(
      (s) => s.started || Number(s.restartCount) > 0 || (s.state as Json).terminated !== undefined,
    );
    const phase = initializing ? (init.failed ? 'Failed' : 'Pending') : podPhase(statuses, anyStarted);
    const done = phase === 'Succeeded' || phase === 'Failed';
    const unready = done
      ? { reason: 'PodCompleted' }
      : {
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${statuses
            .filter((s) => !s.ready)
            .map((s) => s.name)
            .join(' ')}]`,
        };
    const conditions = keepTransition(previousConditions, [
      condition('PodReadyToStartContainers', !done, now),
      condition(
        'Initialized',
        !initializing,
        now,
        initializing
          ? {
              reason: 'ContainersNotInitialized',
              message: `containers with incomplete status: [${init.statuses
                .filter((s) => !s.ready)
                .map((s) => s.name)
                .join(' ')}]`,
            }
          : done
            ? { reason: 'PodCompleted' }
            : {},
      ),
      condition('Ready', allReady, now, allReady ? {} : unready),
      condition('ContainersReady', allReady, now, allReady ? {} : { reason: unready.reason }),
      condition('PodScheduled', true, now),
    ]);
    const hostIP = ((node?.status as Json)?.addresses as Json[] | undefined)?.find(
      (a) => a.type === 'InternalIP',
    )?.address;
    const finalStatus = {
      ...nextStatus,
      phase,
      conditions,
      hostIP,
      podIP: anyStarted ? podIP : undefined,
      podIPs: anyStarted ? [{ ip: podIP }] : undefined,
      ...(init.statuses.length > 0 ? { initContainerStatuses: init.statuses } : {}),
      containerStatuses: statuses,
      qosClass: status.qosClass ?? 'BestEffort',
    };
    if (JSON.stringify(finalStatus) === JSON.stringify(status)) continue;
    ctx.store.update(podType, { ...unversioned(next), status: finalStatus }, { subresource: 'status' });
    const before = [
      ...((status.initContainerStatuses as Json[] | undefined) ?? []),
      ...((status.containerStatuses as Json[] | undefined) ?? []),
    ];
    for (const s of [...init.statuses, ...statuses]) {
      const old = before.find((b) => b.name === s.name);
      const waiting = (s.state as Json).waiting as Json | undefined;
      const oldWaiting = ((old?.state as Json | undefined)?.waiting as Json | undefined)?.reason;
      if (waiting?.reason === 'ErrImagePull' && oldWaiting !== 'ErrImagePull')
        ctx.event(pod, 'Warning', 'Failed', `Failed to pull image "${s.image}": ${waiting.message}`, 'kubelet');
      if (waiting?.reason === 'CreateContainerConfigError' && oldWaiting !== 'CreateContainerConfigError')
        ctx.event(pod, 'Warning', 'Failed', `Error: ${waiting.message}`, 'kubelet');
      if (waiting?.reason === 'InvalidImageName' && oldWaiting !== 'InvalidImageName')
        ctx.event(pod, 'Warning', 'InspectFailed', String(waiting.message), 'kubelet');
      const ended = (c: Json | undefined) =>
        ((c?.state as Json | undefined)?.terminated ?? (c?.lastState as Json | undefined)?.terminated) as
          | Json
          | undefined;
      const terminated = ended(s);
      const oldTerminated = ended(old);
      if (terminated && terminated.finishedAt !== oldTerminated?.finishedAt) {
        if (terminated.reason === 'StartError')
          ctx.event(pod, 'Warning', 'Failed', `Error: ${terminated.message}`, 'kubelet');
        if (terminated.reason === 'OOMKilled') oomKilling(ctx, pod, String(s.name));
      }
      if (waiting?.reason === 'ImagePullBackOff' && oldWaiting !== 'ImagePullBackOff')
        ctx.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${s.image}"`, 'kubelet');
      if (waiting?.reason === 'CrashLoopBackOff' && oldWaiting !== 'CrashLoopBackOff')
        ctx.event(
          pod,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${s.name} in pod ${pod.metadata.name}`,
          'kubelet',
        );
      if (s.started && !old?.started) ctx.event(pod, 'Normal', 'Started', `Started container ${s.name}`, 'kubelet');
    }
  }
}

/**
 * The image's profile with the memory the pod's daily usage profile gives when it starts (the working set its metrics
 * report), so a memory limit is judged against the same memory the metrics show; unchanged without a daily profile.
 */
function withDailyMemory(profile: ImageProfile, pod: KubeObject, startedAtMs: number): ImageProfile {
  const daily = usageProfileOf(pod.metadata.annotations as Record<string, string> | undefined);
  if (!daily) return profile;
  return { ...profile, memoryMi: dailyValue(daily.memoryMi, daily.peakHour, startedAtMs / 1000) };
}
