import { TagSchema } from '../../../shared/models/paper.js';
import { LibraryError } from '../storage/errors.js';
import { firstIssue } from '../../../shared/validation.js';

/** Tags in first-seen order, without duplicates (compared case-insensitively). */
export function unionTags(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map((t) => t.toLowerCase()));
  const out = [...existing];
  for (const raw of added) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Tags as the user typed them, checked; the error names which one. */
export function validTags(tags: readonly string[]): string[] {
  return tags.map((raw, index) => {
    const result = TagSchema.safeParse(raw);
    if (!result.success)
      throw new LibraryError(
        'invalid-request',
        `tag ${index + 1} ("${raw.slice(0, 40)}"): ${firstIssue(result.error).message}`,
      );
    return result.data;
  });
}

/** Whether a paper's tags hold `tag` or a tag below it (`llm` holds `llm/sparsity`), case ignored. */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const wanted = tag.toLowerCase();
  return tags.some((t) => {
    const lower = t.toLowerCase();
    return lower === wanted || lower.startsWith(`${wanted}/`);
  });
}
