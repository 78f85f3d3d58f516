// The gallery: the notebook's views on the bundled default dataset.
// Data in with @clamp-viz/io (Parquet + TSV, 1:1 join), projection in a Web Worker with
// @clamp-viz/projection, drawing with <cluster-scatter>. Nothing heavy runs on the main thread
// except decoding the files.
import '@clamp-viz/components/cluster-scatter.js';
import { categoricalColor, tolRainbowDiscrete } from '@clamp-viz/components';
import { loadDataset, NOTEBOOK_SENTENCE, type Dataset } from '@clamp-viz/io';
import { createProjectionWorker, listMethods, type MethodOptionsMap, type Progress } from '@clamp-viz/projection';

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
const status = $<HTMLDivElement>('#status');
const progress = $<HTMLProgressElement>('#progress');
const scatter = document.querySelector('cluster-scatter')!;
const methodSelect = $<HTMLSelectElement>('#method');
const seedInput = $<HTMLInputElement>('#seed');
const runButton = $<HTMLButtonElement>('#run');
const cancelButton = $<HTMLButtonElement>('#cancel');

const worker = createProjectionWorker();
let dataset: Dataset | undefined;
let running: AbortController | undefined;

function setStatus(text: string, state?: string) {
  status.textContent = text;
  if (state) document.body.dataset.state = state;
}

function onProgress(p: Progress) {
  progress.max = Math.max(1, p.total);
  progress.value = p.done;
  setStatus(`${methodSelect.value}: ${p.phase} ${p.done}/${p.total}`);
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Lists one preamble's guesses as text (never HTML), coloured by cluster with Tol's discrete rainbow as the notebook does. */
function showSentence(ds: Dataset, preamble: string) {
  $('#sentence-preamble').textContent = preamble;
  const list = $<HTMLOListElement>('#sentence-guesses');
  list.replaceChildren();
  const rows: number[] = [];
  ds.preambles.forEach((p, i) => { if (p === preamble) rows.push(i); });
  const ids = [...new Set(rows.map((r) => ds.clusterIds[r]!))].sort((a, b) => a - b);
  const colours = tolRainbowDiscrete(Math.min(ids.length, 23));
  for (const r of rows) {
    const id = ds.clusterIds[r]!;
    const k = ids.indexOf(id);
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = ids.length <= 23 ? colours[k]! : `#${categoricalColor(id).toString(16).padStart(6, '0')}`;
    li.append(swatch, document.createTextNode(JSON.stringify(ds.guesses[r]!)));
    li.title = `cluster ${id}: click to select it in the plot`;
    li.tabIndex = 0;
    li.addEventListener('click', () => scatter.select([r]));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') scatter.select([r]); });
    list.append(li);
  }
}

async function project() {
  if (!dataset) return;
  running?.abort();
  const controller = new AbortController();
  running = controller;
  // Method names come from the registry (listMethods), so any registered method can be chosen.
  const method = methodSelect.value as keyof MethodOptionsMap;
  runButton.disabled = true;
  cancelButton.disabled = false;
  setStatus(`${method}: starting…`, 'projecting');
  const t0 = performance.now();
  try {
    const result = await worker.project(dataset.matrix, {
      method,
      seed: Number(seedInput.value) || 0,
      clusters: dataset.clusterIds,
    }, {
      signal: controller.signal,
      onProgress,
      onLayout: (layout) => scatter.updatePositions(layout),
    });
    scatter.positions = result.embedding;
    await scatter.updateComplete;
    setStatus(`${method}: ${dataset.matrix.rows.toLocaleString()} points × ${dataset.matrix.cols} dims projected in ${((performance.now() - t0) / 1000).toFixed(2)} s (in a Web Worker)`, 'ready');
  } catch (error) {
    const e = error as Error;
    setStatus(e.name === 'AbortError' ? `${method}: cancelled` : `${method}: ${e.name}: ${e.message}`, e.name === 'AbortError' ? 'ready' : 'error');
  } finally {
    if (running === controller) running = undefined;
    runButton.disabled = false;
    cancelButton.disabled = true;
  }
}

async function start() {
  for (const m of listMethods()) {
    const option = document.createElement('option');
    option.value = m.name;
    option.textContent = m.name;
    option.title = m.description;
    methodSelect.append(option);
  }
  methodSelect.value = 'pca';
  $('#controls').addEventListener('submit', (e) => { e.preventDefault(); void project(); });
  cancelButton.addEventListener('click', () => running?.abort());
  $<HTMLInputElement>('#outlines').addEventListener('change', (e) => {
    scatter.outlines = (e.target as HTMLInputElement).checked ? 'auto' : null;
  });
  $<HTMLSelectElement>('#theme').addEventListener('change', (e) => {
    scatter.theme = (e.target as HTMLSelectElement).value;
    document.documentElement.style.colorScheme = scatter.theme === 'auto' ? 'light dark' : scatter.theme;
  });
  $<HTMLButtonElement>('#png').addEventListener('click', async () => {
    const blob = await scatter.toPNG({ scale: 2 });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `clamp-viz-${methodSelect.value}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });

  setStatus('Loading embeddings.parquet and clusters.tsv…');
  const [embeddings, clusters] = await Promise.all([fetchBytes('data/embeddings.parquet'), fetchBytes('data/clusters.tsv')]);
  dataset = await loadDataset({
    embeddings: { bytes: embeddings, fileName: 'embeddings.parquet' },
    clusters: { bytes: clusters, fileName: 'clusters.tsv' },
  });
  scatter.cluster = dataset.clusterIds;
  scatter.tokens = dataset.guesses;
  scatter.preambles = dataset.preambles;
  showSentence(dataset, NOTEBOOK_SENTENCE);
  await project();
}

start().catch((error: Error) => setStatus(`Could not load the dataset: ${error.name}: ${error.message}`, 'error'));
