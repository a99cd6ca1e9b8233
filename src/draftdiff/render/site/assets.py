"""The site's one stylesheet, one small script and its icon (files, so the CSP needs no inline code).

The script only adds conveniences: filtering the board by status and jumping to the redline of
two chosen versions. Everything it touches is readable without it.
"""

from __future__ import annotations

from draftdiff.vocab import STATUS_COLORS

_STATUS_CSS = "\n".join(
    f".st-{name}{{background:{colour}26;border-left:4px solid {colour}}}" for name, colour in STATUS_COLORS.items())

CSS = """:root{--ink:#1b1b1b;--muted:#555;--line:#c8c8c8;--bg:#fff;--accent:#0b57a4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);
margin:0 auto;max-width:80rem;padding:0 1rem 2rem}
a{color:var(--accent)} a:focus-visible,button:focus-visible,select:focus-visible,.scroll:focus-visible{
outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;border-bottom:1px solid var(--line);
padding:.75rem 0}
header .site{margin:0;font-weight:600}
nav a{margin-right:.9rem;white-space:nowrap}
nav a[aria-current=page]{font-weight:700;text-decoration:none;color:var(--ink)}
h1{font-size:1.6rem;line-height:1.25;margin:1.2rem 0 .6rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
footer{margin-top:3rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
code{font-size:.88em;overflow-wrap:anywhere}
.digest{word-break:break-all}
.date{white-space:nowrap}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:.5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.caveat{border-left:4px solid #999;padding-left:.8rem;color:#333}
.note,.note-small{color:var(--muted);font-size:.92em}
.note{background:#fff6d6;padding:.4rem .6rem;border-left:4px solid #d6a800;color:var(--ink)}
.scroll{overflow-x:auto;max-width:100%;position:relative}
main{overflow-wrap:break-word}
main>table,details>table{display:block;overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4rem 0 1.2rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.2rem 0}
.st{display:inline-block;padding:0 .4rem;border-radius:3px;white-space:nowrap}
.st-none,.st-unrecorded{border-left:4px solid #bbb;color:var(--muted)}
""" + _STATUS_CSS + """
.pst{white-space:nowrap;font-weight:600}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.92rem}
ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.2rem 0 .8rem}
p.counts{margin-bottom:0}
.matrix th,.matrix td{padding:.15rem .3rem;font-size:.85rem}
.matrix td.cell{text-align:center;min-width:1.6rem;border-left-width:1px}
.matrix th.ver{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom}
.matrix th[scope=row]{font-weight:400;min-width:12rem}
.num{color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chart{margin:.5rem 0 1rem} .chart svg{max-width:100%;height:auto}
.chart figcaption{color:var(--muted);font-size:.9rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:600} dl.facts dd{margin:0;overflow-wrap:anywhere}
.positions{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.position{border:1px solid var(--line);padding:.2rem .8rem}
.basis{color:var(--muted);font-style:italic}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line);font-style:italic}
ul.sources li{margin-bottom:.6rem}
a.ext{overflow-wrap:anywhere}
del{background:#ffe0e0;color:#8a0000;text-decoration:line-through}
ins{background:#dcf5dc;color:#0a5a0a;text-decoration:underline}
.kinds{color:var(--muted);font-style:italic}
.sbs{width:100%;table-layout:fixed} .sbs td{width:50%}
.mark{font-family:monospace;font-weight:bold}
.pick select{max-width:100%}
@media (max-width:40rem){body{font-size:15px;padding:0 .6rem 2rem}h1{font-size:1.35rem}
dl.facts{grid-template-columns:1fr} dl.facts dd{margin-bottom:.4rem}
.sbs,.sbs tbody,.sbs tr,.sbs td,.sbs th{display:block;width:100%}
.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.cards,.cards tbody,.cards tr,.cards td,.cards caption{display:block;width:100%}
.cards tr{border:1px solid var(--line);margin-bottom:.5rem;padding:.2rem .4rem}
.cards td{border:none;padding:.1rem 0}
.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
@media print{nav,.skip,.filter,.pick,footer{display:none}
body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}
.scroll{overflow:visible}table{page-break-inside:auto}tr{page-break-inside:avoid}
h2,h3{page-break-after:avoid}.matrix th.ver{writing-mode:horizontal-tb;transform:none}
.st,.st-agreed,.st-partial,.st-disputed,.st-removed,.st-unknown{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

JS = """// draftdiff site: board filter and the pick-two-versions form. The pages read the same without it.
(function () {
  "use strict";
  var box = document.getElementById("filter-box");
  var filter = document.getElementById("status-filter");
  if (box && filter) {
    box.hidden = false;
    filter.addEventListener("change", function () {
      var rows = document.querySelectorAll("table.board tbody tr");
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = filter.value !== "" && rows[i].getAttribute("data-status") !== filter.value;
      }
    });
  }
  var form = document.getElementById("pick");
  if (!form) { return; }
  var pairs = {};
  (form.getAttribute("data-pairs") || "").split(" ").forEach(function (p) { if (p) { pairs[p] = true; } });
  var from = document.getElementById("pick-from");
  var to = document.getElementById("pick-to");
  var message = document.getElementById("pick-message");
  if (to.options.length > 1) { to.selectedIndex = to.options.length - 1; }
  if (from.options.length > 1) { from.selectedIndex = to.selectedIndex - 1; }
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var a = from.selectedIndex, b = to.selectedIndex;
    if (a === b) { message.textContent = "Pick two different versions."; return; }
    var older = from.options[Math.min(a, b)].value, newer = from.options[Math.max(a, b)].value;
    if (!pairs[older + "/" + newer]) {
      message.textContent = "This site has no redline of " + older + " against " + newer +
        ": run draftdiff diff " + older + " " + newer + " --format html -o redline.html";
      return;
    }
    window.location.href = "redlines/" + encodeURIComponent(older) + "/" + encodeURIComponent(newer) + ".html";
  });
}());
"""

ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" '
        'fill="#2e9e44"/><path d="M4 8.5l2.5 2.5L12 5" stroke="#fff" stroke-width="2" fill="none"/></svg>\n')


def files() -> dict[str, bytes]:
    return {"assets/site.css": CSS.encode("utf-8"), "assets/site.js": JS.encode("utf-8"),
            "assets/icon.svg": ICON.encode("utf-8")}
