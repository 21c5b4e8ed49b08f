import type { SearchQuery } from './query.js';

/** Main → search worker. */
export type WorkerRequest =
  | { readonly type: 'update'; readonly docs: ReadonlyArray<readonly [string, string | null]> }
  | { readonly type: 'search'; readonly requestId: number; readonly query: SearchQuery };

/** Search worker → main. */
export type WorkerReply =
  | { readonly type: 'ready'; readonly papers: number; readonly ms: number }
  | { readonly type: 'result'; readonly requestId: number; readonly ids: readonly string[] }
  | { readonly type: 'error'; readonly message: string };
