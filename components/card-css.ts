/**
 * The fact card's stylesheet, as a string so every host can adopt it the same
 * way, as a constructed CSSStyleSheet (adoptedStyleSheets needs no <style>
 * element): the card frame on pages, the popup and the options preview.
 *
 * Rules:
 * - everything is scoped under `.fc-card`; no bare element selectors;
 * - px only: the card lives on pages whose root font-size varies, so rem
 *   would scale it unpredictably;
 * - logical properties (margin-inline, inset-inline-end, text-align: start)
 *   so the card mirrors correctly when it inherits an RTL direction;
 * - colours are custom properties; `.fc-theme-light|dark` forces a theme,
 *   `.fc-theme-auto` follows prefers-color-scheme. Every text colour has a
 *   contrast of at least 4.5:1 on the backgrounds it is used on (checked in
 *   tests/unit/card-contrast.test.tsx).
 *
 * The host may set `--fc-max-height` (e.g. from floating-ui's size
 * middleware); the card's body then scrolls and the header and footer stay.
 */

/** The colours of each theme, exported so the contrast test reads the same values. */
export const CARD_THEMES = {
  light: {
    bg: '#ffffff',
    fg: '#202122',
    muted: '#54595d',
    border: '#c8ccd1',
    accent: '#2a4fae',
    'chip-bg': '#eef0f3',
    'chip-hover': '#dfe3e8',
    'chip-fg': '#202122',
    'quote-bar': '#8c939b',
    focus: '#2a4fae',
    shadow: '0 6px 24px rgba(0, 0, 0, 0.16), 0 1px 3px rgba(0, 0, 0, 0.12)',
  },
  dark: {
    bg: '#1f2124',
    fg: '#eaecf0',
    muted: '#a9afb7',
    border: '#4a4f56',
    accent: '#93b1f5',
    'chip-bg': '#2e3136',
    'chip-hover': '#3b3f45',
    'chip-fg': '#eaecf0',
    'quote-bar': '#6f767e',
    focus: '#93b1f5',
    shadow: '0 6px 24px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4)',
  },
} as const;

type Theme = (typeof CARD_THEMES)[keyof typeof CARD_THEMES];

const vars = (theme: Theme) =>
  Object.entries(theme)
    .map(([name, value]) => `--fc-${name}: ${value};`)
    .join('\n  ');

