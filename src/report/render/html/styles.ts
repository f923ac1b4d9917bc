// The report's stylesheet, inlined into the page: system fonts only (nothing to download), light
// and dark colour schemes from the reader's preference (dark on screen only: paper is white), and
// a print layout (no buttons, no shadows, colours kept, cards not split across pages).

export const CSS = `
:root{color-scheme:light dark;
--bg:#f4f6f9;--card:#fff;--fg:#1c2330;--muted:#5d6778;--border:#dde2ea;--code:#f0f3f7;--code-fg:#24303f;--accent:#1f5fd6;
--lane-a:#fafbfd;--lane-b:#f2f5f9;--grid:#e3e8ef;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08);
--critical:#c8231e;--high:#de5a0c;--medium:#c98a04;--low:#2a6bd8;--info:#6b7280;
--k-attempt:#2a6bd8;--k-retransmit:#d98b06;--k-failure:#d42a26;--k-success:#17944a;--k-other:#98a2b3;
--cloud:#ff6a00;--peer:#5b5bd6;--ok:#17944a;--warn:#d98b06;--bad:#d42a26;--unk:#8a94a6}
@media screen and (prefers-color-scheme:dark){:root{
--bg:#0e131a;--card:#161d27;--fg:#e4e8ef;--muted:#9aa5b5;--border:#273243;--code:#0f151e;--code-fg:#d5dde8;--accent:#6ea2ff;
--lane-a:#151c26;--lane-b:#19212c;--grid:#263141;--shadow:none;
--critical:#ff6b63;--high:#ff9152;--medium:#f2c14e;--low:#6ea2ff;--info:#9aa5b5;
--k-attempt:#6ea2ff;--k-retransmit:#f5b638;--k-failure:#ff6b63;--k-success:#4cd07d;--k-other:#6b7587;
--cloud:#d9600f;--peer:#5f5fd0;--ok:#4cd07d;--warn:#f5b638;--bad:#ff6b63;--unk:#9aa5b5}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","Noto Sans Mono",monospace;font-size:12.5px}
a{color:var(--accent)}
.skip{position:absolute;left:-9999px}.skip:focus{left:12px;top:12px;background:var(--card);padding:6px 10px;z-index:10}
main{max-width:1180px;margin:0 auto;padding:28px 24px 48px}
.page-head{display:flex;flex-wrap:wrap;align-items:flex-end;justify-content:space-between;gap:12px 24px;margin-bottom:18px}
.brand{display:flex;align-items:center;gap:12px}
.brand svg{flex:none}
h1{font-size:24px;margin:0;letter-spacing:-.01em}
.meta{color:var(--muted);margin:2px 0 0;font-size:13px}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{border:1px solid var(--border);background:var(--card);border-radius:999px;padding:2px 10px;font-size:12px;color:var(--muted)}
.chip b{color:var(--fg);font-weight:600}
.card{background:var(--card);border:1px solid var(--border);border-radius:10px;box-shadow:var(--shadow)}
h2{font-size:19px;margin:34px 0 4px;display:flex;flex-wrap:wrap;align-items:center;gap:8px}
h3{font-size:15px;margin:0}
h5{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:16px 0 6px}
.sub-meta{color:var(--muted);margin:0 0 14px;font-size:13px}
.sub-meta code{color:var(--fg)}
.summary-card{padding:4px 0;overflow:hidden}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:8px 12px;border-bottom:1px solid var(--border)}
thead th{font-size:12px;color:var(--muted);font-weight:600;background:var(--lane-a)}
tbody tr:last-child th,tbody tr:last-child td{border-bottom:none}
.table-scroll{overflow-x:auto}
.pill{display:inline-flex;align-items:center;gap:6px;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.status::before{content:"";width:8px;height:8px;border-radius:50%;background:currentColor}
.status-failing{color:var(--bad)}.status-degraded{color:var(--warn)}.status-healthy{color:var(--ok)}.status-unknown{color:var(--unk)}
.sev-critical{--sev:var(--critical)}.sev-high{--sev:var(--high)}.sev-medium{--sev:var(--medium)}.sev-low{--sev:var(--low)}.sev-info{--sev:var(--info)}
.sev-pill{color:var(--sev);background:color-mix(in srgb,var(--sev) 10%,transparent)}
.cause-cell b{display:block}
.muted{color:var(--muted)}
.subject{margin-top:18px}
.subject-head{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:22px 0 10px}
.subject-head h3{font-size:15px}
.finding{position:relative;margin:0 0 14px;padding:16px 18px 12px 22px;overflow:hidden;break-inside:avoid}
.finding::before{content:"";position:absolute;left:0;top:0;bottom:0;width:6px;background:var(--sev)}
.finding-head{display:flex;gap:14px;align-items:flex-start}
.rank{flex:none;width:28px;height:28px;border-radius:50%;display:grid;place-items:center;font-weight:700;color:#fff;background:var(--sev);font-size:14px}
.head-main{flex:1;min-width:0}
.finding h4{margin:0;font-size:17px;line-height:1.3}
.cause-id{font-size:12px;color:var(--muted);background:var(--code);border-radius:4px;padding:1px 6px;font-weight:400;vertical-align:2px}
.title{margin:3px 0 0;color:var(--fg);font-weight:500}
.head-side{flex:none;display:flex;flex-direction:column;align-items:flex-end;gap:6px;min-width:120px}
.confidence{display:grid;grid-template-columns:auto;justify-items:end;gap:2px}
.conf-num{font-size:20px;font-weight:700;line-height:1;color:var(--sev)}
.conf-bar{width:110px;height:6px}
.conf-bar .track{fill:var(--border)}.conf-bar .fill{fill:var(--sev)}
.conf-label{font-size:11px;color:var(--muted)}
.summary{margin:12px 0 0}
.evidence{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.ev-meta{display:flex;flex-wrap:wrap;align-items:center;gap:8px;font-size:12px;color:var(--muted);margin-bottom:3px}
.ev-meta code.loc{color:var(--fg);font-weight:600}
pre{margin:0}
pre.log,pre.code{background:var(--code);color:var(--code-fg);border:1px solid var(--border);border-radius:6px;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere}
.side-tag{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:600;line-height:18px;color:#fff;white-space:nowrap}
.side-tag.cloud{background:var(--cloud)}.side-tag.peer{background:var(--peer)}
.diff-table{border:1px solid var(--border);border-radius:6px;border-collapse:separate;border-spacing:0}
.diff-table th[scope=row]{width:28%}
.diff-table td code{font-size:13px;font-weight:600}
.steps{margin:0;padding-left:22px;display:grid;gap:10px}
.steps li::marker{color:var(--muted);font-weight:600}
.step{vertical-align:middle}
.action{margin-top:8px;display:grid;gap:6px}
.cmd{border:1px solid var(--border);border-radius:6px;overflow:hidden}
.cmd pre.code{border:0;border-radius:0}
.cmd-head{display:flex;justify-content:space-between;align-items:center;padding:3px 6px 3px 10px;background:var(--lane-b);font-size:11px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.05em}
button.copy{font:inherit;font-size:12px;text-transform:none;letter-spacing:0;border:1px solid var(--border);background:var(--card);color:var(--fg);border-radius:5px;padding:2px 10px;cursor:pointer}
button.copy:hover{border-color:var(--accent);color:var(--accent)}
button.copy:focus-visible,summary:focus-visible,a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
details>summary{cursor:pointer;color:var(--muted);font-size:13px}
details.api summary{margin:2px 0}
details.episode{margin:10px 0;border-left:3px solid var(--muted);padding-left:10px}
.finding-foot{margin-top:14px;padding-top:10px;border-top:1px dashed var(--border);font-size:13px;display:grid;gap:6px}
.finding-foot p{margin:0}
.note{color:var(--muted);font-size:12.5px;margin:6px 0 0}
.empty-card{padding:14px 18px;color:var(--muted)}
.timeline{margin:18px 0 0;padding:14px 16px 12px}
.timeline figcaption{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted)}
.legend-item{display:inline-flex;align-items:center;gap:5px}
.legend-item b{font-size:10.5px;color:var(--fg)}
.hint{margin:4px 0 8px;font-size:12px;color:var(--muted)}
.timeline-wrap{position:relative}
.timeline-svg{display:block;width:100%;height:auto;font-family:inherit;overflow:visible}
.lane-bg.even{fill:var(--lane-a)}.lane-bg.odd{fill:var(--lane-b)}
.grid{stroke:var(--grid);stroke-dasharray:2 3}
.gutter-line{stroke:var(--border)}
.tick,.axis-unit{fill:var(--muted);font-size:11px;text-anchor:middle}
.axis-unit{text-anchor:start;font-weight:600}
.lane-title{fill:var(--fg);font-size:13px;font-weight:600}
.lane-sub{fill:var(--muted);font-size:11.5px}
.phase-tag{fill:var(--muted);font-size:10px;text-anchor:end;font-weight:600}
.side-chip.cloud{fill:var(--cloud)}.side-chip.peer{fill:var(--peer)}
.lane-empty{fill:var(--muted);font-size:12px;font-style:italic}
.mark{cursor:pointer;outline:none}
.mark .hit{fill:transparent;stroke:none}
.mark:focus .hit,.mark:hover .hit{stroke:var(--accent);stroke-width:2;fill:color-mix(in srgb,var(--accent) 12%,transparent)}
.mark .span{stroke-width:4;stroke-linecap:round;opacity:.35}
.mark .glyph{stroke:#fff;stroke-width:2.1;fill:none;stroke-linecap:round;stroke-linejoin:round}
.mark .badge{font-size:10.5px;font-weight:700;fill:var(--fg)}
.axis-break rect{fill:var(--bg);opacity:.85}
.axis-break path{stroke:var(--muted);stroke-width:1.5;fill:none}
.axis-break text{fill:var(--muted);font-size:10px;text-anchor:middle;writing-mode:vertical-rl}
.k-attempt .sym{fill:var(--card);stroke:var(--k-attempt);stroke-width:2.2}.k-attempt .span{stroke:var(--k-attempt)}
.k-retransmit .sym{fill:var(--k-retransmit)}.k-retransmit .span{stroke:var(--k-retransmit)}
.k-failure .sym{fill:var(--k-failure)}.k-failure .span{stroke:var(--k-failure)}
.k-success .sym{fill:var(--k-success)}.k-success .span{stroke:var(--k-success)}
.k-other .sym{fill:var(--k-other)}.k-other .span{stroke:var(--k-other)}
.legend .k-attempt .sym{fill:none}
.legend .glyph{stroke:#fff;stroke-width:1.8;fill:none;stroke-linecap:round}
.tip{position:absolute;z-index:5;max-width:min(640px,92%);background:var(--card);color:var(--fg);border:1px solid var(--border);border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:8px 10px;font-size:12.5px;pointer-events:none}
.tip .tip-head{font-weight:600;margin-bottom:4px}
.tip .tip-loc{color:var(--muted);font-size:11.5px;margin-top:4px}
.tip pre{background:var(--code);border-radius:5px;padding:5px 7px;white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}
.entries{margin-top:10px}
.entries table{font-size:12.5px}
.entries td{padding:5px 8px}
.entries pre.log{border:0;background:none;padding:0}
.entries tr.side-cloud td:first-child{box-shadow:inset 3px 0 var(--cloud)}
.entries tr.side-peer td:first-child{box-shadow:inset 3px 0 var(--peer)}
.nowrap{white-space:nowrap}
.problems li{margin:2px 0;overflow-wrap:anywhere}
.more-evidence{margin-top:8px}
.more-evidence .evidence{margin-top:8px}
footer.page-foot{margin-top:36px;color:var(--muted);font-size:12px;text-align:center}
@media (max-width:720px){main{padding:16px 12px}.finding-head{flex-wrap:wrap}.head-side{align-items:flex-start;flex-direction:row}}
@media print{
:root{--bg:#fff;--card:#fff;--fg:#1c2330;--muted:#5d6778;--border:#d5dbe4;--code:#f4f6f9;--code-fg:#24303f;--shadow:none;--lane-a:#fff;--lane-b:#f5f7fa;--grid:#e3e8ef}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:11.5px;background:#fff}
main{max-width:none;padding:0}
button.copy,.hint,.tip,.skip{display:none!important}
.card{box-shadow:none}
.finding,.timeline,tr{break-inside:avoid}
h2{break-after:avoid}
a{color:inherit;text-decoration:none}
}
`;
