/**
 * The job that runs healing passes: registered `exclusive` on the job queue, so across every server process one
 * pass runs at a time and one process acts (the queue's lease).
 */
export const HEALING_PASS_JOB = 'healing.pass';
