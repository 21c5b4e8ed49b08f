import { readFileSync } from 'node:fs';
import { SAMPLE_DIGEST_PATH, samplePapers } from './sample-digest.js';

/** Papers no real digest has: what tomorrow's page adds to today's. */
export const NEW_PAPERS = [
  {
    title: 'Sparse Mixture Routing Without Load Balancing Losses',
    abstract:
      'We route tokens among experts by a sparse assignment solved exactly per batch, removing the auxiliary load balancing loss. Across four model sizes the routing keeps experts evenly used and improves perplexity.',
  },
  {
    title: 'Measuring Activation Sparsity in Protein Language Models',
    abstract:
      'Protein language models are dense by design. We measure how many activations are near zero across layers and show that pruning them costs little accuracy on structure prediction benchmarks.',
  },
  {
    title: 'Retrieval Heads Explain Long Context Failures',
    abstract:
      'We find a small set of attention heads that copy from distant context. Ablating them explains most failures on needle in a haystack tests, and training them restores long context recall.',
  },
  {
    title: 'A Benchmark for Scientific Figure Question Answering',
    abstract:
      'We collect ten thousand questions about figures from recent papers, with answers checked by the authors. Current multimodal models answer fewer than half correctly, far below human readers.',
  },
] as const;

/** The sample page again, holding only the papers at these positions, then the new ones: "tomorrow's digest". */
export function secondDigest(
  positions: readonly number[],
  extra: ReadonlyArray<{ title: string; abstract: string }>,
): string {
  const furniture = readFileSync(SAMPLE_DIGEST_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 5);
  const sample = samplePapers();
  const papers = [...positions.map((i) => sample[i]!), ...extra];
  return [...furniture, ...papers.flatMap((p) => [p.title, p.abstract])].join('\n\n') + '\n';
}
