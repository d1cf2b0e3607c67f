# frozen_string_literal: true

module OpenTok
  # Default REST base URL.
  API_URL = "https://api.opentok.com"
  # Token roles.
  ROLES = { subscriber: "subscriber", publisher: "publisher", moderator: "moderator",
            publisheronly: "publisheronly" }.freeze
  # Session archive modes.
  ARCHIVE_MODES = ::Set.new(%i[always manual])
  # Session media modes.
  MEDIA_MODES = ::Set.new(%i[routed relayed])
end
