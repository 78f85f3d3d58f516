import { combineSelection, type SelectionMode } from './combine-selection.js';

/** What a {@link SelectionModel} holds: row indices shared by linked views. */
export interface SelectionState {
  /** Selected rows, ascending, no duplicates (never mutated; replaced on change). */
  readonly selected: Uint32Array;
  /** The hovered row, or -1. */
  readonly hovered: number;
}

/** Why listeners are called: which part changed and who changed it (`source`, any object or null). */
export interface SelectionChange {
  readonly kind: 'select' | 'hover';
  readonly source: unknown;
}

/**
 * A tiny observable store of selection and hover, shared by linked views (two `<cluster-scatter>`
 * over the same rows, later `<token-cloud>`), without a framework. Rows are indices into the data
 * all views share. Listeners run synchronously; a view ignores changes whose `source` is itself.
 */
export interface SelectionModel {
  readonly state: SelectionState;
  /** Combines ascending, duplicate-free `indices` into the selection (default `replace`). */
  select(indices: Uint32Array, mode?: SelectionMode, source?: unknown): void;
  /** Sets the hovered row (-1 for none); no-op when unchanged. */
  hover(index: number, source?: unknown): void;
  /** Empties the selection. */
  clear(source?: unknown): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: SelectionState, change: SelectionChange) => void): () => void;
}

/** Creates an empty {@link SelectionModel}. */
export function createSelectionModel(): SelectionModel {
  let state: SelectionState = { selected: new Uint32Array(0), hovered: -1 };
  const listeners = new Set<(state: SelectionState, change: SelectionChange) => void>();
  const notify = (change: SelectionChange) => {
    for (const listener of [...listeners]) listener(state, change);
  };
  return {
    get state() {
      return state;
    },
    select(indices, mode = 'replace', source = null) {
      const selected = combineSelection(state.selected, indices, mode);
      if (selected.length === state.selected.length && selected.every((v, i) => v === state.selected[i])) return;
      state = { ...state, selected };
      notify({ kind: 'select', source });
    },
    hover(index, source = null) {
      const hovered = Number.isInteger(index) && index >= 0 ? index : -1;
      if (hovered === state.hovered) return;
      state = { ...state, hovered };
      notify({ kind: 'hover', source });
    },
    clear(source = null) {
      this.select(new Uint32Array(0), 'replace', source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
