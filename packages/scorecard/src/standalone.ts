/**
 * Entry of the single-file bundle for `<script type="module" src=".../ntm-scorecard.js">`: lit included, the
 * elements defined. Core's evaluation and rules are a separate file, loaded only by `<ntm-scorecard src>`.
 */
export * from './index.js';
