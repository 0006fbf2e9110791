/**
 * Resource integration: the four authorities of Swedish financial coordination (municipality, regional
 * healthcare, employment service, social insurance agency) and the service user in the actors lane, with
 * lanes for the resources they bring and the value outcomes that come out. Lane headers are notes, not
 * arenas: an arena means "where actors meet", and a lane is only a reading direction.
 */
import type { TemplateDefinition, TemplateElement } from './templateTypes.js'

const LANE = 440
const HEADER = { w: 280, h: 72 }
const ROW = 104

const actor = (id: string, kind: string, row: number, en: string, sv: string): TemplateElement => ({
  id,
  type: 'actor',
  kind,
  x: 0,
  y: 120 + row * ROW,
  label: { en, sv },
})

const value = (id: string, kind: string, row: number, en: string, sv: string): TemplateElement => ({
  id,
  type: 'value',
  kind,
  x: 2 * LANE,
  y: 120 + row * ROW,
  label: { en, sv },
})

/** Actors, resources and value outcomes in three lanes. */
export const resourceIntegrationTemplate: TemplateDefinition = {
  info: {
    en: {
      name: 'Resource integration',
      description:
        'The four authorities and the service user, with lanes for the resources they bring and the value that comes out.',
    },
    sv: {
      name: 'Resursintegration',
      description:
        'De fyra myndigheterna och brukaren, med fält för resurserna de bidrar med och värdet som skapas.',
    },
  },
  content: () => ({
    title: { en: 'Resource integration', sv: 'Resursintegration' },
    meetings: [],
    links: [],
    elements: [
      {
        id: 'lane-actors',
        type: 'note',
        x: 0,
        y: 0,
        ...HEADER,
        label: { en: 'Actors: who takes part?', sv: 'Aktörer: vilka deltar?' },
      },
      {
        id: 'lane-resources',
        type: 'note',
        x: LANE,
        y: 0,
        ...HEADER,
        label: { en: 'Resources: what does each actor bring?', sv: 'Resurser: vad bidrar varje aktör med?' },
      },
      {
        id: 'lane-values',
        type: 'note',
        x: 2 * LANE,
        y: 0,
        ...HEADER,
        label: {
          en: 'Value outcomes: what value comes out, for whom?',
          sv: 'Värdeutfall: vilket värde skapas, för vem?',
        },
      },
      actor('municipality', 'organization', 0, 'Municipality', 'Kommunen'),
      actor('region', 'organization', 1, 'Regional healthcare', 'Regionen (hälso- och sjukvården)'),
      actor('employment', 'organization', 2, 'Public Employment Service', 'Arbetsförmedlingen'),
      actor('insurance', 'organization', 3, 'Social Insurance Agency', 'Försäkringskassan'),
      actor('service-user', 'service-user', 4, 'The service user', 'Brukaren'),
      {
        id: 'hint-resources',
        type: 'note',
        x: LANE,
        y: 120,
        w: 280,
        h: 200,
        label: {
          en: 'Operant resources: knowledge, competence, mandate, network. Operand resources: funding, time, facilities, data, systems. Link each to the actor that provides it and to the value it contributes to.',
          sv: 'Operanta resurser: kunskap, kompetens, mandat, nätverk. Operanda resurser: finansiering, tid, lokaler, data, system. Länka varje resurs till aktören som bidrar med den och till värdet den bidrar till.',
        },
      },
      value('value-user', 'service-user', 0, 'Value for the service user', 'Värde för brukaren'),
      value(
        'value-organisations',
        'organization',
        1,
        'Value for the organisations',
        'Värde för organisationerna',
      ),
      value('value-society', 'society', 2, 'Value for society', 'Värde för samhället'),
    ],
  }),
}
