import type { ReportPeriod, ReportType } from '@opspilot/core';
import { ReportDocument, type ReportSection } from './reportDocument.js';
import type { ReportSources } from './reportSources.js';
import { capacitySection } from './sections/capacitySection.js';
import { costSection } from './sections/costSection.js';
import { findingsSection } from './sections/findingsSection.js';
import { fleetSection } from './sections/fleetSection.js';
import { incidentSection } from './sections/incidentSection.js';
import { securitySection } from './sections/securitySection.js';

/** What to build: the type, the period, the clusters (names or ids; empty for the whole fleet) and a title. */
export interface ReportRequest {
  type: ReportType;
  period: ReportPeriod;
  clusters: string[];
  title?: string;
  generatedAt: Date;
}

type Built = Omit<ReportSection, 'id' | 'source' | 'status'>;
type SectionSpec = {
  id: string;
  source: keyof ReportSources;
  title: string;
  build(s: ReportSources, r: ReportRequest): Promise<Built> | undefined;
};

const SECTIONS: Record<string, SectionSpec> = {
  fleet: {
    id: 'fleet',
    source: 'fleet',
    title: 'Fleet health',
    build: (s, r) => s.fleet?.(r.clusters).then((d) => fleetSection(d)),
  },
  fleetDetail: {
    id: 'fleet',
    source: 'fleet',
    title: 'Fleet health',
    build: (s, r) => s.fleet?.(r.clusters).then((d) => fleetSection(d, true)),
  },
  incidents: {
    id: 'incidents',
    source: 'incidents',
    title: 'Incidents',
    build: (s, r) => s.incidents?.(r.period, r.clusters).then((d) => incidentSection(d)),
  },
  incidentsDetail: {
    id: 'incidents',
    source: 'incidents',
    title: 'Incidents',
    build: (s, r) => s.incidents?.(r.period, r.clusters).then((d) => incidentSection(d, true)),
  },
  cost: {
    id: 'cost',
    source: 'cost',
    title: 'Cost trend',
    build: (s, r) => s.cost?.(r.period, r.clusters).then(costSection),
  },
  security: {
    id: 'security',
    source: 'security',
    title: 'Security posture',
    build: (s, r) => s.security?.(r.clusters).then(securitySection),
  },
  capacity: {
    id: 'capacity',
    source: 'capacity',
    title: 'Capacity plan',
    build: (s, r) => s.capacity?.(r.period, r.clusters).then((d) => capacitySection(d)),
  },
  findings: {
    id: 'findings',
    source: 'findings',
    title: 'Cluster analysis',
    build: (s, r) => s.findings?.(r.clusters).then(findingsSection),
  },
};

/** The sections of each report type (seed 003 §7.1), in reading order. */
export const REPORT_LAYOUT: Record<ReportType, string[]> = {
  EXECUTIVE_SUMMARY: ['fleet', 'incidents', 'cost', 'security'],
  DETAILED_ANALYSIS: ['fleetDetail', 'findings', 'security', 'cost', 'capacity'],
  INCIDENT_REPORT: ['incidentsDetail'],
  CAPACITY_PLAN: ['capacity', 'fleet'],
};

const TITLES: Record<ReportType, string> = {
  EXECUTIVE_SUMMARY: 'Executive summary',
  DETAILED_ANALYSIS: 'Detailed cluster analysis',
  INCIDENT_REPORT: 'Incident report',
  CAPACITY_PLAN: 'Capacity plan',
};

/**
 * Builds a report from its sources: each section reads one source; a source that is not wired or fails makes that
 * section MISSING with the reason ("the cost data source is unavailable: ..."), and the other sections still build.
 */
export async function buildReport(sources: ReportSources, request: ReportRequest): Promise<ReportDocument> {
  const sections = await Promise.all(
    REPORT_LAYOUT[request.type].map(async (key): Promise<ReportSection> => {
      const spec = SECTIONS[key] as SectionSpec;
      const base = { id: spec.id, source: spec.source };
      try {
        const pending = spec.build(sources, request);
        if (!pending) {
          return {
            ...base,
            title: spec.title,
            status: 'MISSING',
            missing_reason: `no ${spec.source} data source is configured`,
          };
        }
        return { ...base, status: 'OK', ...(await pending) };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
          ...base,
          title: spec.title,
          status: 'MISSING',
          missing_reason: `the ${spec.source} data source is unavailable: ${why}`,
        };
      }
    }),
  );
  return ReportDocument.parse({
    title: request.title ?? TITLES[request.type],
    report_type: request.type,
    generated_at: request.generatedAt.toISOString(),
    period: request.period,
    clusters: request.clusters,
    sections,
  });
}
