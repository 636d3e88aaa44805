interface Located {
  file: string;
  line?: number;
}

/**
 * The findings of one file grouped by line (for showing them inline), plus those without a line (shown above the
 * file). Lines past the end of the file are treated as line-less.
 */
export function findingsByLine<F extends Located>(
  findings: F[],
  file: string,
  lineCount: number,
): { byLine: Map<number, F[]>; general: F[] } {
  const byLine = new Map<number, F[]>();
  const general: F[] = [];
  for (const finding of findings) {
    if (finding.file !== file) continue;
    if (finding.line === undefined || finding.line > lineCount) {
      general.push(finding);
      continue;
    }
    byLine.set(finding.line, [...(byLine.get(finding.line) ?? []), finding]);
  }
  return { byLine, general };
}
