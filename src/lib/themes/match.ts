// Which themes a piece of text belongs to. The point tags on a work-plan page and the theme
// pages both call `themesOfPoint`, so a point listed under a theme always shows that theme.
import type { Division } from '../../schemas/workplan.ts';
import type { Taxonomy, Theme } from '../../schemas/theme.ts';
import { pointMatchText } from '../workplan/text.ts';

/** Themes whose keywords occur in `text` (after removing the theme's exclusions), in taxonomy order. */
export function matchThemes(text: string, taxonomy: Taxonomy): Theme[] {
  return taxonomy.filter((theme) => {
    const cleaned = theme.exclude.reduce((rest, phrase) => rest.split(phrase).join(''), text);
    return theme.keywords.some((keyword) => cleaned.includes(keyword));
  });
}

/** Themes of a work-plan point (or clause): matched against its heading, paragraphs and enumerations. */
export function themesOfPoint(division: Division, taxonomy: Taxonomy): Theme[] {
  return matchThemes(pointMatchText(division), taxonomy);
}