export const CARD_CSS = `
.fc-card {
  ${vars(CARD_THEMES.light)}
  color-scheme: light;
}
.fc-card.fc-theme-dark {
  ${vars(CARD_THEMES.dark)}
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .fc-card.fc-theme-auto {
    ${vars(CARD_THEMES.dark)}
    color-scheme: dark;
  }
}

.fc-card {
  position: relative;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: var(--fc-max-height, 520px);
  margin: 0;
  padding: 0;
  border: 1px solid var(--fc-border);
  border-radius: 10px;
  background: var(--fc-bg);
  box-shadow: var(--fc-shadow);
  color: var(--fc-fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 14px;
  font-weight: 400;
  font-style: normal;
  line-height: 20px;
  letter-spacing: normal;
  text-align: start;
  text-transform: none;
  white-space: normal;
  overflow-wrap: anywhere;
  -webkit-font-smoothing: antialiased;
  animation: fc-in 120ms ease-out;
}
.fc-card *,
.fc-card *::before,
.fc-card *::after {
  box-sizing: border-box;
}
.fc-card h2,
.fc-card h3,
.fc-card p,
.fc-card ul,
.fc-card li,
.fc-card blockquote,
.fc-card figure {
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
}
.fc-card ul {
  list-style: none;
}
.fc-card button {
  margin: 0;
  font: inherit;
  color: inherit;
  letter-spacing: inherit;
  text-transform: none;
  cursor: pointer;
  -webkit-appearance: none;
  appearance: none;
}
.fc-card a {
  color: var(--fc-accent);
}
.fc-card :focus-visible {
  outline: 2px solid var(--fc-focus);
  outline-offset: 2px;
}
.fc-card:focus {
  outline: none;
}

/* Header ---------------------------------------------------------------- */
.fc-card .fc-back {
  align-self: flex-start;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  min-height: 28px;
  margin-block: 8px 0;
  margin-inline: 10px 48px;
  padding-block: 2px;
  padding-inline: 6px 8px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--fc-accent);
  font-size: 13px;
}
.fc-card .fc-back:hover {
  background: var(--fc-chip-bg);
}
.fc-card .fc-head {
  padding-block: 14px 8px;
  padding-inline: 16px;
}
.fc-card .fc-back + .fc-head {
  padding-block-start: 4px;
}
.fc-card.fc-has-close .fc-head {
  padding-inline-end: 48px;
}
.fc-card .fc-name {
  font-size: 18px;
  line-height: 24px;
  font-weight: 650;
  hyphens: auto;
}
.fc-card .fc-sub {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  gap: 4px 8px;
  margin-block-start: 4px;
  color: var(--fc-muted);
  font-size: 13px;
  line-height: 18px;
}
.fc-card .fc-kind {
  display: inline-block;
  padding-block: 0;
  padding-inline: 6px;
  border: 1px solid var(--fc-border);
  border-radius: 4px;
  font-size: 11px;
  line-height: 16px;
  font-weight: 600;
  letter-spacing: 0.3px;
  text-transform: uppercase;
}
.fc-card .fc-close {
  position: absolute;
  inset-block-start: 8px;
  inset-inline-end: 8px;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 32px;
  height: 32px;
  padding: 0;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--fc-muted);
  font-size: 20px;
  line-height: 1;
}
.fc-card .fc-close:hover {
  background: var(--fc-chip-bg);
  color: var(--fc-fg);
}

/* Body ------------------------------------------------------------------ */
.fc-card .fc-body {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding-block: 4px 12px;
  padding-inline: 16px;
}
.fc-card .fc-section + .fc-section {
  margin-block-start: 14px;
}
.fc-card .fc-label {
  margin-block-end: 6px;
  color: var(--fc-muted);
  font-size: 12px;
  line-height: 16px;
  font-weight: 600;
  letter-spacing: 0.4px;
  text-transform: uppercase;
}
.fc-card .fc-item {
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  column-gap: 4px;
  align-items: start;
}
.fc-card .fc-item + .fc-item {
  margin-block-start: 8px;
}
.fc-card .fc-fact {
  position: relative;
  padding-inline-start: 12px;
}
.fc-card .fc-fact::before {
  content: "";
  position: absolute;
  inset-block-start: 8px;
  inset-inline-start: 0;
  width: 5px;
  height: 5px;
  border-radius: 50%;
  background: var(--fc-quote-bar);
}
.fc-card .fc-text {
  min-width: 0;
}
.fc-card .fc-src {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 24px;
  height: 24px;
  margin-block-start: -2px;
  border-radius: 6px;
  color: var(--fc-accent);
  text-decoration: none;
}
.fc-card .fc-src:hover {
  background: var(--fc-chip-bg);
}
.fc-card .fc-src svg {
  width: 14px;
  height: 14px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
}
.fc-card .fc-quote {
  padding-inline-start: 10px;
  border-inline-start: 3px solid var(--fc-quote-bar);
}
.fc-card .fc-quote blockquote {
  font-style: italic;
}
.fc-card .fc-speaker {
  margin-block-start: 2px;
  color: var(--fc-muted);
  font-size: 13px;
}
.fc-card .fc-more {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  min-height: 28px;
  margin-block-start: 6px;
  margin-inline-start: -6px;
  padding-block: 2px;
  padding-inline: 6px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--fc-accent);
  font-size: 13px;
  font-weight: 600;
}
.fc-card .fc-more:hover {
  background: var(--fc-chip-bg);
}
.fc-card .fc-more-icon {
  display: inline-block;
  transition: transform 120ms ease-out;
}
.fc-card .fc-more[aria-expanded="true"] .fc-more-icon {
  transform: rotate(180deg);
}
.fc-card .fc-chips {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
}
.fc-card .fc-chip {
  display: inline-flex;
  align-items: center;
  max-width: 100%;
  min-height: 28px;
  padding-block: 3px;
  padding-inline: 10px;
  border: 1px solid transparent;
  border-radius: 14px;
  background: var(--fc-chip-bg);
  color: var(--fc-chip-fg);
  font-size: 13px;
  line-height: 18px;
  text-align: start;
  transition: background-color 120ms ease-out;
}
.fc-card button.fc-chip:hover {
  background: var(--fc-chip-hover);
}
.fc-card .fc-figure {
  min-height: 24px;
  padding-block: 2px;
  border-color: var(--fc-border);
  background: transparent;
  font-variant-numeric: tabular-nums;
}
.fc-card .fc-chip-more {
  border-color: var(--fc-border);
  background: transparent;
  color: var(--fc-accent);
}

/* Articles, roles by date -------------------------------------------------- */
.fc-card .fc-count {
  font-variant-numeric: tabular-nums;
}
.fc-card .fc-roles {
  margin-block-start: 6px;
  font-size: 13px;
  line-height: 18px;
}
.fc-card .fc-role-date {
  color: var(--fc-muted);
}
.fc-card .fc-group + .fc-group {
  padding-block-start: 12px;
  border-block-start: 1px solid var(--fc-border);
}
.fc-card .fc-group-head {
  margin-block-end: 6px;
  color: var(--fc-muted);
  font-size: 12px;
  line-height: 16px;
}
.fc-card .fc-group-head cite {
  font-style: normal;
  font-weight: 600;
}
.fc-card .fc-empty {
  color: var(--fc-muted);
}
.fc-card .fc-figures {
  margin-block-start: 8px;
}

/* Footer ---------------------------------------------------------------- */
.fc-card .fc-foot {
  flex: 0 0 auto;
  padding-block: 8px 10px;
  padding-inline: 16px;
  border-block-start: 1px solid var(--fc-border);
  color: var(--fc-muted);
  font-size: 12px;
  line-height: 16px;
}
.fc-card .fc-onpage {
  display: flex;
  align-items: center;
  gap: 4px;
  margin-block-end: 6px;
  color: var(--fc-fg);
  font-size: 13px;
}
.fc-card .fc-onpage-count {
  flex: 1 1 auto;
  font-variant-numeric: tabular-nums;
}
.fc-card .fc-step {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 28px;
  height: 28px;
  padding: 0;
  border: 1px solid var(--fc-border);
  border-radius: 6px;
  background: transparent;
  font-size: 16px;
  line-height: 1;
}
.fc-card .fc-step:hover {
  background: var(--fc-chip-bg);
}
.fc-card .fc-source-title {
  color: var(--fc-fg);
}

@keyframes fc-in {
  from { opacity: 0; transform: translateY(2px); }
  to { opacity: 1; transform: none; }
}
@media (prefers-reduced-motion: reduce) {
  .fc-card,
  .fc-card *,
  .fc-card *::before,
  .fc-card *::after {
    animation: none !important;
    transition: none !important;
  }
}
@media (forced-colors: active) {
  .fc-card {
    border-color: CanvasText;
  }
  .fc-card .fc-chip,
  .fc-card .fc-step,
  .fc-card .fc-more {
    border: 1px solid ButtonText;
  }
}
`;
