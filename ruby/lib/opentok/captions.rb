# frozen_string_literal: true

require_relative "internal"

module OpenTok
  # Live captions: `opentok.captions`.
  class Captions
    # @private
    def initialize(client)
      @client = client
    end

    # Starts live captions. Options: :language_code, :max_duration, :partial_captions,
    # :status_callback_url. Returns the HTTP answer (a Response; `["captionsId"]`).
    def start(session_id, token, options = {})
      fixed = { session_id: Internal.str!("session_id", session_id), token: Internal.str!("token", token) }
      Internal.call_response(@client, "start_captions", Internal.args(fixed, options))
    end

    # Stops live captions. Returns the HTTP answer (a Response).
    def stop(captions_id)
      Internal.call_response(@client, "stop_captions", { "captions_id" => Internal.id!("captions_id", captions_id) })
    end

    # Caption status as a Hash ("captionId", "status", ...) (not in the official gem).
    def status(captions_id)
      Internal.call(@client, "get_captions", { "captions_id" => Internal.id!("captions_id", captions_id) })
    end
    alias find status
  end
end
