// W2 in the browser: one measurement per call of `window.ntmBench.measure(spec)`, driven by bench/w2-components
// through playwright. Plain JavaScript served as is (no build step): the elements come from the built
// standalone bundle, the baselines are a bare Lit element (lit 3 from node_modules, via the page's import map)
// and plain DOM building the same rows, all in this page.
//
// Every measurement uses a fresh element (or fresh host) that is already connected and painted in its empty
// state; the clock runs from setting the property to `updateComplete` ("render": template, DOM commit) and to
// the end of the next frame ("frame": requestAnimationFrame, then a posted task, so style, layout and paint of
// that frame are included).
import { html, LitElement } from 'lit';
import { NtmDistrictBoard, NtmScorecard } from '/standalone/ntm-scorecard.js';

const stage = document.getElementById('stage');
/** One JSON text per evaluation (precomputed in Node by core's evaluateMany), parsed afresh for each run. */
let texts = [];

const forceGc = () => {
  if (typeof window.gc === 'function') window.gc();
};

/** Resolves after the next frame has been produced: rAF callbacks, then style, layout and paint, then a task. */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

/**
 * With `spec.gate`, a run stops after its set-up, before the clock starts, until the driver calls
 * `window.ntmBenchRelease()`: the driver reads Chromium's counters (script, style, layout) around the timed part.
 */
function gate(spec) {
  if (!spec.gate) return undefined;
  return new Promise((resolve) => {
    window.ntmBenchRelease = resolve;
    document.documentElement.dataset.benchGate = 'waiting';
  });
}

const parse = (from, count) => texts.slice(from, from + count).map((text) => JSON.parse(text));

/**
 * Evaluations for a board of `count` communes: the distinct ones (parsed afresh), repeated beyond their number
 * with ids and names of their own ("Xã thử nghiệm 12 (3)"). A country of 3,300 evaluations of 79 KiB each would
 * take 260 MB of JSON; the board reads every evaluation the same way whether or not two share their criteria.
 */
function boardData(count) {
  const distinct = parse(0, Math.min(count, texts.length));
  if (count <= distinct.length) return distinct;
  return Array.from({ length: count }, (_, i) => {
    const evaluation = distinct[i % distinct.length];
    const round = Math.floor(i / distinct.length);
    if (round === 0) return evaluation;
    const { id, name } = evaluation.commune;
    return {
      ...evaluation,
      commune: { ...evaluation.commune, id: `${id}-${round}`, name: `${name} (${round})` },
    };
  });
}

const STATUS_RANK = { met: 2, incomplete: 1, 'not-met': 0 };

// ---- baseline 1: a bare Lit element, minimal templates, same rows ---------------------------------------------

const tiersOf = (evaluation) => [...(evaluation.prerequisites ?? []).flatMap(tiersOf), evaluation];

class BareCard extends LitElement {
  static properties = { result: { attribute: false } };
  constructor() {
    super();
    this.result = null;
  }
  render() {
    const evaluation = this.result;
    if (!evaluation) return html`<p>empty</p>`;
    return html`<article>
      <h2>${evaluation.commune.name}</h2>
      <p>${evaluation.status}: ${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal}</p>
      ${tiersOf(evaluation).map(
        (tier) => html`<section>
          <h3>${tier.level}: ${tier.status}</h3>
          ${tier.criteria.map(
            (criterion) => html`<div>
              <h4>${criterion.id}. ${criterion.name?.vi ?? criterion.id}: ${criterion.status}</h4>
              <ul>
                ${criterion.indicators.map(
                  (indicator) => html`<li class=${indicator.status}>
                    <span>${indicator.id} ${indicator.name?.vi ?? ''}</span>
                    <span>${indicator.status}</span>
                    <span>${indicator.actual ?? '—'}</span>
                    <span>${indicator.comparator ?? ''} ${indicator.target ?? '—'}</span>
                    <span>${indicator.gap ?? ''}</span>
                    <span>${indicator.citation?.document ?? ''}</span>
                  </li>`,
                )}
              </ul>
            </div>`,
          )}
        </section>`,
      )}
    </article>`;
  }
}
customElements.define('bench-bare-card', BareCard);

