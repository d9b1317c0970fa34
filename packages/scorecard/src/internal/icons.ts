import { type SVGTemplateResult, svg } from 'lit';

/** Status icons (decorative: the status is always written next to them). */
const PATHS: Record<string, string> = {
  met: 'M6.3 12.2 2.4 8.3l1.4-1.4 2.5 2.5 5.9-5.9 1.4 1.4z',
  'not-met': 'M4.2 2.8 8 6.6l3.8-3.8 1.4 1.4L9.4 8l3.8 3.8-1.4 1.4L8 9.4l-3.8 3.8-1.4-1.4L6.6 8 2.8 4.2z',
  incomplete: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.8v10.4a5.2 5.2 0 0 1 0-10.4z',
  missing:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.8a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM4.5 7.1h7v1.8h-7z',
  'not-applicable':
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM2.8 8a5.2 5.2 0 0 1 8.3-4.2l-7.3 7.3A5.2 5.2 0 0 1 2.8 8zm2.1 4.2 7.3-7.3a5.2 5.2 0 0 1-7.3 7.3z',
  'not-evaluable':
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.8a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zm-.9 7.9h1.8v1.8H7.1zM8 4c1.5 0 2.6.9 2.6 2.2 0 .9-.5 1.4-1.1 1.8-.5.3-.6.5-.6 1v.2H7.1V9c0-1 .4-1.5 1-1.9.5-.3.7-.5.7-.8 0-.4-.3-.7-.8-.7s-.9.3-.9.9H5.3C5.3 5 6.4 4 8 4z',
  chevron: 'M5.7 3.3 10.4 8l-4.7 4.7-1.4-1.4L7.6 8 4.3 4.7z',
};

export function icon(name: string): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill-rule="evenodd" d=${PATHS[name] ?? ''}></path></svg>`;
}
