/**
 * Character n-grams of free Chinese text, with no word segmenter: a petition's text is split into runs of Han
 * characters, runs of other letters and digits (ASCII words, numbers) and single emoji; every Han run gives its
 * 1..maxN-grams, every word one token, every emoji one token. Runs never join across punctuation or spaces, so
 * "停电了，变压器" has no n-gram "了，变".
 */

export const DEFAULT_MAX_NGRAM = 3;

type RunKind = 'han' | 'word' | 'emoji' | 'separator';

const HAN = /^\p{Script=Han}$/u;
const WORD = /^[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const DIGITS = /\p{Nd}+/gu;

/** Full-width forms to ASCII (ＡＢＣ１２３ → abc123, ，→ ,), lower case: the same text typed on any keyboard. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function kindOf(grapheme: string): RunKind {
  if (HAN.test(grapheme)) return 'han';
  if (EMOJI.test(grapheme)) return 'emoji';
  if (WORD.test(grapheme)) return 'word';
  return 'separator';
}

interface Run {
  kind: RunKind;
  graphemes: string[];
}

/** Graphemes, not code points: 👍🏻 or a flag is one symbol, and a Han character is one grapheme. */
function graphemesOf(text: string): string[] {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const grapheme of graphemesOf(normalise(text))) {
    const kind = kindOf(grapheme);
    const last = runs[runs.length - 1];
    // An emoji is a run of its own: 😭😭 is two tokens, as a repeated word would be.
    if (last && last.kind === kind && kind !== 'emoji') last.graphemes.push(grapheme);
    else runs.push({ kind, graphemes: [grapheme] });
  }
  return runs;
}

function hanNgrams(graphemes: readonly string[], maxN: number): string[] {
  const grams: string[] = [];
  for (let n = 1; n <= maxN; n += 1) {
    for (let start = 0; start + n <= graphemes.length; start += 1)
      grams.push(graphemes.slice(start, start + n).join(''));
  }
  return grams;
}

/**
 * The tokens of a text, in order of appearance by n (all 1-grams, then 2-grams...) within each run, duplicates
 * kept. Han n-grams are bare ("停电"); words are `w:` with every digit run replaced by 0 ("2023" → "w:0", "c区" gives
 * "w:c" and "区"), so numbers generalise; emoji are `e:`.
 */
export function tokenise(text: string, maxN: number = DEFAULT_MAX_NGRAM): string[] {
  if (!Number.isInteger(maxN) || maxN < 1) throw new RangeError(`maxN must be a positive integer, got ${maxN}`);
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    switch (run.kind) {
      case 'han':
        tokens.push(...hanNgrams(run.graphemes, maxN));
        break;
      case 'word':
        tokens.push(`w:${run.graphemes.join('').replace(DIGITS, '0')}`);
        break;
      case 'emoji':
        tokens.push(`e:${run.graphemes.join('')}`);
        break;
      case 'separator':
        break;
    }
  }
  return tokens;
}
