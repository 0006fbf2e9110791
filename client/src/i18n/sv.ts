/** Swedish UI text (keys as in en.ts; the compiler checks that none is missing). */
import type { Messages } from './en.js'

export const sv: Messages = {
  'app.name': 'circleboard',
  'app.tagline': 'En gemensam tavla för forskningscirklar',
  'lang.switch': 'Språk',
  'lang.en': 'English',
  'lang.sv': 'Svenska',

  'start.title': 'Starta en tavla för er cirkel',
  'start.intro':
    'Kartlägg tillsammans, möte för möte, vilka som deltar, vad var och en bidrar med, hur resurserna integreras och vilket värde som skapas.',
  'start.boardTitle': 'Tavlans namn',
  'start.boardTitlePlaceholder': 't.ex. Unga vuxna långt från arbetsmarknaden',
  'start.template': 'Börja från',
  'start.serverKey': 'Servernyckel',
  'start.serverKeyHelp': 'Den här servern kräver sin nyckel för att skapa tavlor. Fråga den som driver den.',
  'start.create': 'Skapa tavla',
  'start.creating': 'Skapar…',
  'start.created': 'Tavlan är klar',
  'start.linksIntro':
    'Dela länkarna. Den som har en länk får dess roll, så skicka varje länk bara till dem den är avsedd för. Behåll samtalsledarens länk för dig själv.',
  'start.open': 'Öppna som samtalsledare',
  'start.recent': 'Tavlor som öppnats i den här webbläsaren',
  'start.noRecent': 'Inga än.',

  'role.facilitator': 'Samtalsledare',
  'role.participant': 'Deltagare',
  'role.viewer': 'Visning (gemensam skärm)',
  'role.facilitator.help': 'Redigerar tavlan och leder mötet (timer, röstning, låsning).',
  'role.participant.help': 'Redigerar tavlan.',
  'role.viewer.help': 'Ser tavlan men kan inte ändra den: för skärmen i mötesrummet eller observatörer.',

  'copy.copy': 'Kopiera länken för {what}',
  'copy.copied': 'Kopierad',
  'copy.failed': 'Kopieringen misslyckades: markera länken och kopiera den för hand',

  'template.blank': 'Tom tavla',

  'board.loading': 'Öppnar tavlan…',
  'board.noToken': 'Adressen saknar behörighet. Öppna tavlan via länken du fick.',
  'board.backToStart': 'Till startsidan',
  'board.readOnly': 'Endast visning',
  'board.placeholder': 'Tavlans arbetsyta är på väg. {count} element på tavlan.',
  'board.people': '{count} här',
  'identity.guest': 'Gäst',

  'status.connecting': 'Ansluter…',
  'status.live': 'Live',
  'status.offline': 'Offline: dina ändringar sparas och skickas när anslutningen är tillbaka',
  'status.retry': 'Försök nu',
  'status.refused': 'Inte ansluten',
  'status.refused.4401': 'Länken är inte giltig (eller har gått ut). Be samtalsledaren om en ny länk.',
  'status.refused.4403': 'Länken ger inte tillgång till den här tavlan.',
  'status.refused.4404': 'Tavlan finns inte längre.',
  'status.refused.4413': 'En ändring var för stor för servern.',
  'status.refused.4429': 'För mycket på en gång: servern pausade anslutningen.',
  'status.refused.4400': 'Servern kunde inte läsa det som webbläsaren skickade.',
  'status.refused.other': 'Servern stängde anslutningen.',
  'status.serverSaid': 'Servern: {reason}',
  'status.reconnect': 'Försök igen',
  'status.busy': 'Servern är upptagen; försöker igen strax.',

  'error.network': 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
  'error.generic': 'Något gick fel: {message}',
}
