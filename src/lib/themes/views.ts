// What each division of a document needs to render itself from the MDX components, keyed by its
// id: heading level, the label of its own link, whether it is a point and its themes. Computed
// once per page from the structure read out of the same MDX file the page renders.
import type { DivisionLevel, WorkplanBody } from '../../schemas/workplan.ts';
import type { Taxonomy, Theme } from '../../schemas/theme.ts';
import { divisionLabel, headingLevel } from '../workplan/present.ts';
import { walkDivisions } from '../workplan/text.ts';
import { themesOfPoint } from './match.ts';

export interface DivisionView {
  level: DivisionLevel;
  /** 2–6: h2 for the top level, one deeper per ancestor. */
  headingLevel: 2 | 3 | 4 | 5 | 6;
  /** 第二部分第3条: names the division's own link for screen readers. */
  label: string;
  /** A point: no sub-divisions and not a section; only points carry themes. */
  isPoint: boolean;
  themes: Theme[];
}

/** The view of every division of `body`, by id. */
export function divisionViews(body: WorkplanBody, taxonomy: Taxonomy): Map<string, DivisionView> {
  return new Map(
    walkDivisions(body.divisions).map(({ division, ancestors }) => {
      const isPoint = division.children.length === 0 && division.level !== 'section';
      return [
        division.id,
        {
          level: division.level,
          headingLevel: headingLevel(ancestors.length),
          label: divisionLabel(division, ancestors),
          isPoint,
          themes: isPoint ? themesOfPoint(division, taxonomy) : [],
        },
      ];
    }),
  );
}
