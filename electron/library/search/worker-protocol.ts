import type { SearchQuery } from './query.js';

/** One paper's new searchable text: the record part, the content part (undefined: unchanged), or gone. */
export type TextUpdate = readonly [id: string, record: string | null, content?: string];

/** Main → search worker. */
export type WorkerRequest =
  | { readonly type: 'update'; readonly docs: readonly TextUpdate[] }
  | { readonly type: 'search'; readonly requestId: number; readonly query: SearchQuery };

/** Search worker → main. */
export type WorkerReply =
  | { readonly type: 'ready'; readonly papers: number; readonly ms: number }
  | { readonly type: 'result'; readonly requestId: number; readonly ids: readonly string[] }
  | { readonly type: 'error'; readonly message: string };
