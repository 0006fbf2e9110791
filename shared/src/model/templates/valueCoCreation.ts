/**
 * Value co-creation canvas: areas (arenas) read left to right: the actors, the resources they bring,
 * where and how those are integrated, and the value outcomes for the service user, the organisations and
 * society.
 */
import type { TemplateDefinition, TemplateElement, TemplateText } from './templateTypes.js'

const area = (
  id: string,
  x: number,
  y: number,
  w: number,
  h: number,
  label: TemplateText,
): TemplateElement => ({
  id,
  type: 'arena',
  x,
  y,
  w,
  h,
  label,
})

/** A canvas of areas from actors to value outcomes. */
export const valueCoCreationTemplate: TemplateDefinition = {
  info: {
    en: {
      name: 'Value co-creation canvas',
      description:
        'Areas for actors, the resources they bring, how resources are integrated, and value for the service user, the organisations and society.',
    },
    sv: {
      name: 'Värdeskapande i samverkan',
      description:
        'Ytor för aktörer, resurserna de bidrar med, hur resurserna integreras och värde för brukaren, organisationerna och samhället.',
    },
  },
  content: () => ({
    title: { en: 'Value co-creation', sv: 'Värdeskapande i samverkan' },
    meetings: [],
    links: [],
    elements: [
      area('area-actors', 0, 0, 400, 820, { en: 'Actors: who takes part?', sv: 'Aktörer: vilka deltar?' }),
      area('area-resources', 440, 0, 400, 820, { en: 'Resources they bring', sv: 'Resurser de bidrar med' }),
      area('area-integration', 880, 0, 480, 820, {
        en: 'Integration: how resources are combined',
        sv: 'Integration: hur resurserna kombineras',
      }),
      area('area-value-user', 1400, 0, 400, 260, {
        en: 'Value for the service user',
        sv: 'Värde för brukaren',
      }),
      area('area-value-organisations', 1400, 280, 400, 260, {
        en: 'Value for the organisations',
        sv: 'Värde för organisationerna',
      }),
      area('area-value-society', 1400, 560, 400, 260, { en: 'Value for society', sv: 'Värde för samhället' }),
      {
        id: 'service-user',
        type: 'actor',
        kind: 'service-user',
        x: 100,
        y: 80,
        arena: 'area-actors',
        label: { en: 'The service user', sv: 'Brukaren' },
      },
      {
        id: 'hint-integration',
        type: 'note',
        x: 940,
        y: 80,
        w: 360,
        h: 160,
        arena: 'area-integration',
        label: {
          en: "Which resources are combined, by whom, and in which arena? Link them with 'integrates with'.",
          sv: "Vilka resurser kombineras, av vem och på vilken arena? Länka dem med 'integreras med'.",
        },
      },
    ],
  }),
}
