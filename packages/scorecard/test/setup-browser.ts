// Every browser test fails on a console error, an uncaught error or an unhandled rejection, and starts on an
// empty page.
import { afterEach, beforeEach, expect, type MockInstance, vi } from 'vitest';

const pageErrors: unknown[] = [];
window.addEventListener('error', (event) => pageErrors.push(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => pageErrors.push(event.reason));

let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  // The test page says lang="en"; the elements follow the nearest lang, so start from Vietnamese.
  document.documentElement.setAttribute('lang', 'vi');
  pageErrors.length = 0;
  consoleError = vi.spyOn(console, 'error');
});

afterEach(async () => {
  // Let pending microtasks and timers (lit updates, loads) settle before checking.
  await new Promise((resolve) => setTimeout(resolve, 0));
  document.body.replaceChildren();
  expect(consoleError).not.toHaveBeenCalled();
  expect(pageErrors).toEqual([]);
  consoleError.mockRestore();
});