/** The board's rows without summarize: name, status, criteria met, one cell per criterion. */
function boardRows(evaluations, byName) {
  const rows = evaluations.map((evaluation) => ({
    id: evaluation.commune.id,
    name: evaluation.commune.name,
    status: evaluation.status,
    met: evaluation.counts.criteriaMet,
    total: evaluation.counts.criteriaTotal,
    cells: evaluation.criteria.map((criterion) => criterion.status),
  }));
  return byName
    ? rows.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    : rows.sort((a, b) => b.met - a.met);
}

class BareBoard extends LitElement {
  static properties = { evaluations: { attribute: false }, byName: { type: Boolean } };
  constructor() {
    super();
    this.evaluations = [];
    this.byName = false;
  }
  render() {
    const list = this.evaluations;
    if (list.length === 0) return html`<p>empty</p>`;
    const columns = list[0].criteria;
    return html`<div style="max-height: 75vh; overflow: auto">
      <table>
        <thead>
          <tr>
            <th>commune</th><th>result</th><th>criteria</th>
            ${columns.map((column) => html`<th>${column.id}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${boardRows(list, this.byName).map(
            (row) => html`<tr data-id=${row.id}>
              <th><button>${row.name}</button></th>
              <td class=${row.status}>${row.status}</td>
              <td>${row.met}/${row.total}</td>
              ${row.cells.map((status) => html`<td class=${status}></td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
customElements.define('bench-bare-board', BareBoard);

// ---- baseline 2: plain DOM (createElement), same rows ---------------------------------------------------------

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function domCard(evaluation) {
  const article = el('article');
  article.append(
    el('h2', evaluation.commune.name),
    el('p', `${evaluation.status}: ${evaluation.counts.criteriaMet}/${evaluation.counts.criteriaTotal}`),
  );
  for (const tier of tiersOf(evaluation)) {
    const section = el('section');
    section.append(el('h3', `${tier.level}: ${tier.status}`));
    for (const criterion of tier.criteria) {
      const div = el('div');
      div.append(el('h4', `${criterion.id}. ${criterion.name?.vi ?? criterion.id}: ${criterion.status}`));
      const list = el('ul');
      for (const indicator of criterion.indicators) {
        const item = el('li', undefined, indicator.status);
        item.append(
          el('span', `${indicator.id} ${indicator.name?.vi ?? ''}`),
          el('span', indicator.status),
          el('span', String(indicator.actual ?? '—')),
          el('span', `${indicator.comparator ?? ''} ${indicator.target ?? '—'}`),
          el('span', String(indicator.gap ?? '')),
          el('span', indicator.citation?.document ?? ''),
        );
        list.append(item);
      }
      div.append(list);
      section.append(div);
    }
    article.append(section);
  }
  return article;
}

function domBoard(evaluations, byName) {
  const wrap = el('div');
  wrap.style.cssText = 'max-height: 75vh; overflow: auto';
  const table = el('table');
  const head = el('tr');
  head.append(el('th', 'commune'), el('th', 'result'), el('th', 'criteria'));
  for (const column of evaluations[0].criteria) head.append(el('th', column.id));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const row of boardRows(evaluations, byName)) {
    const tr = el('tr');
    tr.dataset.id = row.id;
    const th = el('th');
    th.append(el('button', row.name));
    tr.append(th, el('td', row.status, row.status), el('td', `${row.met}/${row.total}`));
    for (const status of row.cells) tr.append(el('td', undefined, status));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  return wrap;
}

/**
 * Plain DOM drawing only the rows in view, as a windowed table must: every row computed and sorted as the
 * element orders them (criteria met, result, name with the same collator), the counts per criterion over all of
 * them, then `visible` rows drawn and one spacer standing for the others.
 */
function domBoardVisible(evaluations, visible) {
  const collator = new Intl.Collator('vi-VN', { sensitivity: 'base', numeric: true });
  const rows = boardRows(evaluations, false);
  const names = rows.map((row) => row.name);
  const byName = names.map((_, i) => i).sort((a, b) => collator.compare(names[a], names[b]) || a - b);
  const rank = new Int32Array(rows.length);
  byName.forEach((row, position) => {
    rank[row] = position;
  });
  const order = rows.map((_, i) => i);
  order.sort(
    (a, b) =>
      rows[b].met - rows[a].met ||
      STATUS_RANK[rows[b].status] - STATUS_RANK[rows[a].status] ||
      rank[a] - rank[b],
  );
  const columns = evaluations[0].criteria;
  const met = columns.map(() => 0);
  for (const row of rows)
    row.cells.forEach((status, c) => {
      if (status === 'met') met[c]++;
    });
  const wrap = el('div');
  wrap.style.cssText = 'max-height: 75vh; overflow: auto';
  const table = el('table');
  const head = el('tr');
  head.append(el('th', 'commune'), el('th', 'result'), el('th', 'criteria'));
  for (const column of columns) head.append(el('th', column.id));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const index of order.slice(0, visible)) {
    const row = rows[index];
    const tr = el('tr');
    tr.dataset.id = row.id;
    const th = el('th');
    th.append(el('button', row.name));
    tr.append(th, el('td', row.status, row.status), el('td', `${row.met}/${row.total}`));
    for (const status of row.cells) tr.append(el('td', undefined, status));
    tbody.append(tr);
  }
  const spacer = el('tr');
  const cell = el('td');
  cell.style.height = `${(rows.length - visible) * 22}px`;
  spacer.append(cell);
  tbody.append(spacer);
  const foot = el('tr');
  foot.append(el('th', 'met'), el('td'), el('td'));
  for (const count of met) foot.append(el('td', `${count}/${rows.length}`));
  const tfoot = el('tfoot');
  tfoot.append(foot);
  table.append(thead, tbody, tfoot);
  wrap.append(table);
  return wrap;
}

// ---- measurements ---------------------------------------------------------------------------------------------

const TAGS = {
  scorecard: { element: 'ntm-scorecard', lit: 'bench-bare-card' },
  board: { element: 'ntm-district-board', lit: 'bench-bare-board' },
};

/** `count` fresh hosts, connected and painted empty: elements, or divs with a shadow root for plain DOM. */
async function freshHosts(kind, variant, count) {
  const container = el('div');
  stage.append(container);
  const hosts = [];
  for (let i = 0; i < count; i++) {
    const host = variant === 'dom' ? el('div') : document.createElement(TAGS[kind][variant]);
    if (variant === 'dom') host.attachShadow({ mode: 'open' });
    container.append(host);
    hosts.push(host);
  }
  if (variant !== 'dom') await Promise.all(hosts.map((host) => host.updateComplete));
  await nextFrame();
  return { container, hosts };
}

const settle = (hosts) => Promise.all(hosts.map((host) => host.updateComplete));
const rowsOf = (host) => host.shadowRoot.querySelectorAll('tbody tr[data-id], tbody tr[data-index]');
/** Rows the table holds for screen readers and scrolling: aria-rowcount − 2 for the element, its rows else. */
function rowsListed(host) {
  const count = host.shadowRoot.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount');
  return count ? Number(count) - 2 : rowsOf(host).length;
}
/** Ends a run (the next one collects garbage before its clock starts). */
const finish = (container) => container.remove();

/** Indicators rendered (a check that the run drew what it should). */
function indicatorsShown(hosts, variant) {
  const selector = variant === 'element' ? 'li.indicator' : 'li';
  return hosts.reduce((sum, host) => sum + host.shadowRoot.querySelectorAll(selector).length, 0);
}

/** Rows of the board inside the visible part of its scrolling table (and of the viewport). */
function visibleRows(host) {
  const rows = rowsOf(host);
  const wrap = host.shadowRoot.querySelector('.table-wrap, div[style]');
  const head = host.shadowRoot.querySelector('thead')?.getBoundingClientRect().bottom ?? 0;
  const bottom = Math.min(wrap ? wrap.getBoundingClientRect().bottom : innerHeight, innerHeight);
  let visible = 0;
  for (const row of rows) {
    const rect = row.getBoundingClientRect();
    if (rect.top < bottom && rect.bottom > Math.max(0, head)) visible++;
    else if (rect.top >= bottom) break;
  }
  return visible;
}

async function scorecards(spec) {
  const { variant, count } = spec;
  const { container, hosts } = await freshHosts('scorecard', variant, count);
  const data = parse(spec.from ?? 0, count);
  forceGc();
  await gate(spec);
  const start = performance.now();
  if (variant === 'dom') {
    hosts.forEach((host, i) => {
      host.shadowRoot.append(domCard(data[i]));
    });
  } else {
    hosts.forEach((host, i) => {
      host.result = data[i];
    });
    await settle(hosts);
  }
  const rendered = performance.now();
  const framed = await nextFrame();
  const shown = indicatorsShown(hosts, variant);
  finish(container);
  return { renderMs: rendered - start, frameMs: framed - start, indicators: shown };
}

async function scorecardUpdate(spec) {
  const { variant } = spec;
  const { container, hosts } = await freshHosts('scorecard', variant, 1);
  const host = hosts[0];
  const [first, second] = parse(spec.from ?? 0, 2);
  if (variant === 'dom') host.shadowRoot.append(domCard(first));
  else {
    host.result = first;
    await host.updateComplete;
  }
  await nextFrame();
  forceGc();
  const start = performance.now();
  if (variant === 'dom') host.shadowRoot.replaceChildren(domCard(second));
  else {
    host.result = second;
    await host.updateComplete;
  }
  const rendered = performance.now();
  const framed = await nextFrame();
  const title = host.shadowRoot.querySelector(variant === 'element' ? '.title' : 'h2')?.textContent;
  const ok = title?.trim() === second.commune.name;
  finish(container);
  return { renderMs: rendered - start, frameMs: framed - start, indicators: ok ? 1 : 0 };
}

/**
 * `evaluations` set on a board: to `updateComplete` and to the end of the next frame. The element (windowed
 * above `virtualize-above`) has nothing left to draw after that frame: every row is listed (aria-rowcount,
 * spacers) and those in view are drawn. `element-all` draws every row in the DOM (as for printing); the baselines
 * draw every row (`dom-visible`: only those in view).
 */
async function board(spec) {
  const { variant, communes } = spec;
  const kind = variant.startsWith('element') ? 'element' : variant.startsWith('dom') ? 'dom' : 'lit';
  const { container, hosts } = await freshHosts('board', kind, 1);
  const host = hosts[0];
  if (variant === 'element-all') host.virtualizeAbove = 1e9;
  const data = boardData(communes);
  forceGc();
  await gate(spec);
  const start = performance.now();
  if (variant === 'dom') host.shadowRoot.append(domBoard(data, false));
  else if (variant === 'dom-visible') host.shadowRoot.append(domBoardVisible(data, spec.visibleRows ?? 30));
  else {
    host.evaluations = data;
    await host.updateComplete;
  }
  const rendered = performance.now();
  const rowsRendered = rowsOf(host).length;
  const framed = await nextFrame();
  const sample = {
    renderMs: rendered - start,
    frameMs: framed - start,
    rowsRendered,
    rowsAtFrame: rowsOf(host).length,
    rowsAll: rowsListed(host),
    visibleRows: visibleRows(host),
  };
  finish(container);
  return sample;
}

async function boardSort(spec) {
  const { variant, communes } = spec;
  const { container, hosts } = await freshHosts('board', variant, 1);
  const host = hosts[0];
  const data = parse(0, communes);
  if (variant === 'dom') host.shadowRoot.append(domBoard(data, false));
  else {
    host.evaluations = data;
    await host.updateComplete;
    if (rowsListed(host) !== communes) throw new Error('board set-up: rows missing');
  }
  await nextFrame();
  forceGc();
  const before = rowsOf(host)[0]?.textContent;
  const start = performance.now();
  if (variant === 'dom') host.shadowRoot.replaceChildren(domBoard(data, true));
  else if (variant === 'lit') {
    host.byName = true;
    await host.updateComplete;
  } else {
    host.sort = 'name';
    await host.updateComplete;
  }
  const rendered = performance.now();
  const framed = await nextFrame();
  const rows = rowsOf(host);
  const changed = rowsListed(host) === communes && rows[0]?.textContent !== before;
  finish(container);
  return { renderMs: rendered - start, frameMs: framed - start, rowsAll: changed ? communes : 0 };
}

// ---- the country board: long tasks while scrolling, sorting and filtering ----------------------------------

/** Collects long tasks (> 50 ms on the main thread, Chromium's Long Tasks API) until `stop()`. */
function watchLongTasks() {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  return () => {
    entries.push(...observer.takeRecords());
    observer.disconnect();
    return entries.map((entry) => entry.duration);
  };
}

/**
 * Times each frame until `stop()`: the longest gap between two frames is what the user sees as a stall; the
 * 90th percentile is the usual frame (16.7 ms at 60 Hz when the page keeps up).
 */
function watchFrames() {
  let last = performance.now();
  const gaps = [];
  let running = true;
  const tick = (now) => {
    gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    running = false;
    gaps.sort((a, b) => a - b);
    return {
      frames: gaps.length,
      longestFrameMs: gaps.at(-1) ?? 0,
      p90FrameMs: gaps[Math.floor(gaps.length * 0.9)] ?? 0,
    };
  };
}

/** A country board, drawn and settled, before the timed part. */
async function countryBoard(spec) {
  const { container, hosts } = await freshHosts('board', 'element', 1);
  const host = hosts[0];
  host.evaluations = boardData(spec.communes);
  await host.updateComplete;
  // The table in the page's view, as when someone scrolls it (rows below the page's viewport are not drawn).
  host.shadowRoot.querySelector('.table-wrap').scrollIntoView({ block: 'start' });
  await nextFrame();
  forceGc();
  // The GC above is a long task of its own: start watching in a later task.
  await nextFrame();
  return { container, host, wrap: host.shadowRoot.querySelector('.table-wrap') };
}

function summary(stopTasks, stopFrames, start) {
  const tasks = stopTasks();
  const frames = stopFrames();
  return {
    ms: performance.now() - start,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    ...frames,
  };
}

/**
 * Scrolls the whole table, top to bottom, one and a half screenfuls per frame (a fast fling: every frame shows
 * rows not drawn before), then jumps to the top and to the end. Checks that the last row was drawn.
 */
async function boardScroll(spec) {
  const { container, host, wrap } = await countryBoard(spec);
  const stopTasks = watchLongTasks();
  const stopFrames = watchFrames();
  const start = performance.now();
  const step = Math.max(100, wrap.clientHeight * 1.5);
  while (wrap.scrollTop + wrap.clientHeight < wrap.scrollHeight - 1) {
    wrap.scrollTop += step;
    await nextFrame();
  }
  wrap.scrollTop = 0;
  await nextFrame();
  wrap.scrollTop = wrap.scrollHeight;
  await nextFrame();
  await host.updateComplete;
  const result = summary(stopTasks, stopFrames, start);
  const rows = rowsOf(host);
  const last = Number(rows[rows.length - 1]?.getAttribute('aria-rowindex'));
  finish(container);
  return { ...result, reachedLast: last === spec.communes + 1 ? 1 : 0, rowsDrawn: rows.length };
}

/** Sorts the country board by name, back, then by criteria met: each to the end of its frame. */
async function boardSortCountry(spec) {
  const { container, host } = await countryBoard(spec);
  const stopTasks = watchLongTasks();
  const stopFrames = watchFrames();
  const start = performance.now();
  const first = rowsOf(host)[0]?.textContent;
  const times = [];
  for (const [sort, direction] of [
    ['name', 'asc'],
    ['name', 'desc'],
    ['criteria', 'desc'],
  ]) {
    const began = performance.now();
    host.sort = sort;
    host.sortDirection = direction;
    await host.updateComplete;
    times.push((await nextFrame()) - began);
  }
  const result = summary(stopTasks, stopFrames, start);
  const ok = rowsOf(host)[0]?.textContent === first ? 1 : 0;
  finish(container);
  return { ...result, slowestMs: Math.max(...times), reachedLast: ok };
}

/**
 * Types a search into the country board's search box, a key at a time (an `input` event each), then presses a
 * result filter button: each to the end of its frame.
 */
async function boardFilter(spec) {
  const { container, host } = await countryBoard(spec);
  const input = host.shadowRoot.querySelector('input[type="search"]');
  const stopTasks = watchLongTasks();
  const stopFrames = watchFrames();
  const start = performance.now();
  const times = [];
  for (const character of spec.query ?? 'thu nghiem 12') {
    const began = performance.now();
    input.value += character;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await host.updateComplete;
    times.push((await nextFrame()) - began);
  }
  const shownAfterQuery = rowsListed(host);
  const began = performance.now();
  host.shadowRoot.querySelector('[part~="status-filter"]:nth-child(2)').click();
  await host.updateComplete;
  times.push((await nextFrame()) - began);
  const result = summary(stopTasks, stopFrames, start);
  finish(container);
  return {
    ...result,
    slowestMs: Math.max(...times),
    shownAfterQuery,
    reachedLast: shownAfterQuery > 0 ? 1 : 0,
  };
}

// ---- phase breakdown (instrumented runs, after the timed ones) -----------------------------------------------

/**
 * For the element: times lit's lifecycle steps (willUpdate: the element's own computations, e.g. summarize for
 * the board; render: building the template values; update: render + committing them to the DOM) by wrapping
 * the prototype's methods for one run, then restoring them. Baselines run as they are (the driver reads
 * Chromium's counters around either).
 */
async function breakdown(spec) {
  const run = () =>
    spec.kind === 'board'
      ? board({ ...spec, communes: spec.communes })
      : scorecards({ ...spec, count: spec.count ?? 1 });
  if (!spec.variant.startsWith('element')) return { ...(await run()), phases: null };
  const Class = spec.kind === 'board' ? NtmDistrictBoard : NtmScorecard;
  const phases = { willUpdate: 0, render: 0, update: 0, performUpdate: 0, updates: 0 };
  const originals = {};
  const names = ['willUpdate', 'render', 'update', 'performUpdate'];
  for (const name of names) {
    originals[name] = Object.getOwnPropertyDescriptor(Class.prototype, name);
    const inherited = originals[name]?.value ?? Object.getPrototypeOf(Class.prototype)[name];
    Class.prototype[name] = function (...args) {
      const start = performance.now();
      try {
        return inherited.apply(this, args);
      } finally {
        phases[name] += performance.now() - start;
        if (name === 'update') phases.updates++;
      }
    };
  }
  try {
    return { ...(await run()), phases };
  } finally {
    for (const name of names) {
      if (originals[name]) Object.defineProperty(Class.prototype, name, originals[name]);
      else delete Class.prototype[name];
    }
  }
}

const MEASURES = {
  scorecards,
  scorecardUpdate,
  board,
  boardSort,
  boardScroll,
  boardSortCountry,
  boardFilter,
  breakdown,
};

window.ntmBench = {
  async load() {
    texts = await (await fetch('/data/evaluations.json')).json();
    await customElements.whenDefined('ntm-scorecard');
    await customElements.whenDefined('ntm-district-board');
    return {
      evaluations: texts.length,
      gc: typeof window.gc === 'function',
      userAgent: navigator.userAgent,
      viewport: [innerWidth, innerHeight],
    };
  },
  measure(spec) {
    const run = MEASURES[spec.measure];
    if (!run) throw new Error(`unknown measure ${spec.measure}`);
    return run(spec);
  },
};
document.documentElement.dataset.benchReady = 'true';
