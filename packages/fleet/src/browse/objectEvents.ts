import type { KubeObject, ObjectRef } from '@opspilot/core';
import type { LiveModel } from '../liveModel.js';
import { eventSubject, newestEventsFirst } from './eventRows.js';

/** The Kubernetes Events about one object in the live model, newest first (at most `limit`). */
export function objectEvents(model: LiveModel, target: ObjectRef, limit = 50): KubeObject[] {
  const about = model.objects('Event', target.namespace).filter((event) => {
    const subject = eventSubject(event);
    return subject?.kind === target.kind && subject.name === target.name;
  });
  return newestEventsFirst(about).slice(0, limit);
}
