import { css } from 'lit';

/**
 * Design tokens. Public knobs are `--ntm-*` custom properties set by the page; the elements read them through
 * private `--_*` properties whose fallbacks differ between the light and dark schemes.
 */
const light = css`
  --_text: var(--ntm-color-text, #1f2328);
  --_muted: var(--ntm-color-muted, #57606a);
  --_bg: var(--ntm-color-background, #fff);
  --_surface: var(--ntm-color-surface, #f6f8fa);
  --_border: var(--ntm-color-border, #d0d7de);
  --_focus: var(--ntm-color-focus, #0969da);
  --_link: var(--ntm-color-link, #0550ae);
  --_met: var(--ntm-color-met, #1a7f37);
  --_not-met: var(--ntm-color-not-met, #c4231d);
  --_incomplete: var(--ntm-color-incomplete, #8a5a00);
  --_not-evaluable: var(--ntm-color-not-evaluable, #7c3aed);
  --_track: var(--ntm-color-track, #e6e9ed);
`;

const dark = css`
  --_text: var(--ntm-color-text, #e6edf3);
  --_muted: var(--ntm-color-muted, #9da7b3);
  --_bg: var(--ntm-color-background, #0d1117);
  --_surface: var(--ntm-color-surface, #161b22);
  --_border: var(--ntm-color-border, #3d444d);
  --_focus: var(--ntm-color-focus, #58a6ff);
  --_link: var(--ntm-color-link, #79b8ff);
  --_met: var(--ntm-color-met, #56d364);
  --_not-met: var(--ntm-color-not-met, #ff7b72);
  --_incomplete: var(--ntm-color-incomplete, #e3b341);
  --_not-evaluable: var(--ntm-color-not-evaluable, #c4a5ff);
  --_track: var(--ntm-color-track, #30363d);
`;

/** Tokens that default to another one, so they follow the scheme without being repeated for each. */
const derived = css`
  --_missing: var(--ntm-color-missing, var(--_muted));
  --_not-applicable: var(--ntm-color-not-applicable, var(--_muted));
  --_unverified: var(--ntm-color-unverified, var(--_incomplete));
  --_province: var(--ntm-color-province, var(--_link));
  --_target: var(--ntm-color-target, var(--_text));
`;

export const sharedStyles = css`
  :host {
    ${light}
    ${derived}
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--ntm-font-family, system-ui, sans-serif);
    font-size: var(--ntm-font-size, 1rem);
    line-height: 1.5;
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Visually hidden, read by screen readers. Pinned to the corner of its containing block (the host, or the
     table's scroller): left where it stands, an absolutely positioned box escapes any scroller between it and
     the host and widens the page (issue 12). */
  :host {
    position: relative;
  }
  .sr-only {
    position: absolute;
    top: 0;
    left: 0;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_link);
  }
  .s-met {
    --_status: var(--_met);
  }
  .s-not-met {
    --_status: var(--_not-met);
  }
  .s-incomplete {
    --_status: var(--_incomplete);
  }
  .s-missing {
    --_status: var(--_missing);
  }
  .s-not-applicable {
    --_status: var(--_not-applicable);
  }
  .s-not-evaluable {
    --_status: var(--_not-evaluable);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.05em 0.5em;
    border: 1px solid var(--_status, var(--_border));
    border-radius: 999px;
    color: var(--_status, var(--_text));
    background: color-mix(in srgb, var(--_status, var(--_border)) 9%, var(--_bg));
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .icon {
    width: 1em;
    height: 1em;
    flex: none;
    fill: currentColor;
    vertical-align: -0.125em;
  }
  .message {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--ntm-radius, 8px);
    background: var(--_surface);
  }
  .message.error {
    border-color: var(--_not-met);
    border-left-width: 6px;
  }
  .message .title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .message p {
    margin: 0.25rem 0;
  }
  .message ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  @media print {
    :host(:not([theme='light'])),
    :host([theme='light']) {
      ${light}
      color-scheme: light;
      color: #000;
      background: #fff;
      font-size: 10pt;
    }
    .no-print {
      display: none !important;
    }
    .badge {
      background: none;
    }
  }
`;
