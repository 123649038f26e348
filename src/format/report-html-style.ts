// The HTML report's style sheet, inlined in the page (no web font, no URL): light and dark colours
// from prefers-color-scheme, status chips by what a status means, and a print layout without the
// filters. Classes only: the page's Content-Security-Policy allows this one <style> by its hash, not
// style attributes.
export const REPORT_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0969da;
--accepted:#1a7f37;--proposed:#9a6700;--rejected:#cf222e;--deprecated:#6e7781;--superseded:#8250df;--other:#0969da;--none:#6e7781;
--error:#cf222e;--warning:#9a6700;--node:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--link:#4493f8;
--accepted:#3fb950;--proposed:#d29922;--rejected:#f85149;--deprecated:#9198a1;--superseded:#ab7df8;--other:#4493f8;--none:#9198a1;
--error:#f85149;--warning:#d29922;--node:#151b23}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:20px;border-bottom:1px solid var(--line)}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 6px}
.meta,.note,.empty{color:var(--muted)}
.meta{margin:0 0 10px}
nav{display:flex;flex-wrap:wrap;gap:14px;margin:8px 0 12px}
.counts{display:flex;flex-wrap:wrap;gap:6px 18px;margin:6px 0 12px;padding:0;list-style:none}
.counts li{white-space:nowrap}
.counts b{font-size:17px}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--soft);font-weight:600;white-space:nowrap}
th button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.chip{display:inline-block;border:1px solid currentColor;border-radius:10px;padding:0 7px;font-size:12px;line-height:18px;margin:1px 2px 1px 0;white-space:nowrap}
.pat{color:var(--muted)}
.mention{border-style:dashed;opacity:.8}
.rule{white-space:nowrap}
.s-accepted{color:var(--accepted)}.s-proposed{color:var(--proposed)}.s-rejected{color:var(--rejected)}
.s-deprecated{color:var(--deprecated)}.s-superseded{color:var(--superseded)}.s-other{color:var(--other)}.s-none{color:var(--none)}
.error{color:var(--error)}.warning{color:var(--warning)}
.unused{color:var(--muted);opacity:.6}
.patterns{table-layout:fixed}.patterns th:first-child{width:40%}
.patterns .cat th{background:none;padding-top:14px;font-size:15px}
.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:8px 0}
.filters input,.filters select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:3px 6px}
.filters input{min-width:19em}
.timeline{list-style:none;margin:0;padding:0}
.timeline>li{display:grid;grid-template-columns:10.5em 1fr;gap:0 14px;padding:6px 0;border-bottom:1px solid var(--line)}
.timeline h3{margin:0;font-size:14px;position:sticky;top:4px;align-self:start}
.timeline ol{list-style:none;margin:0;padding:0}
.timeline time{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:6px}
.gone{text-decoration:line-through;color:var(--muted)}
.graph{overflow:auto;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
.graph svg{display:block}
.graph .node rect{fill:var(--node);stroke:currentColor;stroke-width:1.5}
.graph .node text{fill:var(--fg);font-size:12px}
.graph .edge{fill:none;stroke:var(--muted);stroke-width:1.5}
.graph .amends{stroke-dasharray:5 4}
.graph marker path{fill:var(--muted)}
.legend{display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:13px}
.fix{font-size:12px;color:var(--accepted)}
.loc{white-space:nowrap;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
footer{max-width:1200px;margin:30px auto;padding:10px 20px;color:var(--muted);border-top:1px solid var(--line)}
@media print{
:root{--bg:#fff;--fg:#000;--soft:#fff;--node:#fff}
body{font-size:11px}
nav,.filters,th button::after{display:none}
header,main{max-width:none;padding:0}
h2{break-after:avoid}tr,.timeline>li,svg{break-inside:avoid}
a{color:inherit;text-decoration:none}
.graph{overflow:visible;border:0}
}
`;
