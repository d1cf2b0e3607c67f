# frozen_string_literal: true

module OpenTok
  # A client connection to a session. Readers: connection_id, connection_state, created_at.
  class Connection < Resource
    fields :connection_id, :connection_state, :created_at
  end

  # An Array of Connection objects with the total count, project_id and session_id.
  class ConnectionList < ResourceList
    attr_reader :project_id, :session_id

    # @private
    def initialize(interface, json)
      super(interface, json, Connection)
      @project_id = json["projectId"] || json["applicationId"]
      @session_id = json["sessionId"]
    end
  end
end
