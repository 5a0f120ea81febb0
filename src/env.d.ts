// Per-page values shared between a page and the components it renders.
declare namespace App {
  interface Locals {
    /** On a work-plan page: what the MDX components need beyond their own props. */
    workplan?: {
      /** How each division renders (heading level, link label, themes), by id. */
      views: Map<string, import('./lib/themes/views').DivisionView>;
      /** The top-level divisions, for the table of contents shown before the first of them. */
      divisions: import('./schemas/workplan').Division[];
    };
  }
}
