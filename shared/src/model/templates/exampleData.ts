/**
 * The example board: the content of `shared/fixtures/samordningsforbund.json` (a financial coordination
 * association of four authorities, mapped by a research circle over four meetings), embedded as data so
 * that no file is read at run time. `templates.test.ts` checks that it still equals the fixture.
 * Positions are not part of it: `applyTemplate` lays it out with `layoutBoard`.
 */
import type { ElementType, LinkKind } from '../types.js'
import type { TemplateText } from './templateTypes.js'

/** One element of the example, as in the fixture. */
export interface ExampleElement {
  readonly id: string
  readonly type: ElementType
  readonly kind: string
  readonly label: TemplateText
  readonly meeting: number
  readonly org?: string
  readonly tags?: readonly string[]
}

/** One link of the example, as in the fixture (the fixture's links have no ids). */
export interface ExampleLink {
  readonly from: string
  readonly to: string
  readonly kind: LinkKind
  readonly meeting: number
  readonly label?: TemplateText
}

/** One meeting of the example. */
export interface ExampleMeeting {
  readonly number: number
  readonly date: string
  readonly title: TemplateText
}

/** The board's title. */
export const EXAMPLE_TITLE: TemplateText = {
  sv: 'Unga vuxna långt från arbetsmarknaden: samverkan i ett samordningsförbund',
  en: 'Young adults far from the labour market: collaboration in a financial coordination association',
}

/** The circle's four meetings. */
export const EXAMPLE_MEETINGS: readonly ExampleMeeting[] = [
  {
    number: 1,
    date: '2021-09-14',
    title: { sv: 'Vilka är vi och vad bidrar vi med?', en: 'Who are we and what do we bring?' },
  },
  {
    number: 2,
    date: '2021-10-19',
    title: { sv: 'Brukarens väg genom myndigheterna', en: "The user's path through the authorities" },
  },
  {
    number: 3,
    date: '2021-11-23',
    title: { sv: 'Gemensamma resurser och mandat', en: 'Joint resources and mandates' },
  },
  {
    number: 4,
    date: '2022-01-18',
    title: { sv: 'Vad händer när projektet slutar?', en: 'What happens when the project ends?' },
  },
]

