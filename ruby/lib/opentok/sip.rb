# frozen_string_literal: true

require_relative "internal"

module OpenTok
  # SIP interconnect: `opentok.sip`.
  class Sip
    # @private
    def initialize(client)
      @client = client
    end

    # Dials a SIP endpoint into the session. Options: :from, :headers, :auth ({username:, password:}),
    # :secure, :video, :observe_force_mute, :streams. Returns the API's answer as a Hash
    # Returns the HTTP answer (a Response: `code`, `parsed_response`, `["id"]`, `["connectionId"]`,
    # `["streamId"]`), as the official gem.
    def dial(session_id, token, sip_uri, opts = {})
      # the official gem checks none of these (they travel in the body); the service judges them
      fixed = { session_id: Internal.str!("session_id", session_id), token: Internal.str!("token", token),
                uri: Internal.str!("sip_uri", sip_uri) }
      Internal.call_response(@client, "dial", Internal.args(fixed, opts, "opts"))
    end

    # Plays DTMF digits (0-9, *, #, p) to every SIP participant. Returns the HTTP answer (a Response).
    def play_dtmf_to_session(session_id, dtmf_digits)
      args = { "session_id" => Internal.id!("session_id", session_id), "digits" => Checks.dtmf!(Internal.str!("digits", dtmf_digits)) }
      Internal.call_response(@client, "play_dtmf", args)
    end

    # Plays DTMF digits to one SIP connection. Returns the HTTP answer (a Response).
    def play_dtmf_to_connection(session_id, connection_id, dtmf_digits)
      args = { "session_id" => Internal.id!("session_id", session_id),
               "connection_id" => Internal.id!("connection_id", connection_id),
               "digits" => Checks.dtmf!(Internal.str!("digits", dtmf_digits)) }
      Internal.call_response(@client, "play_dtmf", args)
    end
  end
end
