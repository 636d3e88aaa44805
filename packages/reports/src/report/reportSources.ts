import type { Incident, ReportPeriod } from '@opspilot/core';

/** One cluster's health as the fleet model reports it. */
export interface FleetClusterHealth {
  name: string;
  status: string;
  /** 0–100. */
  health_score?: number;
  nodes: number;
  ready_nodes: number;
  pods: number;
  failing_pods: number;
}

/** Daily cost with its currency, and the forecast of the next days when one was made. */
export interface CostTrend {
  currency: string;
  daily: { date: string; cost: number }[];
  forecast?: { date: string; cost: number }[];
}

/** The security posture: the latest score (0–100), open findings by severity and the score over time. */
export interface SecurityPosture {
  score: number;
  counts: Record<string, number>;
  scanned_at?: string;
  trend: { at: string; score: number }[];
}

/**
 * Requests (and usage, when its history is known) against allocatable for CPU (cores) and memory (GiB), over time
 * and now. One point per series means no history: the trend is unknown.
 */
export interface CapacitySeries {
  allocatable: { cpu: number; memory_gib: number };
  requests: { at: string; cpu: number; memory_gib: number }[];
  usage?: { at: string; cpu: number; memory_gib: number }[];
  /** What the report should say about the history (e.g. why it could not be read). */
  history_note?: string;
}

/** One finding of the analyzers, for the detailed analysis. */
export interface AnalysisFinding {
  cluster: string;
  severity: string;
  resource: string;
  message: string;
}

/**
 * Where a report's data comes from: one function per source, wired by the server or the CLI to the incident
 * commander's records, the cost optimizer, the security scans, the fleet model and the metrics. A source that is
 * absent or throws makes its sections MISSING, never zeros.
 */
export interface ReportSources {
  fleet?(clusters: string[]): Promise<FleetClusterHealth[]>;
  incidents?(period: ReportPeriod, clusters: string[]): Promise<Incident[]>;
  cost?(period: ReportPeriod, clusters: string[]): Promise<CostTrend>;
  security?(clusters: string[]): Promise<SecurityPosture>;
  capacity?(period: ReportPeriod, clusters: string[]): Promise<CapacitySeries>;
  findings?(clusters: string[]): Promise<AnalysisFinding[]>;
}
