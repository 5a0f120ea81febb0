// Chinese line breaking for the PDF report: no line starts with closing punctuation or ends with
// opening punctuation (禁则), Latin words and numbers stay whole, CJK may break between any two
// characters. Width comes from a callback so this is testable without jsPDF.

/** Characters that may not start a line. */
export const noLineStart = new Set([...'，。、；：？！）》〉」』】〕］｝”’…—·～%‰℃,.;:?!)]}>' + '〗〙〛'] );
/** Characters that may not end a line. */
export const noLineEnd = new Set([...'（《〈「『【〔［｛“‘([{<〖〘〚']);

const latin = /[A-Za-z0-9\u00C0-\u024F@#$&*+=^_|~\\/'"-]/u;

/** Split text into unbreakable atoms: Latin runs, single CJK characters, spaces; punctuation glued to its neighbour. */
export function atoms(text: string): string[] {
  const raw: string[] = [];
  for (const char of text) {
    const last = raw[raw.length - 1];
    const joinsLatin = last !== undefined && latin.test(char) && latin.test(last[last.length - 1]!);
    // A decimal point or thousands comma inside a number stays in the number (3.5, 1,200).
    if (joinsLatin) raw[raw.length - 1] += char;
    else raw.push(char);
  }
  // Glue numbers' inner . and , (e.g. "3" "." "5" → "3.5").
  const merged: string[] = [];
  for (let index = 0; index < raw.length; index++) {
    const atom = raw[index]!;
    const previous = merged[merged.length - 1];
    const next = raw[index + 1];
    if ((atom === '.' || atom === ',') && previous && /\d$/u.test(previous) && next && /^\d/u.test(next)) {
      merged[merged.length - 1] = previous + atom + next;
      index++;
    } else merged.push(atom);
  }
  // Closing punctuation joins the atom before it; opening punctuation joins the atom after it.
  const glued: string[] = [];
  let pendingOpen = '';
  for (const atom of merged) {
    const first = atom[0]!;
    if (noLineStart.has(first) && glued.length > 0 && pendingOpen === '') {
      glued[glued.length - 1] += atom;
    } else if ((noLineEnd.has(atom[atom.length - 1]!) && atom.length === 1) || (pendingOpen !== '' && atom === ' ')) {
      pendingOpen += atom;
    } else {
      glued.push(pendingOpen + atom);
      pendingOpen = '';
    }
  }
  if (pendingOpen) glued.push(pendingOpen);
  return glued;
}

/** Break text into lines no wider than `width` (by `measure`); explicit newlines are kept. */
export function breakLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const atom of atoms(paragraph)) {
      if (line === '' && atom === ' ') continue;
      if (measure(line + atom) <= width || line === '') {
        if (line === '' && measure(atom) > width) {
          // An atom wider than the line (a very long word or number): split it by characters,
          // never before closing or after opening punctuation (that may hang past the margin).
          for (const char of atom) {
            if (line !== '' && measure(line + char) > width && !noLineStart.has(char) && !noLineEnd.has(line[line.length - 1]!)) {
              lines.push(line);
              line = '';
            }
            line += char;
          }
        } else line += atom;
      } else {
        lines.push(line.trimEnd());
        line = atom === ' ' ? '' : atom;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
