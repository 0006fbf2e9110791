/**
 * The example board (`exampleData.ts`, from the fixture), laid out with `layoutBoard` because the fixture
 * has no positions. Element ids are the fixture's, so the fixture README's known analysis answers hold for
 * a board made from this template when the ids were free.
 */
import { layoutBoard } from '../layout.js'
import type { TemplateDefinition, TemplateElement } from './templateTypes.js'
import { EXAMPLE_ELEMENTS, EXAMPLE_LINKS, EXAMPLE_MEETINGS, EXAMPLE_TITLE } from './exampleData.js'

/** A realistic board: four authorities, a coordination association and a research circle over four meetings. */
export const exampleTemplate: TemplateDefinition = {
  info: {
    en: {
      name: 'Example: a coordination association',
      description:
        'A realistic board: four authorities and a financial coordination association working with young adults, mapped over four meetings.',
    },
    sv: {
      name: 'Exempel: ett samordningsförbund',
      description:
        'En realistisk tavla: fyra myndigheter och ett samordningsförbund som arbetar med unga vuxna, kartlagt under fyra träffar.',
    },
  },
  content: () => {
    const boxes = layoutBoard(
      EXAMPLE_ELEMENTS.map((el) => ({ ...el, org: el.org ?? null, arena: null })),
      EXAMPLE_LINKS,
    )
    const elements: TemplateElement[] = EXAMPLE_ELEMENTS.map((el) => {
      const box = boxes.get(el.id) ?? { x: 0, y: 0, w: undefined, h: undefined }
      return { ...el, ...box }
    })
    return {
      title: EXAMPLE_TITLE,
      elements,
      links: EXAMPLE_LINKS.map((link) => ({ ...link, id: `${link.from}.${link.kind}.${link.to}` })),
      meetings: EXAMPLE_MEETINGS.map((m) => ({ ...m, id: `meeting-${m.number}` })),
    }
  },
}
