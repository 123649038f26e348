// The ADR set at a glance: one pure model (report-model.ts), written out as JSON, markdown or a
// Mermaid graph (report-json.ts, report-markdown.ts, report-mermaid.ts), or as one HTML page (the
// model of report-page.ts, written by report-html.ts). This module is the report's
// one entry, which the CLI loads only for `adrlint report`; the Action's job summary reuses the
// pattern table and the graph.
export * from './report-model.ts';
export { formatReportJson } from './report-json.ts';
export * from './report-mermaid.ts';
export * from './report-markdown.ts';
export { buildReportPage, type ReportPage, type PageAdr, type PageFile, type PageProblem } from './report-page.ts';
export { formatReportHtml, type HtmlReportOptions, type FileHref } from './report-html.ts';
