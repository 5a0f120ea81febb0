// The components handbook MDX may use without importing them: the page passes this map to <Content>.
import Callout from './Callout.astro';
import FlowDiagram from './FlowDiagram.astro';
import GlossaryEntry from './GlossaryEntry.astro';
import GlossaryTerm from './GlossaryTerm.astro';
import Related from './Related.astro';
import SourceCitation from './SourceCitation.astro';
import Steps from './Steps.astro';
import ScrollTable from '../site/ScrollTable.astro';

export const handbookComponents = { Callout, FlowDiagram, GlossaryEntry, GlossaryTerm, Related, SourceCitation, Steps, table: ScrollTable };
