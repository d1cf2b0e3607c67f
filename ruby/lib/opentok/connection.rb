# frozen_string_literal: true

require_relative "resource"

module OpenTok
  # A client connection to a session. Readers: connection_id, connection_state, created_at; any
  # other field by its snake_case name.
  class Connection < Resource
    fields :connection_id, :connection_state, :created_at
  end
end
