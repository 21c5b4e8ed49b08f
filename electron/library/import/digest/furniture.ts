/**
 * Page furniture found by repetition: a short line that recurs between entries is not a paper. A line
 * repeated word for word (digits aside: `12 comments`) is furniture; a line whose first two words recur
 * (`Submitted by X`, three words) is furniture only when they recur on a good share of the entries, since
 * titles often share their first words ("Towards Efficient …").
 */

const MAX_WORDS = 6;
/** Only three-word lines are grouped by their first two (`Submitted by X`): titles that share first words are longer. */
const PREFIX_WORDS = 3;

/** The words of a short line, case and digits ignored; null for a line longer than `MAX_WORDS` (cheaply). */
function words(text: string): string[] | null {
  if (text === '' || text.trim().split(/\s+/, MAX_WORDS + 1).length > MAX_WORDS) return null;
  return text.toLowerCase().replace(/\d+/g, '#').trim().split(/\s+/);
}

export class Furniture {
  private readonly exact = new Map<string, number>();
  private readonly prefix = new Map<string, number>();
  private readonly keys = new Map<string, string | null>();

  /** `entries`: about how many entries the text holds, to judge what "recurs on a good share" means. */
  constructor(
    texts: Iterable<string>,
    private readonly entries: number,
  ) {
    for (const text of texts) {
      const w = words(text);
      if (w === null) continue;
      const exact = w.join(' ');
      this.exact.set(exact, (this.exact.get(exact) ?? 0) + 1);
      if (w.length === PREFIX_WORDS) {
        const prefix = w.slice(0, 2).join(' ');
        this.prefix.set(prefix, (this.prefix.get(prefix) ?? 0) + 1);
      }
    }
  }

  has(text: string): boolean {
    return this.keyOf(text) !== null;
  }

  /** The repeated shape a furniture line shares with its kind (`submitted by`, `# authors`), or null. */
  keyOf(text: string): string | null {
    // Furniture repeats, so most look-ups are of a line seen before.
    const known = this.keys.get(text);
    if (known !== undefined) return known;
    const key = this.computeKey(text);
    this.keys.set(text, key);
    return key;
  }

  private computeKey(text: string): string | null {
    const w = words(text);
    if (w === null) return null;
    const exact = w.join(' ');
    if ((this.exact.get(exact) ?? 0) >= 2) return exact;
    const prefix = w.slice(0, 2).join(' ');
    return w.length === PREFIX_WORDS && (this.prefix.get(prefix) ?? 0) >= Math.max(3, this.entries / 4) ? prefix : null;
  }
}
