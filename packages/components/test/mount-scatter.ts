import type { ClusterScatter } from '../src/cluster-scatter/cluster-scatter.component.js';

/**
 * The tail of every test file's `mount`: runs `setup(el)`, appends `el` to the document, records it in `mounted`
 * (removed by the file's afterEach) and waits for its first frame and its picking index. Type-only import of the
 * element, so a file may patch the page (e.g. hide WebGL2) before the component module loads.
 */
export async function mountScatter(el: ClusterScatter, setup: (el: ClusterScatter) => void, mounted: HTMLElement[]): Promise<ClusterScatter> {
  setup(el);
  document.body.append(el);
  mounted.push(el);
  await el.renderComplete;
  await el.indexReady;
  return el;
}
