// ESM entry: `import OpenTok from 'opentok-rs'` (named error classes too).
import OpenTok from './index.js';

export default OpenTok;
export const { webhooks } = OpenTok;
export const {
  ArgumentError, AuthError, ArchiveError, CaptionsError, SipError, SignalError, ForceDisconnectError,
  CallbackError, RequestError, NotFoundError, TimeoutError, OpenTokError,
} = OpenTok;