/** The 48 elements, in the fixture's order. */
export const EXAMPLE_ELEMENTS: readonly ExampleElement[] = [
  {
    id: 'o-kommun',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Kommunen (socialtjänsten)', en: 'Municipality (social services)' },
    meeting: 1,
  },
  {
    id: 'o-region',
    type: 'actor',
    kind: 'organization',
    label: {
      sv: 'Region Skåne (primärvård och psykiatri)',
      en: 'Regional healthcare (primary care and psychiatry)',
    },
    meeting: 1,
  },
  {
    id: 'o-af',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Arbetsförmedlingen', en: 'Public Employment Service' },
    meeting: 1,
  },
  {
    id: 'o-fk',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Försäkringskassan', en: 'Social Insurance Agency' },
    meeting: 1,
  },
  {
    id: 'o-forbund',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Samordningsförbundet', en: 'Financial coordination association' },
    meeting: 1,
  },
  {
    id: 'o-skola',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Vuxenutbildningen', en: 'Adult education' },
    meeting: 3,
  },
  {
    id: 'o-brukarorg',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Brukarföreningen', en: 'Service-user association' },
    meeting: 4,
  },
  {
    id: 'o-universitet',
    type: 'actor',
    kind: 'organization',
    label: { sv: 'Universitetet', en: 'University' },
    meeting: 1,
  },
  {
    id: 'p-samordnare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Samordnare', en: 'Coordinator' },
    meeting: 1,
    org: 'o-forbund',
  },
  {
    id: 'p-projektledare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Projektledare', en: 'Project manager' },
    meeting: 1,
    org: 'o-forbund',
  },
  {
    id: 'p-socialsekreterare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Socialsekreterare', en: 'Social worker' },
    meeting: 1,
    org: 'o-kommun',
  },
  {
    id: 'p-arbetsterapeut',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Arbetsterapeut', en: 'Occupational therapist' },
    meeting: 2,
    org: 'o-region',
  },
  {
    id: 'p-arbetsformedlare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Arbetsförmedlare', en: 'Employment officer' },
    meeting: 1,
    org: 'o-af',
  },
  {
    id: 'p-handlaggare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Handläggare', en: 'Case officer' },
    meeting: 2,
    org: 'o-fk',
  },
  {
    id: 'p-forskare',
    type: 'actor',
    kind: 'role',
    label: { sv: 'Forskare', en: 'Researcher' },
    meeting: 1,
    org: 'o-universitet',
  },
  {
    id: 'u-brukaren',
    type: 'actor',
    kind: 'service-user',
    label: {
      sv: 'Brukaren: ung vuxen långt från arbetsmarknaden',
      en: 'Service user: young adult far from the labour market',
    },
    meeting: 1,
  },
  {
    id: 'r-livssituation',
    type: 'resource',
    kind: 'knowledge',
    label: { sv: 'Kunskap om den egna livssituationen', en: "Knowledge of one's own life situation" },
    meeting: 1,
  },
  {
    id: 'r-arbetsmarknad',
    type: 'resource',
    kind: 'knowledge',
    label: { sv: 'Kunskap om arbetsmarknaden', en: 'Labour-market knowledge' },
    meeting: 1,
  },
  {
    id: 'r-bedomning',
    type: 'resource',
    kind: 'competence',
    label: { sv: 'Medicinsk bedömning', en: 'Medical assessment' },
    meeting: 2,
  },
  {
    id: 'r-bistand',
    type: 'resource',
    kind: 'funding',
    label: { sv: 'Ekonomiskt bistånd', en: 'Social assistance' },
    meeting: 1,
  },
  {
    id: 'r-ersattning',
    type: 'resource',
    kind: 'funding',
    label: { sv: 'Aktivitetsersättning', en: 'Activity compensation' },
    meeting: 2,
  },
  {
    id: 'r-samordningsmedel',
    type: 'resource',
    kind: 'funding',
    label: { sv: 'Samordningsmedel', en: 'Coordination funding' },
    meeting: 1,
  },
  {
    id: 'r-samordnartid',
    type: 'resource',
    kind: 'time',
    label: { sv: 'Samordnarens tid', en: "The coordinator's time" },
    meeting: 1,
  },
  {
    id: 'r-lokal',
    type: 'resource',
    kind: 'facilities',
    label: { sv: 'Gemensam lokal: en väg in', en: 'Shared premises: one way in' },
    meeting: 3,
  },
  {
    id: 'r-statistik',
    type: 'resource',
    kind: 'data',
    label: { sv: 'Uppföljningsdata från fyra myndigheter', en: 'Follow-up data from four authorities' },
    meeting: 2,
  },
  {
    id: 'r-arbetsgivare',
    type: 'resource',
    kind: 'network',
    label: { sv: 'Nätverk med lokala arbetsgivare', en: 'Network of local employers' },
    meeting: 2,
  },
  {
    id: 'r-mandat',
    type: 'resource',
    kind: 'mandate',
    label: { sv: 'Mandat att fatta gemensamma beslut', en: 'Mandate to take joint decisions' },
    meeting: 3,
  },
  {
    id: 'r-forskning',
    type: 'resource',
    kind: 'knowledge',
    label: { sv: 'Forskningsbaserad kunskap om samverkan', en: 'Research-based knowledge of collaboration' },
    meeting: 1,
  },
  {
    id: 'r-handledning',
    type: 'resource',
    kind: 'competence',
    label: { sv: 'Handledning i motiverande samtal', en: 'Supervision in motivational interviewing' },
    meeting: 3,
  },
  {
    id: 'r-studier',
    type: 'resource',
    kind: 'competence',
    label: { sv: 'Studier på grundläggande nivå', en: 'Studies at basic level' },
    meeting: 3,
  },
  {
    id: 'v-forsorjning',
    type: 'value',
    kind: 'service-user',
    label: { sv: 'Egen försörjning', en: 'Self-support' },
    meeting: 1,
  },
  {
    id: 'v-halsa',
    type: 'value',
    kind: 'service-user',
    label: { sv: 'Stärkt hälsa och vardag', en: 'Better health and everyday life' },
    meeting: 1,
  },
  {
    id: 'v-enplan',
    type: 'value',
    kind: 'service-user',
    label: { sv: 'En samlad plan i stället för fyra', en: 'One joint plan instead of four' },
    meeting: 2,
  },
  {
    id: 'v-rundsnurr',
    type: 'value',
    kind: 'organization',
    label: { sv: 'Mindre rundsnurr mellan myndigheter', en: 'Less shuttling between authorities' },
    meeting: 2,
  },
  {
    id: 'v-tillit',
    type: 'value',
    kind: 'organization',
    label: { sv: 'Ökad tillit mellan myndigheterna', en: 'More trust between the authorities' },
    meeting: 3,
  },
  {
    id: 'v-larande',
    type: 'value',
    kind: 'organization',
    label: { sv: 'Lärande i nätverket', en: 'Learning in the network' },
    meeting: 4,
  },
  {
    id: 'v-resurser',
    type: 'value',
    kind: 'society',
    label: { sv: 'Effektivare användning av offentliga medel', en: 'Better use of public money' },
    meeting: 1,
  },
  {
    id: 'b-sekretess',
    type: 'barrier',
    kind: 'other',
    label: { sv: 'Sekretess mellan myndigheterna', en: 'Secrecy between the authorities' },
    meeting: 1,
  },
  {
    id: 'b-regelverk',
    type: 'barrier',
    kind: 'other',
    label: { sv: 'Olika regelverk och ersättningssystem', en: 'Different rules and benefit systems' },
    meeting: 2,
  },
  {
    id: 'b-stupror',
    type: 'barrier',
    kind: 'other',
    label: { sv: 'Stuprörsfinansiering', en: 'Silo funding' },
    meeting: 2,
  },
  {
    id: 'b-projekttid',
    type: 'barrier',
    kind: 'other',
    label: { sv: 'Tillfällig projektfinansiering', en: 'Temporary project funding' },
    meeting: 3,
  },
  {
    id: 'b-omsattning',
    type: 'barrier',
    kind: 'other',
    label: { sv: 'Personalomsättning', en: 'Staff turnover' },
    meeting: 4,
  },
  {
    id: 'n-vemager',
    type: 'note',
    kind: 'other',
    label: {
      sv: 'Vem äger frågan när brukaren har insatser hos alla fyra?',
      en: 'Who owns the case when the user has support from all four?',
    },
    meeting: 1,
  },
  {
    id: 'n-manualer',
    type: 'note',
    kind: 'other',
    label: {
      sv: 'Samordnaren kan inte luta sig mot manualer: lösningar skapas tillsammans',
      en: 'The coordinator cannot lean on manuals: solutions are made together',
    },
    meeting: 2,
  },
  {
    id: 'n-ledarskap',
    type: 'note',
    kind: 'other',
    label: {
      sv: 'Kollektivt ledarskap: vem tar ansvar när projektet slutar?',
      en: 'Collective leadership: who takes responsibility when the project ends?',
    },
    meeting: 4,
  },
  {
    id: 'a-natverksmote',
    type: 'arena',
    kind: 'other',
    label: { sv: 'Nätverksmöte med de fyra myndigheterna', en: 'Network meeting of the four authorities' },
    meeting: 1,
  },
  {
    id: 'a-cirkel',
    type: 'arena',
    kind: 'other',
    label: { sv: 'Forskningscirkeln', en: 'The research circle' },
    meeting: 1,
  },
  {
    id: 'a-sip',
    type: 'arena',
    kind: 'other',
    label: { sv: 'Samordnad individuell plan (SIP)', en: 'Coordinated individual plan' },
    meeting: 2,
  },
]

