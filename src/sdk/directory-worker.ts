// The directory's Web Worker: receives the directory as columns (transferred typed arrays), builds its spatial
// index and clusters each query off the page's main thread, and answers with positions in the host's array.
// Loaded as a module worker by worker-directory.ts; self-contained once built (no imports at run time).
import { createColumnDirectory, type ColumnDirectory, type ColumnQuery, type DirectoryColumns } from '../engine/directory/columns.js';

type Message = { type: 'load'; columns: DirectoryColumns } | { type: 'query'; id: number; query: ColumnQuery };
interface Scope {
  onmessage: ((e: MessageEvent<Message>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as Scope;
let directory: ColumnDirectory | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'load') {
    try {
      directory = createColumnDirectory(m.columns);
      // The unfiltered index now, so the first view is answered at once.
      directory.query({ zoom: 0, limit: 0 });
      scope.postMessage({ type: 'loaded' });
    } catch (error) {
      scope.postMessage({ type: 'failed', error: String(error) });
    }
    return;
  }
  try {
    if (!directory) throw new Error('directory not loaded');
    const answer = directory.query(m.query);
    scope.postMessage({ type: 'answer', id: m.id, ...answer }, [answer.items.buffer]);
  } catch (error) {
    scope.postMessage({ type: 'answer', id: m.id, error: String(error) });
  }
};
