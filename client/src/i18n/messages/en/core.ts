/**
 * Core UI text: the start page, the board page's frame, connection states, the toolbar and the canvas.
 * Each feature keeps its text in its own file, in English here (`messages/en/<feature>.ts`, which also
 * defines the keys) and in Swedish in `messages/sv/<feature>.ts`; `en.ts` and `sv.ts` merge them, and the
 * compiler checks that Swedish has every English key. One file per language, so that a browser loads
 * only the language it shows (I18n.tsx).
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
  'panel.loading': 'Loading…',
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

  'toolbar.label': 'Board tools',
  'toolbar.addActor': 'Add actor',
  'toolbar.addResource': 'Add resource',
  'toolbar.addValue': 'Add value outcome',
  'toolbar.addNote': 'Add note',
  'toolbar.addBarrier': 'Add barrier',
  'toolbar.addArena': 'Add arena',
  'toolbar.connect': 'Connect',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.zoomIn': 'Zoom in',
  'toolbar.zoomOut': 'Zoom out',
  'toolbar.zoomToFit': 'Zoom to fit',
  'toolbar.zoomToSelection': 'Zoom to selection',
  'toolbar.outline': 'Outline',
  'toolbar.snap': 'Snap to grid',
  'toolbar.shortcut': '{action} ({key})',
  'canvas.label': 'Board canvas: {count} element(s). Use the outline for a list of everything on the board.',
  'canvas.editLabel': 'Label of {what}',
  'canvas.readOnly': 'This board is read-only for you right now.',
  'linkPicker.title': 'Kind of link',
  'linkPicker.done': 'Done',
  'panel.close': 'Close {title}',
  'refused.text': 'A change of yours was not saved ({reason}). Your board now differs from everyone else’s.',
  'refused.reload': 'Reload the board',

  'error.network': 'Could not reach the server. Check the connection and try again.',
  'error.generic': 'Something went wrong: {message}',
} as const