/** The 45 links, in the fixture's order. */
export const EXAMPLE_LINKS: readonly ExampleLink[] = [
  { from: 'o-kommun', to: 'r-bistand', kind: 'provides', meeting: 1 },
  { from: 'o-region', to: 'r-bedomning', kind: 'provides', meeting: 2 },
  { from: 'o-af', to: 'r-arbetsmarknad', kind: 'provides', meeting: 1 },
  { from: 'o-af', to: 'r-arbetsgivare', kind: 'provides', meeting: 2 },
  { from: 'o-fk', to: 'r-ersattning', kind: 'provides', meeting: 2 },
  { from: 'o-forbund', to: 'r-samordningsmedel', kind: 'provides', meeting: 1 },
  { from: 'p-samordnare', to: 'r-samordnartid', kind: 'provides', meeting: 1 },
  { from: 'o-kommun', to: 'r-lokal', kind: 'provides', meeting: 3 },
  { from: 'o-forbund', to: 'r-statistik', kind: 'provides', meeting: 2 },
  { from: 'o-forbund', to: 'r-mandat', kind: 'provides', meeting: 3 },
  { from: 'p-forskare', to: 'r-forskning', kind: 'provides', meeting: 1 },
  { from: 'o-region', to: 'r-handledning', kind: 'provides', meeting: 3 },
  { from: 'o-skola', to: 'r-studier', kind: 'provides', meeting: 3 },
  { from: 'u-brukaren', to: 'r-livssituation', kind: 'provides', meeting: 1 },
  { from: 'r-livssituation', to: 'v-enplan', kind: 'contributes', meeting: 2 },
  { from: 'r-livssituation', to: 'v-halsa', kind: 'contributes', meeting: 1 },
  { from: 'r-arbetsmarknad', to: 'v-forsorjning', kind: 'contributes', meeting: 1 },
  { from: 'r-bedomning', to: 'v-halsa', kind: 'contributes', meeting: 2 },
  { from: 'r-bistand', to: 'v-forsorjning', kind: 'contributes', meeting: 1 },
  { from: 'r-ersattning', to: 'v-forsorjning', kind: 'contributes', meeting: 2 },
  { from: 'r-samordningsmedel', to: 'v-resurser', kind: 'contributes', meeting: 1 },
  { from: 'r-samordnartid', to: 'v-enplan', kind: 'contributes', meeting: 1 },
  { from: 'r-samordnartid', to: 'v-rundsnurr', kind: 'contributes', meeting: 2 },
  { from: 'r-lokal', to: 'v-rundsnurr', kind: 'contributes', meeting: 3 },
  { from: 'r-arbetsgivare', to: 'v-forsorjning', kind: 'contributes', meeting: 2 },
  { from: 'r-mandat', to: 'v-tillit', kind: 'contributes', meeting: 3 },
  { from: 'r-forskning', to: 'v-tillit', kind: 'contributes', meeting: 3 },
  { from: 'r-handledning', to: 'v-halsa', kind: 'contributes', meeting: 3 },
  { from: 'r-studier', to: 'v-forsorjning', kind: 'contributes', meeting: 3 },
  { from: 'r-livssituation', to: 'r-samordnartid', kind: 'integrates', meeting: 1 },
  { from: 'r-bedomning', to: 'r-ersattning', kind: 'integrates', meeting: 2 },
  { from: 'r-arbetsmarknad', to: 'r-studier', kind: 'integrates', meeting: 3 },
  { from: 'o-kommun', to: 'o-region', kind: 'collaborates', meeting: 1 },
  { from: 'o-af', to: 'o-fk', kind: 'collaborates', meeting: 1 },
  { from: 'o-kommun', to: 'o-af', kind: 'collaborates', meeting: 2 },
  { from: 'o-forbund', to: 'o-universitet', kind: 'collaborates', meeting: 1 },
  { from: 'p-samordnare', to: 'p-socialsekreterare', kind: 'coordinates', meeting: 1 },
  { from: 'p-samordnare', to: 'p-arbetsformedlare', kind: 'coordinates', meeting: 1 },
  { from: 'p-samordnare', to: 'p-handlaggare', kind: 'coordinates', meeting: 2 },
  { from: 'p-samordnare', to: 'p-arbetsterapeut', kind: 'coordinates', meeting: 2 },
  {
    from: 'b-sekretess',
    to: 'r-statistik',
    kind: 'hinders',
    meeting: 1,
    label: { sv: 'delas inte', en: 'not shared' },
  },
  { from: 'b-regelverk', to: 'v-enplan', kind: 'hinders', meeting: 2 },
  { from: 'b-stupror', to: 'r-samordningsmedel', kind: 'hinders', meeting: 2 },
  { from: 'b-projekttid', to: 'r-samordnartid', kind: 'hinders', meeting: 3 },
  { from: 'b-omsattning', to: 'r-handledning', kind: 'hinders', meeting: 4 },
]
