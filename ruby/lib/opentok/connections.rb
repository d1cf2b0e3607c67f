# frozen_string_literal: true

require_relative "internal"
require_relative "connection"
require_relative "connection_list"

module OpenTok
  # Connection methods: `opentok.connections`.
  class Connections
    # @private
    def initialize(client)
      @client = client
    end

    # Disconnects a client from a session. Returns true.
    # @raise [OpenTokConnectionError] the client is not connected (404) or the request failed.
    def forceDisconnect(session_id, connection_id) # rubocop:disable Naming/MethodName
      args = { "session_id" => Internal.id!("session_id", session_id),
               "connection_id" => Internal.id!("connection_id", connection_id) }
      Internal.call(@client, "force_disconnect", args)
      true
    end
    alias force_disconnect forceDisconnect

    # The session's connections, as a ConnectionList (not in the official gem).
    def list(session_id)
      ConnectionList.new(self, Internal.call(@client, "list_connections", { "session_id" => Internal.id!("session_id", session_id) }))
    end
    alias all list
  end
end
