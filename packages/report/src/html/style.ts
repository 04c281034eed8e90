/** The page's stylesheet: system fonts only, nothing fetched. */
export const STYLE = `
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f4; }
header { background: #1f3a5f; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header p { margin: 2px 0; font-size: 13px; opacity: 0.9; }
.live { display: inline-block; background: #d55e00; color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 12px; margin-left: 8px; }
nav { padding: 8px 28px; background: #e8ecf1; font-size: 13px; }
nav a { margin-right: 14px; color: #1f3a5f; }
main { padding: 4px 28px 40px; max-width: 1280px; }
section { background: #fff; border: 1px solid #dcdcdc; border-radius: 4px; padding: 6px 18px 14px; margin: 16px 0; }
h2 { font-size: 18px; margin: 10px 0; color: #1f3a5f; }
figure.plot { display: inline-block; vertical-align: top; margin: 8px 14px 12px 0; max-width: 100%; }
figure.plot svg, figure.plot img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #444; max-width: 600px; margin-top: 4px; line-height: 1.4; }
img.pixelated { image-rendering: pixelated; border: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
table.data td:not(:first-child) { font-variant-numeric: tabular-nums; }
table.key-value th { font-weight: normal; color: #555; font-family: "DejaVu Sans Mono", monospace; }
table.key-value td { font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
p { font-size: 14px; line-height: 1.45; }
p.note { font-size: 12px; color: #555; }
ul.problems { font-size: 13px; color: #8a1c00; }
.panel-background { fill: #fff; }
.frame { fill: none; stroke: #444; stroke-width: 1; }
.grid { stroke: #ececec; stroke-width: 1; }
.tick { stroke: #444; stroke-width: 1; }
.tick-label, .legend-label, .tile-label, .bar-missing { font-size: 11px; fill: #333; }
.axis-label { font-size: 12px; fill: #222; }
.panel-title { font-size: 13px; font-weight: 600; fill: #1f3a5f; }
.legend-box { fill: #fff; fill-opacity: 0.85; stroke: #ccc; }
`;
