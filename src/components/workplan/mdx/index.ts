// The components a work-plan MDX file uses, rendered by WorkplanNodes.astro from the file's syntax tree.
// The names are those the importer writes (src/lib/workplan/mdx.ts) and the structure reader
// accepts (WORKPLAN_COMPONENTS in src/lib/workplan/mdast.ts).
import type { WorkplanComponent } from '../../../lib/workplan/mdast';
import Clause from './Clause.astro';
import Closing from './Closing.astro';
import Item from './Item.astro';
import List from './List.astro';
import Masthead from './Masthead.astro';
import Note from './Note.astro';
import Notice from './Notice.astro';
import Point from './Point.astro';
import Preamble from './Preamble.astro';
import Section from './Section.astro';
import Title from './Title.astro';

export const workplanComponents = { Masthead, Notice, Title, Preamble, Section, Clause, Point, Note, List, Item, Closing } satisfies Record<
  WorkplanComponent,
  unknown
>;
