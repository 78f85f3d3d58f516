// The gallery: the notebook's views on the bundled default dataset.
// Data in with @clamp-viz/io (Parquet + TSV, 1:1 join), projections in a Web Worker with
// @clamp-viz/projection, drawing with <cluster-scatter>. Two linked plots (two methods over the same
// rows) share one selection model: a lasso or click in one selects the same rows in the other. The
// one-sentence view (<token-cloud>: the guesses as text, Tol's rainbow) shares the same selection. Nothing heavy runs on the main thread
// except decoding the files.
import '@clamp-viz/components/cluster-scatter.js';
import '@clamp-viz/components/token-cloud.js';
import { createSelectionModel, type TokenCloud } from '@clamp-viz/components';
import { loadDataset, NOTEBOOK_SENTENCE, type Dataset } from '@clamp-viz/io';
import { createProjectionWorker, listMethods, type MethodOptionsMap } from '@clamp-viz/projection';
import { showSentence, type SentenceView } from './sentence-view.js';
import { createViewProjector } from './view-projector.js';


const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
const status = $<HTMLDivElement>('#status');
const linkedStatus = $<HTMLDivElement>('#linked-status');
const selectionStatus = $<HTMLDivElement>('#selection-status');
const progress = $<HTMLProgressElement>('#progress');
const scatter = $<HTMLElementTagNameMap['cluster-scatter']>('#scatter');
const linked = $<HTMLElementTagNameMap['cluster-scatter']>('#linked');
const sentencePlot = $<TokenCloud>('#sentence-plot');
const methodSelect = $<HTMLSelectElement>('#method');
const linkedMethodSelect = $<HTMLSelectElement>('#linked-method');
const seedInput = $<HTMLInputElement>('#seed');
const runButton = $<HTMLButtonElement>('#run');
const cancelButton = $<HTMLButtonElement>('#cancel');

const worker = createProjectionWorker();
/** One selection (and hover) shared by the two big plots: rows of the dataset. */
const model = createSelectionModel();
scatter.selectionModel = model;
linked.selectionModel = model;
let dataset: Dataset | undefined;
let sentence: SentenceView | undefined;

function setStatus(text: string, state?: string) {
  status.textContent = text;
  if (state) document.body.dataset.state = state;
}

const seed = () => Number(seedInput.value) || 0;
const rowsText = () => `${dataset!.matrix.rows.toLocaleString()} points × ${dataset!.matrix.cols} dims`;

const main = createViewProjector(worker, scatter, {
  start(method) {
    runButton.disabled = true;
    cancelButton.disabled = false;
    setStatus(`${method}: starting…`, 'projecting');
  },
  progress(method, p) {
    progress.max = Math.max(1, p.total);
    progress.value = p.done;
    setStatus(`${method}: ${p.phase} ${p.done}/${p.total}`);
  },
  done(method, seconds) {
    runButton.disabled = false;
    cancelButton.disabled = true;
    if (scatter.positions) sentence?.move(scatter.positions as Float32Array);
    setStatus(`${method}: ${rowsText()} projected in ${seconds.toFixed(2)} s (in a Web Worker)`, 'ready');
  },
  fail(method, e, aborted) {
    runButton.disabled = false;
    cancelButton.disabled = true;
    setStatus(aborted ? `${method}: cancelled` : `${method}: ${e.name}: ${e.message}`, aborted ? 'ready' : 'error');
  },
});

const second = createViewProjector(worker, linked, {
  start(method) {
    linkedStatus.textContent = `${method}: projecting…`;
    document.body.dataset.linked = 'projecting';
  },
  progress(method, p) {
    linkedStatus.textContent = `${method}: ${p.phase} ${p.done}/${p.total}`;
  },
  done(method, seconds) {
    linkedStatus.textContent = `${method}: projected in ${seconds.toFixed(2)} s`;
    document.body.dataset.linked = 'ready';
  },
  fail(method, e, aborted) {
    linkedStatus.textContent = aborted ? `${method}: cancelled` : `${method}: ${e.name}: ${e.message}`;
    document.body.dataset.linked = aborted ? 'ready' : 'error';
  },
});

