// Per-page values shared between a page and the components it renders.
declare namespace App {
  interface Locals {
    /** On a work-plan page: how each division renders (heading level, link label, themes), by id. */
    workplanDivisions?: Map<string, import('./lib/themes/views').DivisionView>;
  }
}
