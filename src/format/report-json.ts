// The set report as JSON: the model as it is, for other tools.
import type { SetReport } from './report-model.ts';

export function formatReportJson(report: SetReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
