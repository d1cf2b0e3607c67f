# frozen_string_literal: true

module OpenTok
  # Live captions: `opentok.captions`.
  class Captions
    # @private
    def initialize(client)
      @client = client
    end

    # Starts live captions. Options: :language_code, :max_duration, :partial_captions,
    # :status_callback_url. Returns the API's answer as a Hash ("captionsId").
    def start(session_id, token, options = {})
      fixed = { session_id: Internal.id!("session_id", session_id), token: Internal.id!("token", token) }
      Internal.call(@client, "start_captions", Internal.args(fixed, options))
    end

    # Stops live captions. Returns true.
    def stop(captions_id)
      Internal.call(@client, "stop_captions", { "captions_id" => Internal.id!("captions_id", captions_id) })
      true
    end

    # Caption status as a Hash ("captionId", "status", ...) (not in the official gem).
    def status(captions_id)
      Internal.call(@client, "get_captions", { "captions_id" => Internal.id!("captions_id", captions_id) })
    end
    alias find status
  end
end
