# frozen_string_literal: true

require_relative "internal"

module OpenTok
  # Audio Connector: `opentok.websocket`.
  class WebSocket
    # @private
    def initialize(client)
      @client = client
    end

    # Streams session audio to a WebSocket. Options: :streams, :headers, :audio_rate
    # (8000/16000/24000), :bidirectional, :audio_transport. Returns the HTTP answer (a Response;
    # `["id"]`, `["connectionId"]`).
    def connect(session_id, token, websocket_uri, opts = {})
      fixed = { session_id: Internal.str!("session_id", session_id), token: Internal.str!("token", token),
                uri: Internal.str!("websocket_uri", websocket_uri) }
      Internal.call_response(@client, "connect_audio", Internal.args(fixed, opts, "opts"))
    end

    # Stops an Audio Connector by its connection id (not in the official gem). Returns true.
    def disconnect(connection_id)
      Internal.call(@client, "stop_audio_connector", { "connection_id" => Internal.id!("connection_id", connection_id) })
      true
    end
  end
end
