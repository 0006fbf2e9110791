/**
 * English UI text. Every user-facing string of the client lives here and in sv.ts (CONVENTIONS.md habit 12);
 * keys are grouped by screen. `{name}` placeholders are filled by `t(key, { name })`.
 */
export const en = {
  'app.name': 'circleboard',
  'app.tagline': 'A shared board for research circles',
  'lang.switch': 'Language',
  'lang.en': 'English',
  'lang.sv': 'Svenska',

  'start.title': 'Start a board for your circle',
  'start.intro':
    'Map who takes part, what each brings, how resources are integrated and what value comes out, together, meeting by meeting.',
  'start.boardTitle': 'Board title',
  'start.boardTitlePlaceholder': 'e.g. Young adults far from the labour market',
  'start.template': 'Start from',
  'start.serverKey': 'Server key',
  'start.serverKeyHelp': 'This server asks for its key before it creates boards. Ask whoever runs it.',
  'start.create': 'Create board',
  'start.creating': 'Creating…',
  'start.created': 'Your board is ready',
  'start.linksIntro':
    'Share these links. Anyone with a link gets its role, so send each only to whom it is meant for. Keep the facilitator link to yourself.',
  'start.open': 'Open as facilitator',
  'start.recent': 'Boards opened in this browser',
  'start.noRecent': 'None yet.',

  'role.facilitator': 'Facilitator',
  'role.participant': 'Participant',
  'role.viewer': 'Viewer (shared screen)',
  'role.facilitator.help': 'Edits the board and steers the meeting (timer, voting, lock).',
  'role.participant.help': 'Edits the board.',
  'role.viewer.help': 'Sees the board, cannot change it: for the meeting-room screen or observers.',

  'copy.copy': 'Copy {what} link',
  'copy.copied': 'Copied',
  'copy.failed': 'Copy failed: select the link and copy it by hand',

  'template.blank': 'Blank board',

  'board.loading': 'Opening the board…',
  'board.noToken': 'This address has no access token. Open the board through the link you were given.',
  'board.backToStart': 'Back to the start page',
  'board.readOnly': 'View only',
  'board.placeholder': 'The board canvas is on its way. {count} element(s) on this board.',
  'board.people': '{count} here',
  'identity.guest': 'Guest',

  'status.connecting': 'Connecting…',
  'status.live': 'Live',
  'status.offline': 'Offline: your changes are kept and sent when the connection is back',
  'status.retry': 'Retry now',
  'status.refused': 'Not connected',
  'status.refused.4401': 'This link is not valid (or has expired). Ask the facilitator for a new link.',
  'status.refused.4403': 'This link does not give access to this board.',
  'status.refused.4404': 'This board does not exist any more.',
  'status.refused.4413': 'A change was too large for the server to accept.',
  'status.refused.4429': 'Too much at once: the server paused this connection.',
  'status.refused.4400': 'The server could not read what this browser sent.',
  'status.refused.other': 'The server closed the connection.',
  'status.serverSaid': 'Server: {reason}',
  'status.reconnect': 'Try again',
  'status.busy': 'The server is busy; trying again shortly.',

  'error.network': 'Could not reach the server. Check the connection and try again.',
  'error.generic': 'Something went wrong: {message}',
} as const

/** Message keys. */
export type MessageKey = keyof typeof en
/** A full set of messages in one language. */
export type Messages = Record<MessageKey, string>
