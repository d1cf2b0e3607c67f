# frozen_string_literal: true

require_relative "connection"

module OpenTok
  # An Array of Connection objects with the total count, project_id and session_id.
  class ConnectionList < ResourceList
    attr_reader :project_id, :session_id

    # @private
    def initialize(interface, json)
      super(interface, json, Connection)
      json = {} unless json.is_a?(Hash)
      @project_id = json["projectId"] || json["applicationId"]
      @session_id = json["sessionId"]
    end
  end
end
