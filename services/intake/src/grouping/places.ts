/**
 * Roads and streets a petition names ("南江北路", "建设路"). Two reports of a blocked sewer in one community are two
 * matters when each names its own road: the text says so even where the n-grams ("下水道堵了") agree. A heuristic
 * without a gazetteer: the two to four Han characters before 路 / 街 / 巷 / 大道, cut after the last character
 * that cannot belong to a name ("这条路", "一马路", "走路" name no road).
 */

const ROAD = /(\p{Script=Han}{1,4})(大道|路|街|巷)(?!灯)/gu;
const NOT_IN_A_NAME = new Set(
  '这那条个一马公走道出上下在的了去来到过排段边头口门小大往从沿对后前旁里外和与及也又都说组村社区',
);

/** The road names in a text (and its free-text address), normalised (NFKC); empty when it names none. */
export function placesIn(...texts: readonly (string | null | undefined)[]): Set<string> {
  const places = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.normalize('NFKC').matchAll(ROAD)) {
      const before = Array.from(match[1] ?? '');
      const cut = before.findLastIndex((character) => NOT_IN_A_NAME.has(character));
      const name = before.slice(cut + 1);
      if (name.length >= 2) places.add(name.join('') + (match[2] ?? ''));
    }
  }
  return places;
}

/** One name is the other or ends it ("江北路" is "南江北路" written short). */
function samePlace(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

export function sharePlace(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) for (const y of b) if (samePlace(x, y)) return true;
  return false;
}

/** Both name places and none of them is the same: the texts say these are different matters. */
export function placesConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && !sharePlace(a, b);
}
