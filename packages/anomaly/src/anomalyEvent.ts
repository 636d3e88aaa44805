import { AnomalyDetection, type Event } from '@opspilot/core';

/**
 * The live event announcing a stored anomaly (seed 003 §6.1 `ANOMALY_DETECTED`): `payload.anomaly` is the whole
 * §5.6 {@link AnomalyDetection}, the event's namespace its `namespace` label, so subscribers (the incident commander,
 * the web) filter by cluster and namespace without opening the payload.
 */
export function anomalyDetectedEvent(anomaly: AnomalyDetection): Event {
  const namespace = anomaly.labels.namespace;
  return {
    event_type: 'ANOMALY_DETECTED',
    cluster_id: anomaly.cluster_id,
    ...(namespace ? { namespace } : {}),
    timestamp: anomaly.detected_at,
    payload: { anomaly },
  };
}

/**
 * The anomaly an `ANOMALY_DETECTED` event carries, parsed (events cross process boundaries through Redis or NATS);
 * undefined for another event type or a malformed payload.
 */
export function anomalyOfEvent(event: Event): AnomalyDetection | undefined {
  if (event.event_type !== 'ANOMALY_DETECTED') return undefined;
  const parsed = AnomalyDetection.safeParse(event.payload.anomaly);
  return parsed.success ? parsed.data : undefined;
}
