/**
 * The board's one stylesheet, sent inline (the CSP allows inline styles and nothing external): system
 * fonts with Chinese fallbacks, one readable column, cards that reflow from one to three per row, AA
 * contrast in light and dark schemes, and a focus ring that is always visible on keyboard focus.
 */
export const BOARD_CSS = `
:root {
  --bg: #f6f7f9; --surface: #ffffff; --text: #16202c; --muted: #4a5868; --line: #d5dbe3;
  --accent: #0b5cad; --accent-soft: #e4eef9; --urgent: #a4262c; --urgent-soft: #fbe9ea;
  --ok: #1d6b3a; --ok-soft: #e3f3e8; --focus: #f0a500;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11161d; --surface: #1a212b; --text: #e8edf3; --muted: #a9b5c3; --line: #2f3a48;
    --accent: #7db7f5; --accent-soft: #1d3047; --urgent: #ff9a9f; --urgent-soft: #3a1f23;
    --ok: #8fdaa8; --ok-soft: #1c3326;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text); line-height: 1.55;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--surface); padding: 0.5rem 1rem; z-index: 1; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
.wrap { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
header.site { background: var(--surface); border-bottom: 1px solid var(--line); }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding-block: 0.75rem; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; margin-right: auto; }
nav.main, nav.lang { display: flex; gap: 1rem; flex-wrap: wrap; }
nav a[aria-current] { font-weight: 700; text-decoration: none; color: var(--text); }
main { padding-block: 1.5rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
.lead { color: var(--muted); margin: 0 0 1.25rem; }
form.search { display: grid; grid-template-columns: 1fr; gap: 0.75rem; background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; }
form.search label { display: block; font-size: 0.9rem; color: var(--muted); margin-bottom: 0.25rem; }
input, select, button { font: inherit; color: inherit; }
input[type=search], select { width: 100%; padding: 0.55rem 0.7rem; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); }
button { padding: 0.6rem 1.2rem; border: 0; border-radius: 8px; background: var(--accent); color: var(--surface); font-weight: 600; cursor: pointer; align-self: end; }
@media (min-width: 44rem) { form.search { grid-template-columns: 2fr 1.2fr 1fr auto; align-items: end; } }
ul.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; margin: 0.75rem 0; }
.chip { display: inline-block; padding: 0.15rem 0.65rem; border-radius: 999px; background: var(--accent-soft); color: var(--text); font-size: 0.85rem; text-decoration: none; border: 1px solid transparent; }
a.chip:hover { border-color: var(--accent); }
a.chip[aria-current] { background: var(--accent); color: var(--surface); }
.summary-line { color: var(--muted); margin: 1rem 0; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.card { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; display: flex; flex-direction: column; gap: 0.5rem; height: 100%; }
.card h3 { font-size: 1.05rem; margin: 0; line-height: 1.35; overflow-wrap: anywhere; }
.card .org { color: var(--muted); font-size: 0.9rem; margin: 0; }
.card .summary { margin: 0; font-size: 0.95rem; overflow-wrap: anywhere; }
.card ul.chips { margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; }
.facts div { display: flex; flex-direction: column; }
.facts dt { font-size: 0.8rem; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.urgent { color: var(--urgent); }
.badge { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; background: var(--accent-soft); }
.badge.open { background: var(--ok-soft); color: var(--ok); }
.badge.awarded { background: var(--accent-soft); color: var(--accent); }
.badge.closed, .badge.cancelled { background: var(--urgent-soft); color: var(--urgent); }
.more { margin: 1.5rem 0; text-align: center; }
.more a { display: inline-block; padding: 0.6rem 1.2rem; border: 1px solid var(--accent); border-radius: 8px; text-decoration: none; font-weight: 600; }
.panel { background: var(--surface); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; }
.panel h2 { margin-top: 0.25rem; }
.panel h3 { font-size: 0.95rem; margin: 1rem 0 0; color: var(--muted); }
.rubric { width: 100%; border-collapse: collapse; margin: 0.5rem 0; }
.rubric th, .rubric td { text-align: left; padding: 0.4rem 0.5rem 0.4rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.grid-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); gap: 0.75rem 1.5rem; margin: 0; }
.grid-facts dt { font-size: 0.85rem; color: var(--muted); }
.grid-facts dd { margin: 0; font-weight: 600; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; }
.award { border-left: 4px solid var(--accent); }
ol.qa { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.qa .q { font-weight: 600; margin: 0; }
.qa .a { margin: 0.4rem 0 0; }
.qa small, .muted { color: var(--muted); }
ol.announcements { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.note { margin: 0.75rem 0 0; padding-left: 0.75rem; border-left: 3px solid var(--line); }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding-block: 1.25rem 2rem; }
footer.site p { margin: 0.25rem 0; }
`;
