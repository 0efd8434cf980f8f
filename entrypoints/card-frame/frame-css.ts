/**
 * The frame document's own rules, added after the card's (CARD_CSS). The
 * frame is exactly as large as what it shows, which the host learns from
 * the frame's reports: so nothing here may depend on the frame's own size
 * (100vw would shrink the card as the frame shrinks). The host says how much
 * room the page's viewport has (--fc-frame-max-width, --fc-max-height) and
 * draws the card's shadow itself, outside the frame.
 */
export const FRAME_CSS = `
:root { color-scheme: light dark; background: transparent; }
html, body { margin: 0; padding: 0; overflow: hidden; background: transparent; }
#root { position: absolute; top: 0; left: 0; width: max-content; }
#root .fc-card { max-width: var(--fc-frame-max-width, 360px); box-shadow: none; }
#root .fc-notice {
  box-sizing: border-box; width: max-content; max-width: min(420px, var(--fc-frame-max-width, 420px));
  padding: 10px 14px; border-radius: 8px; background: #1f2124; color: #eaecf0;
  font: 14px/20px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere;
}
#root .fc-notice:empty { display: none; }
`;
