# frozen_string_literal: true

require_relative "internal"

module OpenTok
  # Signaling: `opentok.signals`.
  class Signals
    # @private
    def initialize(client)
      @client = client
    end

    # Sends a signal ({type:, data:}) to every client of the session, or to one connection when
    # connection_id is not empty. Returns true.
    def send(session_id, connection_id = "", options = {})
      if connection_id.is_a?(Hash)
        options = connection_id
        connection_id = ""
      end
      fixed = { session_id: Internal.id!("session_id", session_id) }
      fixed[:connection_id] = Internal.id!("connection_id", connection_id) unless connection_id.nil? || connection_id == ""
      Internal.call(@client, "send_signal", Internal.args(fixed, options))
      true
    end
  end
end
