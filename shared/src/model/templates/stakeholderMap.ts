/**
 * Stakeholder map: concentric rings around the service user (core, involved, peripheral), drawn as arenas
 * from the outside in so that inner rings stack above outer ones; a few actors placed in rings as examples.
 * Each actor is a member of the innermost ring it sits in.
 */
import type { TemplateDefinition } from './templateTypes.js'

/** Rings around the service user. */
export const stakeholderMapTemplate: TemplateDefinition = {
  info: {
    en: {
      name: 'Stakeholder map',
      description: 'Concentric rings around the service user: core, involved and peripheral actors.',
    },
    sv: {
      name: 'Intressentkarta',
      description: 'Ringar runt brukaren: aktörer i kärnan, involverade och perifera.',
    },
  },
  content: () => ({
    title: { en: 'Stakeholder map', sv: 'Intressentkarta' },
    meetings: [],
    links: [],
    elements: [
      {
        id: 'ring-peripheral',
        type: 'arena',
        x: -800,
        y: -560,
        w: 1600,
        h: 1120,
        label: {
          en: 'Peripheral: affected, or involved now and then',
          sv: 'Perifera: berörda, eller involverade ibland',
        },
      },
      {
        id: 'ring-involved',
        type: 'arena',
        x: -560,
        y: -380,
        w: 1120,
        h: 760,
        label: { en: 'Involved: take part regularly', sv: 'Involverade: deltar regelbundet' },
      },
      {
        id: 'ring-core',
        type: 'arena',
        x: -320,
        y: -200,
        w: 640,
        h: 400,
        label: { en: 'Core: carry the work', sv: 'Kärnan: bär arbetet' },
      },
      {
        id: 'service-user',
        type: 'actor',
        kind: 'service-user',
        x: -100,
        y: -40,
        arena: 'ring-core',
        label: { en: 'The service user', sv: 'Brukaren' },
      },
      {
        id: 'coordinator',
        type: 'actor',
        kind: 'role',
        x: -290,
        y: 100,
        arena: 'ring-core',
        label: { en: 'Coordinator', sv: 'Samordnare' },
      },
      {
        id: 'municipality',
        type: 'actor',
        kind: 'organization',
        x: -530,
        y: -300,
        arena: 'ring-involved',
        label: { en: 'Municipality', sv: 'Kommunen' },
      },
      {
        id: 'employment',
        type: 'actor',
        kind: 'organization',
        x: 340,
        y: -300,
        arena: 'ring-involved',
        label: { en: 'Public Employment Service', sv: 'Arbetsförmedlingen' },
      },
      {
        id: 'insurance',
        type: 'actor',
        kind: 'organization',
        x: -780,
        y: 430,
        arena: 'ring-peripheral',
        label: { en: 'Social Insurance Agency', sv: 'Försäkringskassan' },
      },
      {
        id: 'region',
        type: 'actor',
        kind: 'organization',
        x: 580,
        y: 430,
        arena: 'ring-peripheral',
        label: { en: 'Regional healthcare', sv: 'Regionen (hälso- och sjukvården)' },
      },
    ],
  }),
}
