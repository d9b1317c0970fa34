import { css } from 'lit';
import { sharedStyles } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    .card {
      max-width: var(--ntm-max-width, 60rem);
      padding: 1.25rem;
      border: 1px solid var(--_border);
      border-radius: var(--ntm-radius, 8px);
      background: var(--_bg);
    }
    .muted {
      color: var(--_muted);
    }
    .small {
      font-size: 0.875em;
    }
    p {
      margin: 0;
    }
    .title {
      margin: 0;
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .place {
      color: var(--_muted);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.15rem 1rem;
      margin: 0.75rem 0 0;
      font-size: 0.9em;
    }
    .facts > div {
      display: contents;
    }
    .facts dt {
      color: var(--_muted);
    }
    .facts dd {
      margin: 0;
    }
    .doc-title {
      display: block;
      font-size: 0.875em;
    }
    .note {
      margin-top: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--_border);
      background: var(--_surface);
      font-size: 0.875em;
    }
    .region-basis {
      border-left-color: var(--_province);
    }
    .verdict {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 2px solid var(--_status);
      border-radius: var(--ntm-radius, 8px);
      background: color-mix(in srgb, var(--_status) 8%, var(--_bg));
    }
    .verdict-icon {
      color: var(--_status);
      font-size: 2em;
      line-height: 1;
    }
    .verdict-text {
      color: var(--_status);
      font-size: 1.2em;
      font-weight: 700;
    }
    .verdict-count {
      font-size: 1.1em;
      font-weight: 600;
    }
    .undecided {
      margin: 0.15rem 0 0.25rem;
      padding-left: 1.1rem;
      font-size: 0.9em;
    }
    .forecast {
      margin: 0 0 1rem;
    }
    .progress {
      margin: 0 0 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .change {
      font-weight: 600;
    }
    .dir-improved {
      color: var(--_met);
    }
    .dir-worsened {
      color: var(--_not-met);
    }
    .dir-changed,
    .dir-unchanged {
      color: var(--_muted);
    }
    .change .muted {
      font-weight: 400;
    }
    .prerequisite {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-left: 6px solid var(--_status);
      border-radius: var(--ntm-radius, 8px);
      background: var(--_surface);
    }
    .prerequisite-title {
      font-weight: 700;
    }
    .prerequisite-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin: 0.25rem 0;
    }
    .disclosure,
    .toolbar button {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      margin-top: 0.5rem;
      padding: 0.3rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_bg);
      cursor: pointer;
    }
    .disclosure:hover,
    .toolbar button:hover {
      background: var(--_surface);
    }
    .toolbar {
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
      margin-bottom: 0.25rem;
    }
    .toolbar button {
      margin: 0;
      font-size: 0.875em;
    }
    .chevron {
      display: inline-flex;
      transition: transform 0.15s ease;
    }
    [aria-expanded='true'] > .chevron {
      transform: rotate(90deg);
    }
    .group + .group {
      margin-top: 1rem;
    }
    .group-title {
      margin: 0.5rem 0 0.25rem;
      color: var(--_muted);
      font-size: 0.8em;
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .criteria,
    .indicators {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .criterion {
      border: 1px solid var(--_border);
      border-left: 5px solid var(--_status);
      border-radius: 6px;
      background: var(--_bg);
    }
    .criterion + .criterion {
      margin-top: 0.35rem;
    }
    .criterion-heading {
      margin: 0;
      font-size: 1em;
      font-weight: 400;
    }
    .criterion-toggle {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.6rem;
      width: 100%;
      padding: 0.5rem 0.75rem;
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .criterion-toggle:hover {
      background: var(--_surface);
    }
    .criterion-icon {
      display: inline-flex;
      color: var(--_status);
    }
    .criterion-name {
      flex: 1 1 16rem;
      font-weight: 600;
    }
    .criterion-status {
      color: var(--_status);
      font-weight: 700;
    }
    .criterion-count {
      font-size: 0.875em;
    }
    .panel {
      padding: 0 0.75rem 0.75rem;
    }
    .indicator {
      padding: 0.6rem 0;
      border-top: 1px solid var(--_border);
    }
    .indicator-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: flex-start;
      justify-content: space-between;
    }
    .indicator-name {
      flex: 1 1 18rem;
    }
    .indicator-id {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .values {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.5rem;
      margin: 0.35rem 0 0;
    }
    .values > div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.4em;
    }
    .values .requirement {
      flex-basis: 100%;
    }
    .values dt {
      /* The label keeps its line ("Mức yêu cầu:"); a long value wraps instead (narrow screens). */
      flex: none;
      color: var(--_muted);
    }
    .values dd {
      /* Next to its label while 6em are left on the line, wrapping within; below a long label otherwise. */
      flex: 1 1 6em;
      min-width: 6em;
      overflow-wrap: anywhere;
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .values .requirement dd {
      font-weight: 400;
    }
    .no-data {
      color: var(--_missing);
      font-style: italic;
    }
    .meter {
      position: relative;
      height: var(--ntm-bar-height, 0.6rem);
      margin: 0.5rem 0 0.3rem;
      border-radius: 999px;
      background: var(--_track);
      max-width: 28rem;
    }
    .meter-fill {
      height: 100%;
      border-radius: 999px;
      background: var(--_status);
    }
    .meter-target {
      position: absolute;
      top: -0.25rem;
      bottom: -0.25rem;
      width: 3px;
      margin-left: -1px;
      background: var(--_target);
      border-radius: 1px;
    }
    .gap {
      margin-top: 0.2rem;
      color: var(--_status);
      font-weight: 600;
    }
    .s-met .gap {
      color: var(--_muted);
      font-weight: 400;
    }
    .marker {
      display: flex;
      gap: 0.4em;
      align-items: baseline;
      margin-top: 0.3rem;
      font-size: 0.875em;
    }
    .marker.province {
      color: var(--_province);
    }
    .conf {
      margin-top: 0.3rem;
      font-size: 0.875em;
    }
    .conf:not(.c-official) {
      padding-left: 0.6rem;
      border-left: 3px solid var(--_unverified);
    }
    .conf:not(.c-official) strong {
      color: var(--_unverified);
    }
    .c-official {
      color: var(--_muted);
    }
    blockquote {
      margin: 0.2rem 0 0;
      font-style: italic;
      overflow-wrap: anywhere;
    }
    .reason,
    .citation {
      margin-top: 0.25rem;
      color: var(--_muted);
      font-size: 0.8em;
      overflow-wrap: anywhere;
    }
    .loading {
      display: flex;
      gap: 0.6rem;
      align-items: center;
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid var(--_border);
      border-top-color: var(--_focus);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
      .chevron {
        transition: none;
      }
    }
    @media print {
      .meter-fill,
      .meter-target {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      .card {
        max-width: none;
        padding: 0;
        border: 0;
      }
      .panel[hidden] {
        display: block !important;
      }
      .criterion,
      .indicator,
      .prerequisite,
      .verdict {
        break-inside: avoid;
      }
      .criterion-toggle {
        padding: 0.25rem 0.5rem;
        cursor: auto;
      }
      .verdict,
      .prerequisite {
        background: none;
      }
      a {
        color: inherit;
        text-decoration: none;
      }
    }
  `,
];
