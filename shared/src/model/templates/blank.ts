/** The blank template: an empty board. */
import type { TemplateDefinition } from './templateTypes.js'

/** An empty board. */
export const blankTemplate: TemplateDefinition = {
  info: {
    en: { name: 'Blank board', description: 'An empty board to map from scratch.' },
    sv: { name: 'Tom tavla', description: 'En tom tavla att kartlägga på från början.' },
  },
  content: () => ({ elements: [], links: [], meetings: [], title: null }),
}
