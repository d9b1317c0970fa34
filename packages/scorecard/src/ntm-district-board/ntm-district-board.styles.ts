import { css } from 'lit';
import { sharedStyles } from '../internal/shared.styles.js';

export const styles = [
  sharedStyles,
  css`
    :host {
      --_blocker: var(--ntm-color-blocker, color-mix(in srgb, var(--_not-met) 10%, var(--_bg)));
    }
    p {
      margin: 0;
    }
    .muted {
      color: var(--_muted);
    }
    .header {
      margin-bottom: 0.75rem;
    }
    .title {
      font-size: 1.4em;
      font-weight: 700;
      line-height: 1.25;
    }
    .subtitle {
      color: var(--_muted);
    }
    .totals {
      margin-top: 0.35rem;
      font-weight: 600;
    }
    .progress {
      margin-top: 0.2rem;
    }
    .blockers {
      margin: 0 0 0.75rem;
      padding: 0.6rem 0.9rem;
      border: 1px solid var(--_border);
      border-left: 6px solid var(--_not-met);
      border-radius: var(--ntm-radius, 8px);
      background: var(--_surface);
    }
    .blockers-title {
      font-weight: 700;
    }
    .blockers ol {
      margin: 0.25rem 0 0;
      padding-left: 1.5rem;
    }
    .blockers li.highlighted strong::before {
      content: '⚑ ';
      content: '⚑ ' / '';
      color: var(--_not-met);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: end;
      margin: 0 0 0.5rem;
    }
    .search {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      flex: 1 1 14rem;
      max-width: 24rem;
      font-size: 0.875em;
      font-weight: 600;
    }
    .search input {
      min-width: 0;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      color: inherit;
      background: var(--_bg);
      font: inherit;
      font-weight: 400;
    }
    .status-filter {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.2em;
      padding: 0.25rem 0.65rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_bg);
      font-size: 0.875em;
      cursor: pointer;
    }
    .chip .glyph {
      color: var(--_status);
    }
    .chip[aria-pressed='true'] {
      border-color: var(--_status);
      background: color-mix(in srgb, var(--_status) 14%, var(--_bg));
      font-weight: 600;
    }
    .chip-count {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .result-count {
      flex: 1 0 100%;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .table-wrap {
      position: relative;
      max-height: var(--ntm-board-max-height, 75vh);
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--ntm-radius, 8px);
    }
    table {
      table-layout: fixed;
      min-width: 100%;
      border-collapse: separate;
      border-spacing: 0;
      font-size: 0.875em;
      font-variant-numeric: tabular-nums;
    }
    caption {
      padding: 0.4rem 0.6rem;
      text-align: start;
      color: var(--_muted);
      caption-side: top;
    }
    col.blocker {
      background: var(--_blocker);
    }
    .w-commune {
      width: 12em;
    }
    .w-status {
      width: 12em;
    }
    .w-num {
      width: 4.5em;
    }
    .w-change {
      width: 13em;
    }
    .w-crit {
      width: 2.3em;
    }
    th,
    td {
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: middle;
    }
    /* One line per row, of one height: the row window counts on it (row-window.ts, ROW_ESTIMATE_PX). The
       cells clip rather than hide their overflow: a hidden overflow makes each cell a scroll container, which
       costs a third of the table's layout. */
    tbody tr {
      height: 2.5em;
    }
    tbody th,
    tbody td {
      white-space: nowrap;
      overflow: clip;
      text-overflow: ellipsis;
    }
    tbody .spacer > td {
      padding: 0;
      border: 0;
    }
    .no-match > td {
      padding: 1rem;
      color: var(--_muted);
      white-space: normal;
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 2;
      background: var(--_surface);
      vertical-align: bottom;
    }
    tfoot th,
    tfoot td {
      position: sticky;
      bottom: 0;
      z-index: 2;
      background: var(--_surface);
      border-top: 2px solid var(--_border);
      font-weight: 600;
      white-space: nowrap;
    }
    tfoot td.blocker,
    thead th.blocker {
      background: color-mix(in srgb, var(--_not-met) 14%, var(--_surface));
    }
    th.commune-col {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--_bg);
      font-weight: 400;
    }
    thead th.commune-col {
      z-index: 3;
      background: var(--_surface);
    }
    tbody tr {
      cursor: pointer;
    }
    tbody tr:hover > * {
      background-color: color-mix(in srgb, var(--_focus) 7%, transparent);
    }
    tbody tr:hover th.commune-col {
      background: color-mix(in srgb, var(--_focus) 7%, var(--_bg));
    }
    .crit {
      padding: 0.3rem 0.15rem;
      text-align: center;
      font-weight: 600;
    }
    .crit-name {
      display: inline-block;
      max-height: 9rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      writing-mode: vertical-rl;
      transform: rotate(180deg);
      font-weight: 400;
    }
    .crit-id {
      font-weight: 700;
    }
    .flag {
      display: block;
      color: var(--_not-met);
    }
    .sort {
      padding: 0.1rem 0.25rem;
      white-space: normal;
      text-align: start;
      border: 0;
      background: none;
      font-weight: 700;
      cursor: pointer;
    }
    .sort-mark {
      margin-inline-start: 0.3em;
      color: var(--_muted);
      font-size: 0.8em;
    }
    .commune {
      padding: 0.1rem 0;
      border: 0;
      background: none;
      color: var(--_link);
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
      display: block;
      max-width: 100%;
      overflow: clip;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .num,
    .count,
    .cell {
      text-align: center;
      white-space: nowrap;
    }
    .count {
      padding: 0.3rem 0;
    }
    .count.share {
      font-size: 0.8em;
    }
    .cell {
      min-width: 1.8rem;
      padding: 0.3rem 0.15rem;
      color: var(--_status);
      font-weight: 700;
    }
    .status {
      color: var(--_status);
      font-weight: 600;
    }
    .prereq > span {
      color: var(--_status);
    }
    .prereq > span + span {
      margin-inline-start: 0.6em;
    }
    .glyph {
      margin-inline-end: 0.3em;
    }
    .s-met > .glyph::before {
      content: '✔';
      content: '✔' / '';
    }
    .s-not-met > .glyph::before {
      content: '✘';
      content: '✘' / '';
    }
    .s-incomplete > .glyph::before {
      content: '◐';
      content: '◐' / '';
    }
    .change {
      font-weight: 600;
    }
    .change .muted {
      font-weight: 400;
    }
    .dir-improved {
      color: var(--_met);
    }
    .dir-worsened {
      color: var(--_not-met);
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      margin-bottom: 0.75rem;
      padding: 0.35rem 0.8rem;
      border: 1px solid var(--_border);
      border-radius: 6px;
      background: var(--_surface);
      cursor: pointer;
    }
    .back:hover {
      border-color: var(--_focus);
    }
    @media print {
      .table-wrap {
        max-height: none;
        overflow: visible;
        border: 0;
      }
      thead th,
      tfoot th,
      tfoot td,
      th.commune-col {
        position: static;
      }
      .sort-mark {
        display: none;
      }
      .commune {
        color: inherit;
        text-decoration: none;
      }
      tr {
        break-inside: avoid;
      }
      .spacer {
        display: none;
      }
      /* Every row is printed: long names may wrap again. */
      tbody tr {
        height: auto;
      }
      tbody th,
      tbody td,
      .commune {
        white-space: normal;
        overflow: visible;
      }
      col.blocker,
      thead th.blocker,
      tfoot td.blocker {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `,
];