function fillMethods(select: HTMLSelectElement, value: string) {
  for (const m of listMethods()) {
    const option = document.createElement('option');
    option.value = m.name;
    option.textContent = m.name;
    option.title = m.description;
    select.append(option);
  }
  select.value = value;
}

function wireControls() {
  $('#controls').addEventListener('submit', (e) => {
    e.preventDefault();
    if (dataset) void main.run(dataset, methodSelect.value as keyof MethodOptionsMap, seed());
  });
  cancelButton.addEventListener('click', () => main.cancel());
  linkedMethodSelect.addEventListener('change', () => {
    if (dataset) void second.run(dataset, linkedMethodSelect.value as keyof MethodOptionsMap, seed());
  });
  $<HTMLInputElement>('#outlines').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked ? 'auto' : null;
    scatter.outlines = on;
    linked.outlines = on;
  });
  $<HTMLSelectElement>('#theme').addEventListener('change', (e) => {
    const theme = (e.target as HTMLSelectElement).value;
    for (const el of [scatter, linked, sentencePlot]) el.theme = theme;
    document.documentElement.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
  });
  $<HTMLSelectElement>('#color').addEventListener('change', (e) => applyColor((e.target as HTMLSelectElement).value));
  $<HTMLSelectElement>('#drag-mode').addEventListener('change', (e) => {
    const mode = (e.target as HTMLSelectElement).value as 'pan' | 'lasso' | 'rect';
    scatter.dragMode = mode;
    linked.dragMode = mode;
  });
  $<HTMLButtonElement>('#png').addEventListener('click', async () => {
    const blob = await scatter.toPNG({ scale: 2 });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `clamp-viz-${methodSelect.value}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  $<HTMLButtonElement>('#clear').addEventListener('click', () => model.clear());
  model.subscribe((state, change) => {
    if (change.kind !== 'select') return;
    const n = state.selected.length;
    selectionStatus.textContent = n ? `${n.toLocaleString()} row${n === 1 ? '' : 's'} selected (highlighted in both plots)` : 'No selection';
  });
}

/**
 * The colour control: `by-cluster` (default) is the notebook's pairing, categorical by cluster in the
 * big plots and Tol's discrete rainbow in the one-sentence view; any other value is a `color-scheme`
 * applied to all three plots (`continuous` = viridis over the cluster ids, like the notebook's
 * `color="cluster_id"`; `turbo`, `magma`: other d3 interpolators over the ids).
 */
function applyColor(value: string) {
  const big = value === 'by-cluster' ? 'categorical' : value;
  scatter.colorScheme = big;
  linked.colorScheme = big;
  const small = value === 'by-cluster' ? 'tol-rainbow' : value;
  if (sentence) sentence.setColorScheme(small);
  else sentencePlot.colorScheme = small;
  document.body.dataset.color = value;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function start() {
  fillMethods(methodSelect, 'pca');
  fillMethods(linkedMethodSelect, 'pca-centers');
  wireControls();
  setStatus('Loading embeddings.parquet and clusters.tsv…');
  const [embeddings, clusters] = await Promise.all([fetchBytes('data/embeddings.parquet'), fetchBytes('data/clusters.tsv')]);
  dataset = await loadDataset({
    embeddings: { bytes: embeddings, fileName: 'embeddings.parquet' },
    clusters: { bytes: clusters, fileName: 'clusters.tsv' },
  });
  for (const el of [scatter, linked]) {
    el.cluster = dataset.clusterIds;
    el.tokens = dataset.guesses;
    el.preambles = dataset.preambles;
  }
  sentence = showSentence(dataset, NOTEBOOK_SENTENCE, {
    text: $('#sentence-preamble'),
    list: $<HTMLOListElement>('#sentence-guesses'),
    plot: sentencePlot,
  }, model);
  // The worker runs one request after the other: the main view first, then the linked one.
  await main.run(dataset, methodSelect.value as keyof MethodOptionsMap, seed());
  await second.run(dataset, linkedMethodSelect.value as keyof MethodOptionsMap, seed());
}

start().catch((error: Error) => setStatus(`Could not load the dataset: ${error.name}: ${error.message}`, 'error'));
